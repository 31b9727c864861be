package com.drivecare.service;

import static com.drivecare.service.CaseSteps.key;
import static com.drivecare.service.CaseSteps.map;
import static com.drivecare.service.CaseSteps.scope;
import static com.drivecare.service.CaseSteps.text;
import static com.drivecare.service.CaseSteps.values;
import static com.drivecare.service.ServiceCaseProcess.*;

import com.drivecare.service.ServiceCaseProgress.Announced;
import com.drivecare.service.ServiceCaseWording.Grants;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The steps of a customer's escalation: announced, handed over when unanswered, decided, closed. */
final class EscalationSteps {

  private EscalationSteps() {}

  /**
   * Execution listener at the start of an escalation's event subprocess: its id, manager, deadline
   * and the manager's answer live in the escalation's own scope, so a later escalation starts with
   * a clean form and never shares variables with an earlier one.
   */
  @Component("scopeEscalation")
  static class ScopeEscalation implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
      scope(execution, List.of(VAR_ESCALATION_ID, VAR_ESCALATION_REASON),
          List.of(VAR_ESCALATION_MANAGER, VAR_MANAGER_ANSWER_DUE, VAR_GRANT_GOODWILL, VAR_GRANT_LOANER,
              VAR_GRANT_COST_COVERAGE, VAR_DECISION_NOTE, VAR_ESCALATION_DECIDED_BY, VAR_FOLLOW_UP_NOTE));
    }
  }

  /** {@code Task_AnnounceEscalation}: who decides and by when; the customer and the owner are told. */
  @Component("announceEscalation")
  static class AnnounceEscalation implements JavaDelegate {

    private final ServiceCaseProgress progress;

    AnnounceEscalation(ServiceCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Announced announced = progress.announceEscalation(execution.getProcessBusinessKey(), key(execution),
          Boolean.TRUE.equals(execution.getVariable(VAR_IN_PILOT)), answerHours(execution),
          (String) execution.getVariable(VAR_REGION), customerZone(execution), values(execution));
      execution.setVariable(VAR_MANAGER_ANSWER_DUE, Date.from(announced.answerBy()));
      if (announced.manager() != null) {
        execution.setVariable(VAR_ESCALATION_MANAGER, announced.manager());
      }
    }
  }

  /** {@code Task_HandToRegionalManager}: the manager did not answer in time. */
  @Component("handToRegionalManager")
  static class HandToRegionalManager implements JavaDelegate {

    private final ServiceCaseProgress progress;

    HandToRegionalManager(ServiceCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String regional = progress.handToRegionalManager(execution.getProcessBusinessKey(), key(execution),
          execution.getProcessInstanceId(), (String) execution.getVariable(VAR_REGION), answerHours(execution),
          customerZone(execution), values(execution));
      execution.setVariable(VAR_ESCALATION_MANAGER, regional);
    }
  }

  /** {@code Task_SendEscalationDecision}: the escalation's answer is recorded and sent to the customer. */
  @Component("sendEscalationDecision")
  static class SendEscalationDecision implements JavaDelegate {

    private final ServiceCaseProgress progress;

    SendEscalationDecision(ServiceCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Grants grants = new Grants(Boolean.TRUE.equals(execution.getVariable(VAR_GRANT_GOODWILL)),
          Boolean.TRUE.equals(execution.getVariable(VAR_GRANT_LOANER)),
          Boolean.TRUE.equals(execution.getVariable(VAR_GRANT_COST_COVERAGE)), text(execution, VAR_DECISION_NOTE));
      progress.decideEscalation(execution.getProcessBusinessKey(), key(execution), escalationId(execution),
          String.valueOf(execution.getVariable(VAR_ESCALATION_DECIDED_BY)), grants, values(execution));
    }
  }

  /** {@code Task_ClosePriorityEscalation}: a non-pilot escalation closes once the owner followed it up. */
  @Component("closePriorityEscalation")
  static class ClosePriorityEscalation implements JavaDelegate {

    private final ServiceCaseProgress progress;

    ClosePriorityEscalation(ServiceCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      progress.closePriorityEscalation(execution.getProcessBusinessKey(), escalationId(execution),
          text(execution, VAR_FOLLOW_UP_NOTE));
    }
  }

  private static long escalationId(DelegateExecution execution) {
    return ((Number) execution.getVariable(VAR_ESCALATION_ID)).longValue();
  }

  /** In and out of the pilot, an escalation is answered within the pilot table's hours. */
  private static int answerHours(DelegateExecution execution) {
    return ((Number) map(execution, VAR_PILOT).get("managerAnswerHours")).intValue();
  }

  private static ZoneId customerZone(DelegateExecution execution) {
    return ZoneId.of((String) execution.getVariable(VAR_CUSTOMER_TIME_ZONE));
  }
}
