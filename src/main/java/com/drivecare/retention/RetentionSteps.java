package com.drivecare.retention;

import static com.drivecare.retention.RetentionProcess.*;

import com.drivecare.contact.SendNotificationDelegate;
import com.drivecare.customer.Reservation;
import com.drivecare.retention.RetentionCaseProgress.NextStep;
import com.drivecare.retention.RetentionCaseProgress.Opened;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code reservation-retention}: each reads its variables, calls
 * {@link RetentionCaseProgress} and sets what comes back. Those with side effects sit behind
 * {@code asyncBefore} in the diagram.
 */
final class RetentionSteps {

  private RetentionSteps() {}

  /** {@code Task_OpenCase}: the case owner and the case row. */
  @Component("openRetentionCase")
  static class OpenRetentionCase implements JavaDelegate {

    private final RetentionCaseProgress progress;

    OpenRetentionCase(RetentionCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Opened opened = progress.open(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
          ladder(execution), text(execution, VAR_REASON), text(execution, VAR_REQUESTED_BY));
      execution.setVariable(VAR_CASE_OWNER, opened.caseOwner());
      execution.setVariable(VAR_CASE_OWNER_NAME, opened.caseOwnerName());
      execution.setVariable(VAR_CUSTOMER_NAME, opened.customerName());
    }
  }

  /** {@code Task_PlanNextCall}: which stage calls next, when and by when — or that the ladder ends. */
  @Component("planNextCall")
  static class PlanNextCall implements JavaDelegate {

    private final RetentionCaseProgress progress;

    PlanNextCall(RetentionCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      CallPlanner.Previous previous = execution.getVariable(VAR_STAGE) == null ? null : new CallPlanner.Previous(
          Stage.valueOf(text(execution, VAR_STAGE)), (Integer) execution.getVariable(VAR_STAGE_ATTEMPT),
          (Integer) execution.getVariable(VAR_TOTAL_ATTEMPTS), LocalDate.parse(text(execution, VAR_CALL_DAY)));
      String outcome = text(execution, VAR_CALL_OUTCOME);
      NextStep next = progress.planNext(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
          ladder(execution), previous, outcome == null ? null : CallOutcome.valueOf(outcome),
          instant(execution, VAR_CALLBACK_AT), instant(execution, VAR_REQUESTED_AT),
          Boolean.TRUE.equals(execution.getVariable(VAR_CALL_LOG_REVIEWED)));
      CallPlanner.Plan plan = next.plan();
      execution.setVariable(VAR_NEXT_STEP, plan.nextStep());
      if (next.cancellationAt() != null) {
        execution.setVariable(VAR_CANCELLATION_DATE, Date.from(next.cancellationAt()));
        execution.setVariable(VAR_CANCELLATION_DAY, next.cancellationDay().toString());
      }
      if (!NEXT_CALL.equals(plan.nextStep())) {
        return;
      }
      execution.setVariable(VAR_STAGE, plan.stage().name());
      execution.setVariable(VAR_STAGE_ATTEMPT, plan.stageAttempt());
      execution.setVariable(VAR_STAGE_ATTEMPTS, plan.stageAttempts());
      execution.setVariable(VAR_TOTAL_ATTEMPTS, plan.totalAttempts());
      execution.setVariable(VAR_CALL_DAY, plan.callDay().toString());
      execution.setVariable(VAR_NEXT_CALL_AT, Date.from(plan.nextCallAt()));
      execution.setVariable(VAR_CALL_DEADLINE, Date.from(plan.deadline()));
      execution.setVariable(VAR_REVIEW_FIRST, plan.reviewFirst());
      execution.setVariable(VAR_CALLER, next.caller());
      execution.setVariable(VAR_ATTEMPT_LABEL, next.attemptLabel());
      execution.setVariable(VAR_CALL_TIMELINE, next.timeline());
      // the outcome of the last call has been used; the next task starts with a clean form
      execution.removeVariable(VAR_CALL_OUTCOME);
      execution.removeVariable(VAR_CALLBACK_AT);
      execution.removeVariable(VAR_CALL_NOTE);
    }
  }

  /** {@code Task_RecordCallOutcome}: the call on the timeline; stop-contact sets do-not-call. */
  @Component("recordCallOutcome")
  static class RecordCallOutcome implements JavaDelegate {

    private final RetentionCaseProgress progress;

    RecordCallOutcome(RetentionCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      progress.recordCall(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
          CallOutcome.valueOf(text(execution, VAR_CALL_OUTCOME)), text(execution, VAR_CALLER),
          text(execution, VAR_ATTEMPT_LABEL), text(execution, VAR_CALL_NOTE), instant(execution, VAR_CALLBACK_AT));
    }
  }

  /** {@code Task_RecordMissedCall}: a call (or review) nobody made by the end of its day; his manager is told. */
  @Component("recordMissedCall")
  static class RecordMissedCall implements JavaDelegate {

    private final RetentionCaseProgress progress;

    RecordMissedCall(RetentionCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      progress.recordMissedCall(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
          SendNotificationDelegate.stepKey(execution), text(execution, VAR_CALLER),
          text(execution, VAR_ATTEMPT_LABEL), execution.getVariable(VAR_CUSTOMER_NAME));
    }
  }

  /** {@code Task_KeepReservation}: the reservation is active again; the case closes as kept. */
  @Component("keepReservation")
  static class KeepReservation implements JavaDelegate {

    private final RetentionCaseProgress progress;

    KeepReservation(RetentionCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      progress.keep(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
      execution.setVariable(VAR_RETENTION_OUTCOME, RetentionOutcome.KEPT.name());
    }
  }

  /**
   * {@code Task_CancelReservation}: the cancellation is honoured and the deposit refund requested.
   * The outcome comes from an input parameter, or from the last call.
   */
  @Component("cancelReservation")
  static class CancelReservation implements JavaDelegate {

    private final RetentionCaseProgress progress;

    CancelReservation(RetentionCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Object explicit = execution.getVariableLocal(VAR_RETENTION_OUTCOME);
      String lastCall = text(execution, VAR_CALL_OUTCOME);
      RetentionOutcome outcome = explicit != null ? RetentionOutcome.valueOf(explicit.toString())
          : RetentionOutcome.ofCancellationAfter(lastCall == null ? null : CallOutcome.valueOf(lastCall));
      Reservation reservation = progress.cancel(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
          outcome);
      execution.setVariable(VAR_RETENTION_OUTCOME, outcome.name());
      execution.setVariable(VAR_DEPOSIT, reservation.deposit().toPlainString());
      execution.setVariable(VAR_CURRENCY, reservation.currency());
    }
  }

  /** Complete-listener of {@code Task_ReviewCallLog}: the review is on the timeline, in the same transaction. */
  @Component("recordReview")
  static class RecordReview implements TaskListener {

    private final RetentionCaseProgress progress;

    RecordReview(RetentionCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void notify(DelegateTask task) {
      Object note = task.getVariable(VAR_REVIEW_NOTE);
      progress.recordReview(task.getExecution().getProcessBusinessKey(),
          task.getAssignee() != null ? task.getAssignee() : String.valueOf(task.getVariable(VAR_CALLER)),
          note == null ? null : note.toString());
    }
  }

  private static LadderConfig ladder(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) execution.getVariable(VAR_LADDER);
    return LadderConfig.from(result);
  }

  private static String text(DelegateExecution execution, String name) {
    return Objects.toString(execution.getVariable(name), null);
  }

  private static Instant instant(DelegateExecution execution, String name) {
    return execution.getVariable(name) instanceof Date d ? d.toInstant() : null;
  }
}
