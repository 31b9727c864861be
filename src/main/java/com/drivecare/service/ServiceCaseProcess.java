package com.drivecare.service;

/** Names the service-case diagram, its decisions, delegates and tests share. */
public final class ServiceCaseProcess {

  public static final String KEY = "service-case";
  public static final String DECISION_ENTITLEMENTS = "service-entitlements";
  public static final String DECISION_PILOT = "escalation-pilot";

  public static final String MSG_ESCALATION_REQUESTED = "EscalationRequested";
  public static final String MSG_EXPENSE_SUBMITTED = "ExpenseSubmitted";

  public static final String TASK_CONTACT_CUSTOMER = "Task_ContactCustomer";
  public static final String TASK_HANDLE_CASE = "Task_HandleCase";
  public static final String TASK_ARRANGE_MOBILITY = "Task_ArrangeMobility";
  public static final String TASK_MANAGER_INTERVENTION = "Task_ManagerIntervention";
  public static final String TASK_MANAGER_DECISION = "Task_ManagerDecision";
  public static final String TASK_PRIORITY_FOLLOW_UP = "Task_PriorityFollowUp";
  public static final String TASK_REVIEW_EXPENSE = "Task_ReviewExpense";
  public static final String TASK_SATISFACTION_CALL = "Task_SatisfactionCall";
  public static final String TASK_MANAGEMENT_REVIEW = "Task_ManagementReview";

  public static final String VAR_CASE_NUMBER = "caseNumber";
  public static final String VAR_CUSTOMER_ID = "customerId";
  public static final String VAR_REGION = "region";
  public static final String VAR_KIND = "kind";
  public static final String VAR_CASE_OWNER = "caseOwner";
  public static final String VAR_ENTITLEMENTS = "entitlements";
  public static final String VAR_PILOT = "pilot";
  public static final String VAR_FIRST_RESPONSE_AT = "firstResponseAt";
  public static final String VAR_ESCALATION_ID = "escalationId";
  public static final String VAR_ESCALATION_MANAGER = "escalationManager";
  public static final String VAR_EXPENSE_ID = "expenseId";
  public static final String VAR_SATISFACTION_SCORE = "satisfactionScore";

  private ServiceCaseProcess() {}
}
