package com.drivecare.recall;

/** Names the recall diagrams, their steps, services and tests share: one definition each. */
public final class RecallProcess {

  public static final String CAMPAIGN_KEY = "recall-campaign";
  public static final String REMEDY_KEY = "recall-remedy";

  // --- messages of recall-campaign
  public static final String MSG_CAMPAIGN_CLOSED = "CampaignClosed";
  /** Parts arrived for a region: the campaign invites the owners it carries who wait for them. */
  public static final String MSG_PARTS_ARRIVED = "PartsArrived";
  /** The parts date slipped: the campaign tells every owner waiting for them the new date. */
  public static final String MSG_PARTS_DELAYED = "PartsDelayed";

  // --- messages of recall-remedy
  /** Starts a vehicle's journey when its owner books. */
  public static final String MSG_JOURNEY_BOOKED = "RecallAppointmentBooked";
  /** Starts a vehicle's journey when its reminders have reached the phone call. */
  public static final String MSG_CALL_DUE = "RecallCallDue";
  /** Parts arrived for the region of a journey that waits for them. */
  public static final String MSG_PARTS_AVAILABLE = "PartsAvailable";
  /** The vehicle was sold, exported or scrapped. */
  public static final String MSG_VEHICLE_CLOSED = "VehicleClosed";
  /** The owner booked (or moved) the repair. */
  public static final String MSG_APPOINTMENT_BOOKED = "AppointmentBooked";
  /** The owner cancelled the booked repair. */
  public static final String MSG_APPOINTMENT_CANCELLED = "AppointmentCancelled";
  /** The owner answered the survey. */
  public static final String MSG_SURVEY_ANSWERED = "SurveyAnswered";

  // --- elements of recall-campaign
  public static final String TASK_PREPARE_OWNER_NOTICE = "Task_PrepareOwnerNotice";
  public static final String TASK_APPROVE_OWNER_NOTICE = "Task_ApproveOwnerNotice";
  public static final String TASK_RECORD_APPROVAL = "Task_RecordApproval";
  public static final String TASK_LAUNCH_VEHICLES = "Task_LaunchVehicles";
  public static final String TASK_CAMPAIGN_RUNNING = "Task_CampaignRunning";
  public static final String TIMER_QUARTERLY_REPORT = "Timer_QuarterlyReport";
  public static final String TIMER_REMINDER_SWEEP = "Timer_ReminderSweep";
  public static final String END_CAMPAIGN_CLOSED = "End_CampaignClosed";

  // --- elements of recall-remedy
  public static final String TASK_FIND_OWNER = "Task_FindOwner";
  public static final String CATCH_PARTS_AVAILABLE = "Catch_PartsAvailable";
  public static final String GATEWAY_AWAIT_BOOKING = "Gateway_AwaitBooking";
  public static final String TIMER_REMINDER_DUE = "Timer_ReminderDue";
  public static final String TASK_CALL_OWNER_FOR_BOOKING = "Task_CallOwnerForBooking";
  public static final String TASK_PERFORM_REMEDY = "Task_PerformRemedy";
  public static final String TIMER_UNTIL_NEW_ETA = "Timer_UntilNewEta";
  public static final String TIMER_APPOINTMENT_REMINDER = "Timer_AppointmentReminder";
  public static final String TIMER_SURVEY_DELAY = "Timer_SurveyDelay";
  public static final String TIMER_SURVEY_EXPIRED = "Timer_SurveyExpired";
  public static final String TASK_FOLLOW_UP_DISSATISFIED = "Task_FollowUpDissatisfied";

  // --- variables of recall-campaign
  public static final String VAR_CAMPAIGN_ID = "campaignId";
  public static final String VAR_APPROVED = "approved";
  public static final String VAR_APPROVAL_COMMENT = "approvalComment";
  public static final String VAR_NOTICE_EN = "noticeEn";
  public static final String VAR_NOTICE_FR = "noticeFr";
  public static final String VAR_NOTICE_DRAFTED_BY = "noticeDraftedBy";
  public static final String VAR_VEHICLE_COUNT = "vehicleCount";
  public static final String VAR_LAUNCH_CHUNK_SIZE = "launchChunkSize";
  public static final String VAR_MORE_TO_LAUNCH = "moreToLaunch";
  public static final String VAR_INVITE_CURSOR = "inviteCursor";
  public static final String VAR_DELAY_CURSOR = "delayCursor";
  public static final String VAR_MORE_WAITING = "moreWaiting";
  public static final String VAR_MORE_DUE = "moreDue";
  public static final String VAR_REMINDER_SWEEP_CYCLE = "reminderSweepCycle";
  /** Why the campaign (or, in recall-remedy, the vehicle) was closed. */
  public static final String VAR_CLOSE_REASON = "closeReason";

  // --- variables of recall-remedy
  public static final String VAR_VIN = "vin";
  public static final String VAR_REGION = "region";
  public static final String VAR_OWNER_KNOWN = "ownerKnown";
  public static final String VAR_OWNER_CUSTOMER_ID = "ownerCustomerId";
  public static final String VAR_CUSTOMER_ID = "customerId";
  public static final String VAR_CUSTOMER_NAME = "customerName";
  public static final String VAR_OWNER_TIME_ZONE = "ownerTimeZone";
  public static final String VAR_PARTS_AVAILABLE = "partsAvailable";
  public static final String VAR_PARTS_EXPECTED = "partsExpected";
  public static final String VAR_INVITED_AT = "invitedAt";
  public static final String VAR_REMINDERS_SENT = "remindersSent";
  public static final String VAR_NEXT_REMINDER_AT = "nextReminderAt";
  public static final String VAR_CALL_NEEDED = "callNeeded";
  public static final String VAR_REMINDER_CALLER = "reminderCaller";
  public static final String VAR_CALL_WITHIN = "callWithin";
  public static final String VAR_CALL_NOTE = "callNote";
  public static final String VAR_APPOINTMENT_AT = "appointmentAt";
  public static final String VAR_APPOINTMENT_REMINDER_AT = "appointmentReminderAt";
  public static final String VAR_SERVICE_CENTER = "serviceCenter";
  public static final String VAR_REMEDY_OPTION = "remedyOption";
  public static final String VAR_REMEDY_ADVISOR = "remedyAdvisor";
  public static final String VAR_REMEDY_OUTCOME = "remedyOutcome";
  public static final String VAR_REMEDY_DONE_BY = "remedyDoneBy";
  public static final String VAR_NEW_ETA = "newEta";
  public static final String VAR_DELAY_REASON = "delayReason";
  public static final String VAR_SURVEY_SCORE = "surveyScore";
  public static final String VAR_SURVEY_COMMENT = "surveyComment";
  public static final String VAR_FOLLOWED_UP_BY = "followedUpBy";
  public static final String VAR_ROOT_CAUSE = "rootCause";
  public static final String VAR_FOLLOW_UP_NOTE = "followUpNote";

  private RecallProcess() {}

  /** The business key of a vehicle's journey: {@code <campaignId>:<VIN>}. */
  public static String journeyKey(String campaignId, String vin) {
    return campaignId + ":" + vin;
  }

  /** The campaign of a journey's business key. */
  public static String campaignOf(String journeyKey) {
    return journeyKey.substring(0, journeyKey.lastIndexOf(':'));
  }

  /** The vehicle (VIN) of a journey's business key. */
  public static String vinOf(String journeyKey) {
    return journeyKey.substring(journeyKey.lastIndexOf(':') + 1);
  }
}
