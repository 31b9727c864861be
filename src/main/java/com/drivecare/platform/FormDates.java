package com.drivecare.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** Dates and times as people type them in a Camunda Form. */
public final class FormDates {

  private FormDates() {}

  /**
   * A date and time typed in a form: with an offset as given, without one in {@code zone} (the
   * customer's local time).
   *
   * @throws TaskGuard.InvalidTaskInput when it is not a date and time
   */
  public static Instant toInstant(Object value, ZoneId zone) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeParseException e2) {
        throw new TaskGuard.InvalidTaskInput("Not a date and time such as 2026-11-24T10:30: " + text);
      }
    }
  }
}
