package com.drivecare.service;

/** Names the service-case diagram, its decisions, steps, services and tests share: one definition each. */
public final class ServiceCaseProcess {

  public static final String KEY = "service-case";
  public static final String DECISION_ENTITLEMENTS = "service-entitlements";
  public static final String DECISION_PILOT = "escalation-pilot";

  // messages
  public static final String MSG_ESCALATION_REQUESTED = "EscalationRequested";
  public static final String MSG_EXPENSE_SUBMITTED = "ExpenseSubmitted";

  // user tasks
  public static final String TASK_CONTACT_CUSTOMER = "Task_ContactCustomer";
  public static final String TASK_HANDLE_CASE = "Task_HandleCase";
  public static final String TASK_ARRANGE_MOBILITY = "Task_ArrangeMobility";
  public static final String TASK_MANAGER_INTERVENTION = "Task_ManagerIntervention";
  public static final String TASK_MANAGER_DECISION = "Task_ManagerDecision";
  public static final String TASK_PRIORITY_FOLLOW_UP = "Task_PriorityFollowUp";
  public static final String TASK_REVIEW_EXPENSE = "Task_ReviewExpense";
  public static final String TASK_SATISFACTION_CALL = "Task_SatisfactionCall";
  public static final String TASK_MANAGEMENT_REVIEW = "Task_ManagementReview";

  // timers and ends the API and tests look at
  public static final String TIMER_STATUS_UPDATE = "Timer_StatusUpdate";
  public static final String TIMER_FIRST_RESPONSE_WARNING = "Timer_FirstResponseWarning";
  public static final String TIMER_FIRST_RESPONSE_BREACHED = "Timer_FirstResponseBreached";
  public static final String TIMER_RESOLUTION_WARNING = "Timer_ResolutionWarning";
  public static final String TIMER_RESOLUTION_BREACHED = "Timer_ResolutionBreached";
  public static final String TIMER_MANAGER_ANSWER_OVERDUE = "Timer_ManagerAnswerOverdue";
  public static final String TIMER_DAY_AFTER_RESOLUTION = "Timer_DayAfterResolution";
  public static final String END_CASE_CLOSED = "End_CaseClosed";

  // variables set when the case is opened
  public static final String VAR_CASE_NUMBER = "caseNumber";
  public static final String VAR_CUSTOMER_ID = "customerId";
  public static final String VAR_CUSTOMER_NAME = "customerName";
  public static final String VAR_CUSTOMER_TIME_ZONE = "customerTimeZone";
  public static final String VAR_CUSTOMER_LANGUAGE = "customerLanguage";
  public static final String VAR_SALES_ADVISOR = "salesAdvisor";
  public static final String VAR_REGION = "region";
  public static final String VAR_KIND = "kind";
  public static final String VAR_VIN = "vin";
  public static final String VAR_PLATE = "plate";
  public static final String VAR_MODEL = "model";
  public static final String VAR_MODEL_LINE = "modelLine";
  public static final String VAR_LIST_PRICE = "listPrice";
  public static final String VAR_LOYALTY = "loyalty";
  public static final String VAR_DESCRIPTION = "description";
  public static final String VAR_LOCATION = "location";
  public static final String VAR_REACH_AT = "reachAt";
  public static final String VAR_OPENED_AT = "openedAt";

  // decisions' results and what Task_OpenServiceCase derives from them
  public static final String VAR_ENTITLEMENTS = "entitlements";
  public static final String VAR_PILOT = "pilot";
  public static final String VAR_IN_PILOT = "inPilot";
  public static final String VAR_TIER = "tier";
  public static final String VAR_TIER_REASON = "tierReason";
  public static final String VAR_HOTEL_CLASS = "hotelClass";
  public static final String VAR_LOANER_CLASS = "loanerClass";
  public static final String VAR_COVERS_TOWING = "coversTowing";
  public static final String VAR_COVERS_HOTEL = "coversHotel";
  public static final String VAR_COVERS_TRAVEL_HOME = "coversTravelHome";
  public static final String VAR_COVERS_REPAIR = "coversRepair";
  public static final String VAR_COVERS_INCIDENTALS = "coversIncidentals";
  /** What the entitlements cover, in English (agents); {@link #VAR_COVERAGE_FR} in French (customers' messages). */
  public static final String VAR_COVERAGE = "coverage";
  public static final String VAR_COVERAGE_FR = "coverage_fr";
  public static final String VAR_CASE_OWNER = "caseOwner";
  public static final String VAR_CASE_OWNER_NAME = "caseOwnerName";
  public static final String VAR_FIRST_RESPONSE_DUE = "firstResponseDue";
  public static final String VAR_FIRST_RESPONSE_WARN_AT = "firstResponseWarnAt";
  public static final String VAR_RESOLUTION_DUE = "resolutionDue";
  public static final String VAR_RESOLUTION_WARN_AT = "resolutionWarnAt";
  public static final String VAR_UPDATE_CYCLE = "updateCycle";

  // the case's course
  public static final String VAR_ADVISOR_EVENT = "advisorEvent";
  public static final String VAR_MOBILITY_NOT_NEEDED = "mobilityNotNeeded";
  public static final String VAR_MOBILITY_ARRANGEMENTS = "mobilityArrangements";
  public static final String VAR_CONTACT_NOTE = "contactNote";
  public static final String VAR_FIRST_RESPONSE_AT = "firstResponseAt";
  public static final String VAR_RESOLUTION = "resolution";
  public static final String VAR_PERSONAL_LINE = "personalLine";
  public static final String VAR_SATISFACTION_SCORE = "satisfactionScore";
  public static final String VAR_SATISFACTION_COMMENT = "satisfactionComment";
  public static final String VAR_REVIEWED_BY = "reviewedBy";
  public static final String VAR_ROOT_CAUSE = "rootCause";
  public static final String VAR_PERSONAL_REPLY = "personalReply";

  // SLAs: which one a warning or breach is about ({@code sla}, input of the warning tasks)
  public static final String VAR_SLA = "sla";
  public static final String VAR_SLA_BREACHED = "slaBreached";
  public static final String VAR_BREACHED_SLA = "breachedSla";
  public static final String VAR_INTERVENTION_MANAGER = "interventionManager";
  public static final String VAR_INTERVENTION_NOTE = "interventionNote";
  public static final String SLA_FIRST_RESPONSE = "FIRST_RESPONSE";
  public static final String SLA_RESOLUTION = "RESOLUTION";

  // an escalation's own scope
  public static final String VAR_ESCALATION_ID = "escalationId";
  public static final String VAR_ESCALATION_REASON = "escalationReason";
  public static final String VAR_ESCALATION_MANAGER = "escalationManager";
  public static final String VAR_MANAGER_ANSWER_DUE = "managerAnswerDue";
  public static final String VAR_GRANT_GOODWILL = "grantGoodwill";
  public static final String VAR_GRANT_LOANER = "grantLoaner";
  public static final String VAR_GRANT_COST_COVERAGE = "grantCostCoverage";
  public static final String VAR_DECISION_NOTE = "decisionNote";
  public static final String VAR_ESCALATION_DECIDED_BY = "escalationDecidedBy";
  public static final String VAR_FOLLOW_UP_NOTE = "followUpNote";

  // an expense's own scope
  public static final String VAR_EXPENSE_ID = "expenseId";
  public static final String VAR_EXPENSE_KIND = "expenseKind";
  public static final String VAR_EXPENSE_AMOUNT = "expenseAmount";
  public static final String VAR_EXPENSE_NOTE = "expenseNote";
  public static final String VAR_EXPENSE_APPROVED = "expenseApproved";
  public static final String VAR_EXPENSE_DECISION_NOTE = "expenseDecisionNote";

  private ServiceCaseProcess() {}
}
