package com.drivecare.recall;

/** Names the recall diagrams, their delegates and tests share. */
public final class RecallProcess {

  public static final String CAMPAIGN_KEY = "recall-campaign";
  public static final String REMEDY_KEY = "recall-remedy";

  public static final String MSG_CAMPAIGN_CLOSED = "CampaignClosed";

  public static final String TASK_PREPARE_OWNER_NOTICE = "Task_PrepareOwnerNotice";
  public static final String TASK_APPROVE_OWNER_NOTICE = "Task_ApproveOwnerNotice";
  public static final String TASK_LAUNCH_VEHICLES = "Task_LaunchVehicles";
  public static final String TIMER_QUARTERLY_REPORT = "Timer_QuarterlyReport";

  public static final String VAR_CAMPAIGN_ID = "campaignId";
  public static final String VAR_VIN = "vin";
  public static final String VAR_APPROVED = "approved";
  public static final String VAR_NOTICE_DRAFTED_BY = "noticeDraftedBy";
  public static final String VAR_LAUNCH_CHUNK_SIZE = "launchChunkSize";
  public static final String VAR_MORE_TO_LAUNCH = "moreToLaunch";

  private RecallProcess() {}
}
