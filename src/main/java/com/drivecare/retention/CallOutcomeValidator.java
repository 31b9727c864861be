package com.drivecare.retention;

import static com.drivecare.retention.RetentionProcess.VAR_CALLBACK_AT;
import static com.drivecare.retention.RetentionProcess.VAR_CALL_OUTCOME;
import static com.drivecare.retention.RetentionProcess.VAR_CUSTOMER_TIME_ZONE;

import com.drivecare.platform.FormDates;
import com.drivecare.platform.TaskGuard.InvalidTaskInput;
import com.drivecare.platform.TaskInputRule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The rule of the call tasks: a call is completed with a valid {@code callOutcome}, and a callback
 * needs a {@code callbackAt} in the future. A date typed in the form without an offset is the
 * customer's local time. Checked before a person's completion reaches the engine (a 400 with the
 * sentence, the task stays open) and again as the tasks' complete-listener, which stores the
 * callback time as a date.
 */
@Component("validateCallOutcome")
public class CallOutcomeValidator implements TaskListener, TaskInputRule {

  private static final Set<String> CALL_TASKS = Set.of(RetentionProcess.TASK_CASE_OWNER_CALL,
      RetentionProcess.TASK_MANAGER_CALL, RetentionProcess.TASK_REGIONAL_MANAGER_CALL);

  private final Clock clock;

  CallOutcomeValidator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean appliesTo(String processDefinitionKey, String taskDefinitionKey) {
    return RetentionProcess.KEY.equals(processDefinitionKey) && CALL_TASKS.contains(taskDefinitionKey);
  }

  @Override
  public void check(Function<String, Object> values) {
    callbackAt(values);
  }

  @Override
  public void notify(DelegateTask task) {
    Instant at = callbackAt(task::getVariable);
    if (at != null) {
      task.getExecution().setVariable(VAR_CALLBACK_AT, Date.from(at));
    }
  }

  /** The callback time when the outcome asks for one, null otherwise. */
  private Instant callbackAt(Function<String, Object> values) {
    Object value = values.apply(VAR_CALL_OUTCOME);
    CallOutcome outcome;
    try {
      outcome = CallOutcome.valueOf(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new InvalidTaskInput("callOutcome must be one of " + Arrays.toString(CallOutcome.values())
          + ", was " + value);
    }
    if (outcome != CallOutcome.CALLBACK_REQUESTED) {
      return null;
    }
    Object zone = values.apply(VAR_CUSTOMER_TIME_ZONE);
    Instant at = FormDates.toInstant(values.apply(VAR_CALLBACK_AT), ZoneId.of(zone == null ? "UTC" : zone.toString()));
    if (at == null) {
      throw new InvalidTaskInput("A call-back needs the date and time to call the customer back");
    }
    if (!at.isAfter(clock.instant())) {
      throw new InvalidTaskInput("callbackAt must be in the future: the call-back time entered was "
          + at.atZone(ZoneId.of(zone == null ? "UTC" : zone.toString())).toLocalDateTime() + " the customer's time");
    }
    return at;
  }
}
