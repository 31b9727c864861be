package com.drivecare.service;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The business calendar SLA clocks run on: working days and hours, and holidays, per region
 * ({@code drivecare.service.calendar.*}). Round-the-clock SLAs (roadside) do not use it.
 */
@Component
public class WorkingCalendar {

  private final Settings settings;

  WorkingCalendar(Settings settings) {
    this.settings = settings;
  }

  /** {@code hours} of working time after {@code start}, in the region's calendar and time zone. */
  public Instant addWorkingTime(Instant start, Duration hours, String region, ZoneId zone) {
    Hours h = settings.regions().getOrDefault(region, settings.standard());
    Set<LocalDate> holidays = Set.copyOf(h.holidays());
    Duration left = hours;
    ZonedDateTime cursor = start.atZone(zone);
    for (int day = 0; day < 3660; day++) {
      LocalDate date = cursor.toLocalDate();
      if (h.days().contains(date.getDayOfWeek()) && !holidays.contains(date)) {
        ZonedDateTime open = date.atTime(h.start()).atZone(zone);
        ZonedDateTime close = date.atTime(h.end()).atZone(zone);
        ZonedDateTime from = cursor.isAfter(open) ? cursor : open;
        if (from.isBefore(close)) {
          Duration available = Duration.between(from, close);
          if (available.compareTo(left) >= 0) {
            return from.plus(left).toInstant();
          }
          left = left.minus(available);
        }
      }
      cursor = date.plusDays(1).atStartOfDay(zone);
    }
    throw new IllegalStateException("No working time in ten years for region " + region);
  }

  public record Hours(
      @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) List<DayOfWeek> days,
      @DefaultValue("08:00") LocalTime start,
      @DefaultValue("18:00") LocalTime end,
      @DefaultValue List<LocalDate> holidays) {}

  /** {@code standard} applies where a region has no calendar of its own. */
  @ConfigurationProperties("drivecare.service.calendar")
  public record Settings(@DefaultValue Hours standard, Map<String, Hours> regions) {
    public Settings {
      regions = regions == null ? Map.of() : regions;
    }
  }
}
