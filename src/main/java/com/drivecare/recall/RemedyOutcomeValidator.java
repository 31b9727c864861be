package com.drivecare.recall;

import com.drivecare.retention.CallOutcomeValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete-listener of {@code Task_PerformRemedy}: a valid {@code remedyOutcome}; a delay needs a
 * future {@code newEta} (the owner's local time when typed without an offset) and a {@code delayReason}.
 */
@Component("validateRemedyOutcome")
public class RemedyOutcomeValidator implements TaskListener {

  static final Set<String> OUTCOMES = Set.of("COMPLETED", "DELAYED", "NO_SHOW");

  private final Clock clock;

  RemedyOutcomeValidator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Object outcome = task.getVariable("remedyOutcome");
    if (!OUTCOMES.contains(String.valueOf(outcome))) {
      throw new ProcessEngineException("remedyOutcome must be one of " + OUTCOMES + ", was " + outcome);
    }
    task.getExecution().setVariable("remedyDoneBy", task.getAssignee());
    if (!"DELAYED".equals(outcome)) {
      return;
    }
    Object zone = task.getVariable("ownerTimeZone");
    Instant eta = CallOutcomeValidator.toInstant(task.getVariable("newEta"), ZoneId.of(zone == null ? "UTC" : zone.toString()));
    if (eta == null || !eta.isAfter(clock.instant())) {
      throw new ProcessEngineException("A delay needs newEta, a date in the future");
    }
    Object reason = task.getVariable("delayReason");
    if (reason == null || reason.toString().isBlank()) {
      throw new ProcessEngineException("A delay needs delayReason: the owner is told why");
    }
    task.getExecution().setVariable("newEta", Date.from(eta));
  }
}
