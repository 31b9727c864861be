package com.drivecare.recall;

/** Names the recall diagrams, their delegates and tests share. */
public final class RecallProcess {

  public static final String CAMPAIGN_KEY = "recall-campaign";
  public static final String REMEDY_KEY = "recall-remedy";

  public static final String MSG_CAMPAIGN_CLOSED = "CampaignClosed";
  /** Parts arrived for a region: the campaign invites the owners it carries who wait for them. */
  public static final String MSG_PARTS_ARRIVED = "PartsArrived";
  /** The parts date slipped: the campaign tells every owner waiting for them the new date. */
  public static final String MSG_PARTS_DELAYED = "PartsDelayed";
  /** Starts a vehicle's journey when its owner books. */
  public static final String MSG_JOURNEY_BOOKED = "RecallAppointmentBooked";
  /** Starts a vehicle's journey when its reminders have reached the phone call. */
  public static final String MSG_CALL_DUE = "RecallCallDue";

  public static final String TASK_PREPARE_OWNER_NOTICE = "Task_PrepareOwnerNotice";
  public static final String TASK_APPROVE_OWNER_NOTICE = "Task_ApproveOwnerNotice";
  public static final String TASK_LAUNCH_VEHICLES = "Task_LaunchVehicles";
  public static final String TIMER_QUARTERLY_REPORT = "Timer_QuarterlyReport";
  public static final String TIMER_REMINDER_SWEEP = "Timer_ReminderSweep";

  public static final String VAR_CAMPAIGN_ID = "campaignId";
  public static final String VAR_VIN = "vin";
  public static final String VAR_APPROVED = "approved";
  public static final String VAR_NOTICE_DRAFTED_BY = "noticeDraftedBy";
  public static final String VAR_LAUNCH_CHUNK_SIZE = "launchChunkSize";
  public static final String VAR_MORE_TO_LAUNCH = "moreToLaunch";
  public static final String VAR_INVITE_CURSOR = "inviteCursor";
  public static final String VAR_DELAY_CURSOR = "delayCursor";
  public static final String VAR_MORE_WAITING = "moreWaiting";
  public static final String VAR_MORE_DUE = "moreDue";
  public static final String VAR_REMINDER_SWEEP_CYCLE = "reminderSweepCycle";

  private RecallProcess() {}
}
