package com.drivecare.retention;

import static com.drivecare.retention.RetentionProcess.VAR_CALLBACK_AT;
import static com.drivecare.retention.RetentionProcess.VAR_CALL_OUTCOME;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete-listener of the call tasks: a call task can only be completed with a valid
 * {@code callOutcome}, and a callback needs a {@code callbackAt} in the future. A date typed in the
 * form without an offset is the customer's local time. Tasklist shows the message and the task stays open.
 */
@Component("validateCallOutcome")
public class CallOutcomeValidator implements TaskListener {

  private final Clock clock;

  CallOutcomeValidator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Object value = task.getVariable(VAR_CALL_OUTCOME);
    CallOutcome outcome;
    try {
      outcome = CallOutcome.valueOf(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("callOutcome must be one of " + Arrays.toString(CallOutcome.values())
          + ", was " + value);
    }
    if (outcome != CallOutcome.CALLBACK_REQUESTED) {
      return;
    }
    Object callback = task.getVariable(VAR_CALLBACK_AT);
    Instant at = toInstant(callback, ZoneId.of(String.valueOf(task.getVariable("customerTimeZone"))));
    if (at == null) {
      throw new ProcessEngineException("A callback needs callbackAt: when to call the customer back");
    }
    if (!at.isAfter(clock.instant())) {
      throw new ProcessEngineException("callbackAt must be in the future, was " + at);
    }
    task.getExecution().setVariable(VAR_CALLBACK_AT, Date.from(at));
  }

  /** A date typed in a form: with an offset as given, without one in {@code zone}. */
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
        throw new ProcessEngineException("Not a date and time such as 2026-11-24T10:30: " + text);
      }
    }
  }
}
