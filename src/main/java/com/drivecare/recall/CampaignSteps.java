package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.*;

import com.drivecare.platform.TaskGuard;
import com.drivecare.platform.TaskRecords;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code recall-campaign}, each a bean the diagram names ({@code ${beanName}}): load
 * from the execution, call a service ({@link RecallNotices}, {@link RecallOutreach},
 * {@link RecallCampaignService}), set the result. The campaign's business key is its id.
 */
final class CampaignSteps {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignSteps.class);

  private CampaignSteps() {}

  private static ReminderSchedule schedule(DelegateExecution execution, RecallProperties properties) {
    return ReminderSchedule.of(execution, properties.reminderSchedule());
  }

  /**
   * Complete-listener of {@code Task_PrepareOwnerNotice}: both notices render, and the form of the
   * approval names the drafter — as the server recorded him ({@link TaskRecords}), not as a variable says.
   */
  @Component("recordNoticeDraft")
  static class RecordNoticeDraft implements TaskListener {
    private final RecallNotices notices;
    private final TaskRecords taskRecords;

    RecordNoticeDraft(RecallNotices notices, TaskRecords taskRecords) {
      this.notices = notices;
      this.taskRecords = taskRecords;
    }

    @Override
    public void notify(DelegateTask task) {
      String drafter = taskRecords.completedBy(task.getId()).orElseThrow(() -> new TaskGuard.InvalidTaskInput(
          "Claim the task before completing it: four eyes need the drafter's name"));
      notices.check(task.getVariables());
      task.getExecution().setVariable(VAR_NOTICE_DRAFTED_BY, drafter);
    }
  }

  /** {@code Task_RecordApproval}: the approved notices are kept with the campaign. */
  @Component("recordNoticeApproval")
  static class RecordNoticeApproval implements JavaDelegate {
    private final RecallNotices notices;
    private final TaskRecords taskRecords;

    RecordNoticeApproval(RecallNotices notices, TaskRecords taskRecords) {
      this.notices = notices;
      this.taskRecords = taskRecords;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String instance = execution.getProcessInstanceId();
      notices.approve(execution.getProcessBusinessKey(), RecallCampaign.French.from(execution::getVariable),
          (String) execution.getVariable(VAR_NOTICE_EN), (String) execution.getVariable(VAR_NOTICE_FR),
          taskRecords.lastCompletedBy(instance, TASK_PREPARE_OWNER_NOTICE).orElseThrow(),
          taskRecords.lastCompletedBy(instance, TASK_APPROVE_OWNER_NOTICE).orElseThrow());
    }
  }

  /**
   * {@code Task_LaunchVehicles}: notifies the next chunk of vehicles' owners (see {@link RecallOutreach}),
   * in one transaction (one job). A crash rolls back the whole chunk, so the retry does every vehicle
   * of it once — none twice, none missed. Loops until every vehicle is launched.
   */
  @Component("launchVehicles")
  static class LaunchVehicles implements JavaDelegate {
    private final RecallOutreach outreach;
    private final RecallProperties properties;

    LaunchVehicles(RecallOutreach outreach, RecallProperties properties) {
      this.outreach = outreach;
      this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String campaignId = execution.getProcessBusinessKey();
      int chunk = ((Number) execution.getVariable(VAR_LAUNCH_CHUNK_SIZE)).intValue();
      int launched = outreach.launchChunk(campaignId, chunk, schedule(execution, properties));
      boolean more = launched == chunk;
      execution.setVariable(VAR_MORE_TO_LAUNCH, more);
      LOG.info("Campaign {}: {} vehicles launched{}", campaignId, launched, more ? ", more to come" : "");
    }
  }

  /** {@code Task_InviteWaitingOwners}: one chunk of the owners whose parts have arrived, walking by VIN. */
  @Component("inviteWaitingOwners")
  static class InviteWaitingOwners implements JavaDelegate {
    private final RecallOutreach outreach;
    private final RecallProperties properties;

    InviteWaitingOwners(RecallOutreach outreach, RecallProperties properties) {
      this.outreach = outreach;
      this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String last = outreach.inviteChunk(execution.getProcessBusinessKey(),
          (String) execution.getVariableLocal(VAR_INVITE_CURSOR), properties.sweepChunkSize(),
          schedule(execution, properties));
      execution.setVariableLocal(VAR_INVITE_CURSOR, last);
      execution.setVariableLocal(VAR_MORE_WAITING, last != null);
    }
  }

  /** {@code Task_TellOwnersOfPartsDelay}: one chunk of the owners waiting for parts, walking by VIN. */
  @Component("tellOwnersOfPartsDelay")
  static class TellOwnersOfPartsDelay implements JavaDelegate {
    private final RecallOutreach outreach;
    private final RecallProperties properties;

    TellOwnersOfPartsDelay(RecallOutreach outreach, RecallProperties properties) {
      this.outreach = outreach;
      this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String last = outreach.partsDelayChunk(execution.getProcessBusinessKey(),
          (String) execution.getVariableLocal(VAR_DELAY_CURSOR), properties.sweepChunkSize());
      execution.setVariableLocal(VAR_DELAY_CURSOR, last);
      execution.setVariableLocal(VAR_MORE_WAITING, last != null);
    }
  }

  /** {@code Task_SendDueReminders}: one chunk of the reminders that are due; loops while a chunk is full. */
  @Component("sendDueReminders")
  static class SendDueReminders implements JavaDelegate {
    private final RecallOutreach outreach;
    private final RecallProperties properties;

    SendDueReminders(RecallOutreach outreach, RecallProperties properties) {
      this.outreach = outreach;
      this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
      int size = properties.sweepChunkSize();
      execution.setVariableLocal(VAR_MORE_DUE,
          outreach.remindChunk(execution.getProcessBusinessKey(), size, schedule(execution, properties)) == size);
    }
  }

  /** {@code Task_MarkCampaignLaunched}: every owner has been told. */
  @Component("campaignLaunched")
  static class CampaignLaunched implements JavaDelegate {
    private final RecallCampaignService campaigns;

    CampaignLaunched(RecallCampaignService campaigns) {
      this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
      campaigns.launched(execution.getProcessBusinessKey());
    }
  }

  /** {@code Task_ProduceQuarterlyReport}: the quarter's completion figures, kept with the campaign. */
  @Component("produceQuarterlyReport")
  static class ProduceQuarterlyReport implements JavaDelegate {
    private final RecallCampaignService campaigns;

    ProduceQuarterlyReport(RecallCampaignService campaigns) {
      this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
      campaigns.produceQuarterlyReport(execution.getProcessBusinessKey());
    }
  }

  /** {@code Task_CloseCampaign}: closed with its reason; journeys still running end with it. */
  @Component("closeCampaign")
  static class CloseCampaign implements JavaDelegate {
    private final RecallCampaignService campaigns;

    CloseCampaign(RecallCampaignService campaigns) {
      this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
      campaigns.closed(execution.getProcessBusinessKey(), String.valueOf(execution.getVariable(VAR_CLOSE_REASON)));
    }
  }
}
