package com.drivecare.recall;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * When an owner who has not booked is reminded: a written reminder on each of {@code messageDays}
 * after the invitation to book, then a call by a service advisor every {@code callEveryDays}
 * (30, 60 and 90: day 30, 60, 90, 180, 270…; the first call comes after the last written
 * reminder). Each campaign keeps its own as the named process
 * variables {@code reminderDays} ("30,60") and {@code callEveryDays} (90), set from
 * {@code drivecare.recall.*} when it is created and changeable in Cockpit; its vehicle journeys copy
 * them when they start.
 */
record ReminderSchedule(List<Integer> messageDays, int callEveryDays) {

  static final String VAR_REMINDER_DAYS = "reminderDays";
  static final String VAR_CALL_EVERY_DAYS = "callEveryDays";

  ReminderSchedule {
    messageDays = List.copyOf(messageDays);
    for (int i = 0; i < messageDays.size(); i++) {
      if (messageDays.get(i) < 1 || (i > 0 && messageDays.get(i) <= messageDays.get(i - 1))) {
        throw new IllegalArgumentException(VAR_REMINDER_DAYS + " must be rising days of 1 or more: " + messageDays);
      }
    }
    if (!messageDays.isEmpty() && callEveryDays <= messageDays.get(messageDays.size() - 1)) {
      throw new IllegalArgumentException("The first call (" + VAR_CALL_EVERY_DAYS + " " + callEveryDays
          + ") must come after the last written reminder (day " + messageDays.get(messageDays.size() - 1) + ")");
    }
  }

  /** The schedule the process carries, or {@code defaults} when it carries none. */
  static ReminderSchedule of(VariableScope scope, ReminderSchedule defaults) {
    Object days = scope.getVariable(VAR_REMINDER_DAYS);
    Object every = scope.getVariable(VAR_CALL_EVERY_DAYS);
    if (days == null || every == null) {
      return defaults;
    }
    return of(days.toString(), ((Number) every).intValue());
  }

  static ReminderSchedule of(String days, int callEveryDays) {
    try {
      return new ReminderSchedule(Arrays.stream(days.split(",")).map(String::trim).filter(d -> !d.isEmpty())
          .map(Integer::valueOf).toList(), callEveryDays);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(VAR_REMINDER_DAYS + " must be days separated by commas, e.g. 30,60: " + days, e);
    }
  }

  Map<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_REMINDER_DAYS, String.join(",", messageDays.stream().map(String::valueOf).toList()));
    variables.put(VAR_CALL_EVERY_DAYS, callEveryDays);
    return variables;
  }

  /** When the reminder after {@code remindersSent} is due. */
  Instant next(Instant invitedAt, int remindersSent) {
    long days = remindersSent < messageDays.size()
        ? messageDays.get(remindersSent)
        : (long) callEveryDays * (remindersSent - messageDays.size() + 1);
    return invitedAt.plus(Duration.ofDays(days));
  }

  /** Whether the reminder after {@code remindersSent} is a call rather than a message. */
  boolean isCall(int remindersSent) {
    return remindersSent >= messageDays.size();
  }
}
