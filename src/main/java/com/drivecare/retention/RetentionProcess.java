package com.drivecare.retention;

/** Names the reservation-retention diagram, its decision, steps, services and tests share: one definition each. */
public final class RetentionProcess {

  public static final String KEY = "reservation-retention";
  public static final String DECISION_LADDER = "retention-ladder";

  public static final String MSG_CANCELLATION_CONFIRMED = "CancellationConfirmed";
  public static final String MSG_CANCELLATION_WITHDRAWN = "CancellationWithdrawn";

  // user tasks
  public static final String TASK_CASE_OWNER_CALL = "Task_CaseOwnerCall";
  public static final String TASK_REVIEW_CALL_LOG = "Task_ReviewCallLog";
  public static final String TASK_MANAGER_CALL = "Task_ManagerCall";
  public static final String TASK_REGIONAL_MANAGER_CALL = "Task_RegionalManagerCall";

  // other elements tests look at
  public static final String TASK_PLAN_NEXT_CALL = "Task_PlanNextCall";
  public static final String TASK_SEND_ACKNOWLEDGEMENT = "Task_SendAcknowledgement";
  public static final String SUBPROCESS_CUSTOMER_CONFIRMS = "SubProcess_CustomerConfirms";
  public static final String TIMER_WAIT_FOR_CALL_SLOT = "Timer_WaitForCallSlot";
  public static final String TIMER_DO_NOT_CALL_WAIT = "Timer_DoNotCallWait";
  public static final String TIMER_CASE_OWNER_CALL_MISSED = "Timer_CaseOwnerCallMissed";
  public static final String TIMER_MANAGER_CALL_MISSED = "Timer_ManagerCallMissed";
  public static final String TIMER_REGIONAL_MANAGER_CALL_MISSED = "Timer_RegionalManagerCallMissed";
  public static final String TIMER_REVIEW_MISSED = "Timer_ReviewMissed";
  public static final String END_RESERVATION_KEPT = "End_ReservationKept";
  public static final String END_RESERVATION_CANCELLED = "End_ReservationCancelled";
  public static final String END_CANCELLED_BY_CUSTOMER = "End_CancelledByCustomer";
  public static final String END_KEPT_BY_CUSTOMER = "End_KeptByCustomer";

  // variables
  public static final String VAR_RESERVATION_NUMBER = "reservationNumber";
  public static final String VAR_CUSTOMER_ID = "customerId";
  public static final String VAR_CUSTOMER_NAME = "customerName";
  public static final String VAR_REGION = "region";
  public static final String VAR_REASON = "cancellationReason";
  public static final String VAR_REQUESTED_AT = "requestedAt";
  public static final String VAR_REQUESTED_BY = "requestedBy";
  public static final String VAR_CUSTOMER_TIME_ZONE = "customerTimeZone";
  public static final String VAR_CUSTOMER_PHONE = "customerPhone";
  public static final String VAR_MODEL = "model";
  public static final String VAR_CASE_OWNER = "caseOwner";
  public static final String VAR_CASE_OWNER_NAME = "caseOwnerName";
  public static final String VAR_LADDER = "ladder";
  public static final String VAR_STAGE = "stage";
  public static final String VAR_STAGE_ATTEMPT = "stageAttempt";
  public static final String VAR_STAGE_ATTEMPTS = "stageAttempts";
  public static final String VAR_TOTAL_ATTEMPTS = "totalAttempts";
  public static final String VAR_CALLER = "caller";
  /** The day (ISO date, the customer's zone) the current attempt belongs to. */
  public static final String VAR_CALL_DAY = "callDay";
  public static final String VAR_NEXT_STEP = "nextStep";
  public static final String VAR_NEXT_CALL_AT = "nextCallAt";
  public static final String VAR_CALL_DEADLINE = "callDeadline";
  public static final String VAR_REVIEW_FIRST = "reviewFirst";
  public static final String VAR_ATTEMPT_LABEL = "attemptLabel";
  public static final String VAR_CALL_TIMELINE = "callTimeline";
  public static final String VAR_CALL_OUTCOME = "callOutcome";
  public static final String VAR_CALLBACK_AT = "callbackAt";
  public static final String VAR_CALL_NOTE = "callNote";
  public static final String VAR_CALL_LOG_REVIEWED = "callLogReviewed";
  public static final String VAR_REVIEW_NOTE = "reviewNote";
  public static final String VAR_RETENTION_OUTCOME = "retentionOutcome";
  public static final String VAR_CANCELLATION_DATE = "cancellationDate";
  /** {@link #VAR_CANCELLATION_DATE} as the customer's local date, for the written notice. */
  public static final String VAR_CANCELLATION_DAY = "cancellationDay";
  public static final String VAR_DEPOSIT = "deposit";
  public static final String VAR_CURRENCY = "currency";

  /** What {@code Task_PlanNextCall} decided ({@link #VAR_NEXT_STEP}). */
  public static final String NEXT_CALL = "CALL";
  public static final String NEXT_EXHAUSTED = "EXHAUSTED";
  public static final String NEXT_WRITTEN_ROUTE = "WRITTEN_ROUTE";

  private RetentionProcess() {}
}
