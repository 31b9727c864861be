package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.*;

import com.drivecare.platform.FormDates;
import com.drivecare.platform.TaskGuard.InvalidTaskInput;
import com.drivecare.platform.TaskInputRule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The rule of {@code Task_PerformRemedy}: a valid {@code remedyOutcome}; a delay needs a future
 * {@code newEta} (the owner's local time when typed without an offset) and a {@code delayReason}.
 * Checked before a person's completion reaches the engine, and again as the task's complete-listener,
 * which stores the new date as a date and who did the work.
 */
@Component("validateRemedyOutcome")
public class RemedyOutcomeValidator implements TaskListener, TaskInputRule {

  static final Set<String> OUTCOMES = Set.of("COMPLETED", "DELAYED", "NO_SHOW");

  private final Clock clock;

  RemedyOutcomeValidator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean appliesTo(String processDefinitionKey, String taskDefinitionKey) {
    return REMEDY_KEY.equals(processDefinitionKey) && TASK_PERFORM_REMEDY.equals(taskDefinitionKey);
  }

  @Override
  public void check(Function<String, Object> values) {
    newEta(values);
  }

  @Override
  public void notify(DelegateTask task) {
    Instant eta = newEta(task::getVariable);
    task.getExecution().setVariable(VAR_REMEDY_DONE_BY, task.getAssignee());
    if (eta != null) {
      task.getExecution().setVariable(VAR_NEW_ETA, Date.from(eta));
    }
  }

  /** The new date of a delayed repair, null for the other outcomes. */
  private Instant newEta(Function<String, Object> values) {
    Object outcome = values.apply(VAR_REMEDY_OUTCOME);
    if (!OUTCOMES.contains(String.valueOf(outcome))) {
      throw new InvalidTaskInput("remedyOutcome must be one of " + OUTCOMES + ", was " + outcome);
    }
    if (!"DELAYED".equals(outcome)) {
      return null;
    }
    Object zone = values.apply(VAR_OWNER_TIME_ZONE);
    Instant eta = FormDates.toInstant(values.apply(VAR_NEW_ETA), ZoneId.of(zone == null ? "UTC" : zone.toString()));
    if (eta == null || !eta.isAfter(clock.instant())) {
      throw new InvalidTaskInput("A delay needs newEta, a date in the future");
    }
    Object reason = values.apply(VAR_DELAY_REASON);
    if (reason == null || reason.toString().isBlank()) {
      throw new InvalidTaskInput("A delay needs delayReason: the owner is told why");
    }
    return eta;
  }
}
