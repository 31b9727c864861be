package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.*;

import com.drivecare.contact.NotificationTemplates;
import com.drivecare.platform.TaskGuard;
import com.drivecare.platform.TaskRecords;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates and listeners of {@code recall-campaign}. */
@Configuration(proxyBeanMethods = false)
class CampaignDelegates {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignDelegates.class);
  /** Sample values a notice is test-rendered with before it goes to approval. */
  private static final Map<String, Object> SAMPLE = Map.of("customerName", "Jane Doe", "model", "Aurora Sedan",
      "vin", "1DCAR5EV1RA000101", "partsText", "…", "link", "https://…", "campaignId", "X", "campaignTitle", "X");

  private final RecallRepository recalls;
  private final RecallOutreach outreach;
  private final RecallProperties properties;
  private final RuntimeService runtimeService;
  private final NotificationTemplates templates;
  private final TaskRecords taskRecords;
  private final Clock clock;

  CampaignDelegates(RecallRepository recalls, RecallOutreach outreach, RecallProperties properties,
      RuntimeService runtimeService, NotificationTemplates templates, TaskRecords taskRecords, Clock clock) {
    this.taskRecords = taskRecords;
    this.recalls = recalls;
    this.outreach = outreach;
    this.properties = properties;
    this.runtimeService = runtimeService;
    this.templates = templates;
    this.clock = clock;
  }

  /**
   * Complete-listener of {@code Task_PrepareOwnerNotice}: both notices render, and the form of the
   * approval names the drafter — as the server recorded him ({@link TaskRecords}), not as a variable says.
   */
  @Bean("recordNoticeDraft")
  TaskListener recordNoticeDraft() {
    return task -> {
      String drafter = taskRecords.completedBy(task.getId()).orElseThrow(() -> new TaskGuard.InvalidTaskInput(
          "Claim the task before completing it: four eyes need the drafter's name"));
      for (String notice : List.of("noticeEn", "noticeFr")) {
        Object text = task.getVariable(notice);
        if (text == null || text.toString().isBlank()) {
          throw new TaskGuard.InvalidTaskInput(notice + " is required");
        }
        try {
          Map<String, Object> values = new HashMap<>(SAMPLE);
          task.getExecution().getVariables().forEach((k, v) -> values.putIfAbsent(k, v));
          templates.fillText(text.toString(), values);
        } catch (IllegalArgumentException e) {
          throw new TaskGuard.InvalidTaskInput(notice + ": " + e.getMessage());
        }
      }
      task.getExecution().setVariable(VAR_NOTICE_DRAFTED_BY, drafter);
    };
  }

  /**
   * {@code Task_RecordApproval}: the approved notices are kept with the campaign, which can no
   * longer take imports; the statistics the launch plans on are refreshed.
   */
  @Bean("recordNoticeApproval")
  JavaDelegate recordNoticeApproval() {
    return execution -> {
      String instance = execution.getProcessInstanceId();
      recalls.saveFrench(execution.getProcessBusinessKey(), RecallCampaign.French.from(execution::getVariable));
      recalls.saveNotice(execution.getProcessBusinessKey(), (String) execution.getVariable("noticeEn"),
          (String) execution.getVariable("noticeFr"),
          taskRecords.lastCompletedBy(instance, TASK_PREPARE_OWNER_NOTICE).orElseThrow(),
          taskRecords.lastCompletedBy(instance, TASK_APPROVE_OWNER_NOTICE).orElseThrow());
      recalls.refreshStatistics("postgres".equals(
          org.camunda.bpm.engine.impl.context.Context.getProcessEngineConfiguration().getDatabaseType()));
    };
  }

  /**
   * {@code Task_LaunchVehicles}: notifies the next chunk of vehicles' owners (see {@link RecallOutreach}),
   * in one transaction (one job). A crash rolls back the whole chunk, so the retry does every vehicle
   * of it once — none twice, none missed. Loops until every vehicle is launched.
   */
  @Bean("launchVehicles")
  JavaDelegate launchVehicles() {
    return execution -> {
      String campaignId = execution.getProcessBusinessKey();
      int chunk = ((Number) execution.getVariable(VAR_LAUNCH_CHUNK_SIZE)).intValue();
      int launched = outreach.launchChunk(campaignId, chunk, schedule(execution));
      boolean more = launched == chunk;
      execution.setVariable(VAR_MORE_TO_LAUNCH, more);
      LOG.info("Campaign {}: {} vehicles launched{}", campaignId, launched, more ? ", more to come" : "");
    };
  }

  /** {@code Task_InviteWaitingOwners}: one chunk of the owners whose parts have arrived, walking by VIN. */
  @Bean("inviteWaitingOwners")
  JavaDelegate inviteWaitingOwners() {
    return execution -> {
      String last = outreach.inviteChunk(execution.getProcessBusinessKey(),
          (String) execution.getVariableLocal(VAR_INVITE_CURSOR), properties.sweepChunkSize(), schedule(execution));
      execution.setVariableLocal(VAR_INVITE_CURSOR, last);
      execution.setVariableLocal(VAR_MORE_WAITING, last != null);
    };
  }

  /** {@code Task_TellOwnersOfPartsDelay}: one chunk of the owners waiting for parts, walking by VIN. */
  @Bean("tellOwnersOfPartsDelay")
  JavaDelegate tellOwnersOfPartsDelay() {
    return execution -> {
      String last = outreach.partsDelayChunk(execution.getProcessBusinessKey(),
          (String) execution.getVariableLocal(VAR_DELAY_CURSOR), properties.sweepChunkSize());
      execution.setVariableLocal(VAR_DELAY_CURSOR, last);
      execution.setVariableLocal(VAR_MORE_WAITING, last != null);
    };
  }

  /** {@code Task_SendDueReminders}: one chunk of the reminders that are due; loops while a chunk is full. */
  @Bean("sendDueReminders")
  JavaDelegate sendDueReminders() {
    return execution -> {
      int size = properties.sweepChunkSize();
      execution.setVariableLocal(VAR_MORE_DUE,
          outreach.remindChunk(execution.getProcessBusinessKey(), size, schedule(execution)) == size);
    };
  }

  /** The campaign's reminder schedule (its named variables {@code reminderDays}, {@code callEveryDays}). */
  private ReminderSchedule schedule(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    return ReminderSchedule.of(execution, properties.reminderSchedule());
  }

  @Bean("campaignLaunched")
  JavaDelegate campaignLaunched() {
    return execution -> recalls.launched(execution.getProcessBusinessKey(), clock.instant());
  }

  /** {@code Task_ProduceQuarterlyReport}: the quarter's completion figures, kept with the campaign. */
  @Bean("produceQuarterlyReport")
  JavaDelegate produceQuarterlyReport() {
    return execution -> {
      String id = execution.getProcessBusinessKey();
      Map<String, Long> perStatus = recalls.vehiclesPerStatus(id);
      long total = perStatus.values().stream().mapToLong(Long::longValue).sum();
      int quarter = recalls.reportCount(id) + 1;
      recalls.saveReport(id, quarter, clock.instant(), total, perStatus.getOrDefault("REMEDIED", 0L),
          perStatus.getOrDefault("OWNER_UNKNOWN", 0L), perStatus.getOrDefault("CLOSED", 0L));
    };
  }

  /** {@code Task_CloseCampaign}: closed with its reason; journeys still running end with it. */
  @Bean("closeCampaign")
  JavaDelegate closeCampaign() {
    return execution -> {
      String id = execution.getProcessBusinessKey();
      String reason = String.valueOf(execution.getVariable("closeReason"));
      recalls.close(id, reason, clock.instant());
      var open = runtimeService.createProcessInstanceQuery().processDefinitionKey(REMEDY_KEY)
          .variableValueEquals(VAR_CAMPAIGN_ID, id);
      if (open.count() > 0) {
        // a batch, visible in Cockpit, so no transaction holds every journey of a large campaign
        runtimeService.deleteProcessInstancesAsync(open, "campaign closed: " + reason);
      }
    };
  }
}
