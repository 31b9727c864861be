package com.drivecare.service;

import static com.drivecare.service.CaseSteps.key;
import static com.drivecare.service.CaseSteps.scope;
import static com.drivecare.service.CaseSteps.text;
import static com.drivecare.service.CaseSteps.values;
import static com.drivecare.service.ServiceCaseProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The steps of an expense the customer submits: its own scope, and the owner's decision. */
final class ExpenseSteps {

  private ExpenseSteps() {}

  /**
   * Execution listener at the start of an expense's event subprocess: each expense keeps its own
   * id, details and decision in its own scope, so two expenses under review never mix.
   */
  @Component("scopeExpense")
  static class ScopeExpense implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
      scope(execution, List.of(VAR_EXPENSE_ID, VAR_EXPENSE_KIND, VAR_EXPENSE_AMOUNT, VAR_EXPENSE_NOTE),
          List.of(VAR_EXPENSE_APPROVED, VAR_EXPENSE_DECISION_NOTE));
    }
  }

  /** {@code Task_SendExpenseDecision}: the decision is recorded and the customer told. */
  @Component("sendExpenseDecision")
  static class SendExpenseDecision implements JavaDelegate {

    private final ServiceCaseProgress progress;

    SendExpenseDecision(ServiceCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      progress.decideExpense(execution.getProcessBusinessKey(), key(execution),
          ((Number) execution.getVariable(VAR_EXPENSE_ID)).longValue(),
          Boolean.parseBoolean(String.valueOf(execution.getVariable(VAR_EXPENSE_APPROVED))),
          text(execution, VAR_EXPENSE_DECISION_NOTE), execution.getVariable(VAR_EXPENSE_AMOUNT), values(execution));
    }
  }
}
