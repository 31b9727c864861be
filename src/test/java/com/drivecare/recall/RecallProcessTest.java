package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drivecare.DrivecareTest;
import com.drivecare.Jobs;
import com.drivecare.TestData;
import com.drivecare.customer.Customer;
import com.drivecare.customer.Vehicle;
import com.drivecare.people.Groups;
import com.drivecare.platform.ConflictException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Both recall diagrams: the campaign (four eyes, chunked launch, reports, close) and one vehicle's journey. */
@DrivecareTest
class RecallProcessTest {

  static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RecallCampaignService campaigns;
  @Autowired JdbcClient jdbc;
  @Autowired TestData testData;
  @Autowired Jobs jobs;
  @Autowired SurveyService surveys;

  String region;
  String advisor;
  String drafter;
  String approver;
  String campaignId;
  ProcessInstance campaign;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(START));
    region = testData.freshRegion();
    advisor = testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, region, null);
    drafter = testData.staff(TestData.unique("rita"), Groups.RECALL_COORDINATORS, null, null);
    approver = testData.staff(TestData.unique("victor"), Groups.RECALL_COORDINATORS, null, null);
    campaignId = ("T" + TestData.unique("").substring(1, 9)).toUpperCase();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void fourEyesRefusesTheDrafterAndEveryVehicleIsLaunchedOnceInChunks() {
    List<Vehicle> vehicles = createCampaign(true, 3);
    runtimeService.setVariable(campaign.getId(), VAR_LAUNCH_CHUNK_SIZE, 2);
    prepareNotice();
    Task approve = task(campaign, TASK_APPROVE_OWNER_NOTICE);
    assertThatThrownBy(() -> taskService.claim(approve.getId(), drafter)).hasMessageContaining("Four eyes");
    taskService.claim(approve.getId(), approver);
    taskService.complete(approve.getId(), Map.of(VAR_APPROVED, true));
    jobs.runDue(campaign.getId());

    BpmnAwareTests.assertThat(campaign).isWaitingAt("Task_CampaignRunning");
    assertThat(jdbc.sql("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = ?")
        .params(campaign.getId(), TASK_LAUNCH_VEHICLES).query(Long.class).single()).isEqualTo(2); // 2 + 1
    for (Vehicle v : vehicles) {
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(REMEDY_KEY)
          .processInstanceBusinessKey(campaignId + ":" + v.vin()).count()).isEqualTo(1);
    }
    var view = campaigns.view(campaignId);
    assertThat(view.campaign().status()).isEqualTo(RecallCampaign.CampaignStatus.LAUNCHED);
    assertThat(jdbc.sql("select approved_by from drivecare.recall_campaign where id = ?").param(campaignId)
        .query(String.class).single()).isEqualTo(approver);
    assertThatThrownBy(() -> campaigns.importVehicles(campaignId, csv(testData.vehicle(testData.customer().create().id()).vin())))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void rejectedNoticeGoesBackToItsDrafter() {
    createCampaign(true, 1);
    prepareNotice();
    Task approve = task(campaign, TASK_APPROVE_OWNER_NOTICE);
    taskService.claim(approve.getId(), approver);
    taskService.complete(approve.getId(), Map.of(VAR_APPROVED, false, "approvalComment", "Say how long it takes"));
    assertThat(task(campaign, TASK_PREPARE_OWNER_NOTICE)).isNotNull();
    assertThat(campaigns.view(campaignId).campaign().status()).isEqualTo(RecallCampaign.CampaignStatus.DRAFT);
  }

  @Test
  void launchThatCrashesMidChunkResumesWithNoVehicleStartedTwiceAndNoneMissed() {
    List<Vehicle> vehicles = createCampaign(true, 3);
    String broken = vehicles.get(1).vin();
    // the second vehicle of the chunk cannot be read: the launch job fails after starting the first
    jdbc.sql("update drivecare.vehicle set vin = ? where vin = ?").params("X" + broken.substring(1), broken).update();
    prepareNotice();
    Task approve = task(campaign, TASK_APPROVE_OWNER_NOTICE);
    taskService.claim(approve.getId(), approver);
    taskService.complete(approve.getId(), Map.of(VAR_APPROVED, true));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(campaign.getId())
        .activityId("Task_RecordApproval").singleResult().getId());
    var launch = managementService.createJobQuery().processInstanceId(campaign.getId()).activityId(TASK_LAUNCH_VEHICLES)
        .singleResult();
    assertThatThrownBy(() -> managementService.executeJob(launch.getId())).isInstanceOf(RuntimeException.class);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(REMEDY_KEY)
        .variableValueEquals(VAR_CAMPAIGN_ID, campaignId).count()).isZero();
    assertThat(jdbc.sql("select count(*) from drivecare.recall_vehicle where campaign_id = ? and launched_at is not null")
        .param(campaignId).query(Long.class).single()).isZero();

    jdbc.sql("update drivecare.vehicle set vin = ? where vin = ?").params(broken, "X" + broken.substring(1)).update();
    ClockUtil.setCurrentTime(Date.from(START.plus(6, ChronoUnit.MINUTES))); // R3/PT5M: the retry is due
    jobs.runDue(campaign.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(REMEDY_KEY)
        .variableValueEquals(VAR_CAMPAIGN_ID, campaignId).count()).isEqualTo(3);
    BpmnAwareTests.assertThat(campaign).isWaitingAt("Task_CampaignRunning");
  }

  @Test
  void quarterlyReportsAreKeptAndACoordinatorClosesTheCampaign() {
    createCampaign(true, 2);
    prepareAndApprove();
    jobs.fire(campaign.getId(), TIMER_QUARTERLY_REPORT);
    assertThat(campaigns.reports(campaignId)).singleElement().satisfies(r ->
        assertThat(r.entrySet()).anySatisfy(e -> {
          assertThat(e.getKey()).isEqualToIgnoringCase("quarter");
          assertThat(((Number) e.getValue()).intValue()).isEqualTo(1);
        }));
    campaigns.close(campaignId, "Regulator accepted the completion rate");
    jobs.runDue(campaign.getId());
    BpmnAwareTests.assertThat(campaign).isEnded().hasPassed("End_CampaignClosed");
    assertThat(campaigns.view(campaignId).campaign().status()).isEqualTo(RecallCampaign.CampaignStatus.CLOSED);
    runBatchJobs();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(REMEDY_KEY)
        .variableValueEquals(VAR_CAMPAIGN_ID, campaignId).count()).isZero();
  }

  @Test
  void journeysKeepOnlyInstanceTaskAndIncidentHistory() {
    Vehicle vehicle = createCampaign(true, 1).get(0);
    prepareAndApprove();
    ProcessInstance journey = journey(vehicle);
    var history = processEngine.getHistoryService();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(journey.getId()).count()).isEqualTo(1);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(journey.getId()).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(journey.getId()).count()).isZero();
    // other processes keep their audit history
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(campaign.getId()).count()).isPositive();
  }

  @Test
  void ownerIsNotifiedOnEveryChannelBooksAndIsRepaired() {
    Vehicle vehicle = createCampaign(true, 1).get(0);
    prepareAndApprove();
    ProcessInstance journey = journey(vehicle);
    assertThat(outboxChannels(journey)).containsExactlyInAnyOrder("EMAIL", "SMS");
    assertThat(outcomes(journey)).contains("UNREACHABLE"); // no postal address: the letter could not go
    assertThat(vehicleStatus(vehicle)).isEqualTo("NOTIFIED");
    assertThat(outboxBody(journey, "EMAIL")).contains("Bonjour", vehicle.vin(), "/self-service/#token=")
        .doesNotContain("${");

    book(journey);
    Task remedy = task(journey, "Task_PerformRemedy");
    assertThat(remedy.getAssignee()).isEqualTo(advisor);
    assertThat(taskService.getVariables(remedy.getId())).containsEntry("remedy", "A software update.")
        .containsKey("customerName");
    jobs.fire(journey.getId(), "Timer_AppointmentReminder"); // the day before
    assertThat(jdbc.sql("select count(*) from drivecare.outbox where business_key = ? and template = 'recall-appointment-reminder'")
        .param(journey.getBusinessKey()).query(Long.class).single()).isEqualTo(1);
    taskService.complete(remedy.getId(), Map.of("remedyOutcome", "COMPLETED"));
    jobs.runDue(journey.getId());
    assertThat(vehicleStatus(vehicle)).isEqualTo("REMEDIED");
    assertThat(campaigns.view(campaignId).completionRate()).isEqualTo(100.0);

    jobs.fire(journey.getId(), "Timer_SurveyDelay"); // two days later
    String body = jdbc.sql("select body from drivecare.outbox where business_key = ? and template = 'recall-survey' and channel = 'EMAIL'")
        .param(journey.getBusinessKey()).query(String.class).single();
    String token = body.replaceAll("(?s).*#survey=([A-Za-z0-9_\\-]+).*", "$1");
    surveys.answer(token, 5, "Quick and friendly");
    jobs.runDue(journey.getId());
    BpmnAwareTests.assertThat(journey).isEnded();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(journey.getBusinessKey()).count()).isZero();
    assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(journey.getId())
        .taskDefinitionKey("Task_FollowUpDissatisfied").count()).isZero();
    // the campaign's only journey has ended: the campaign closes itself
    jobs.runDue(campaign.getId());
    BpmnAwareTests.assertThat(campaign).isEnded().hasPassed("End_CampaignClosed");
    assertThat(jdbc.sql("select close_reason from drivecare.recall_campaign where id = ?").param(campaignId)
        .query(String.class).single()).isEqualTo("every vehicle journey has ended");
    assertThatThrownBy(() -> surveys.answer(token, 4, null)).isInstanceOf(ConflictException.class);
  }

  @Test
  void lowSurveyScoreIsFollowedUpAndNoAnswerClosesAfterFourteenDays() {
    List<Vehicle> vehicles = createCampaign(true, 2);
    prepareAndApprove();
    ProcessInstance unhappy = repaired(vehicles.get(0));
    ProcessInstance silent = repaired(vehicles.get(1));
    String body = jdbc.sql("select body from drivecare.outbox where business_key = ? and template = 'recall-survey' and channel = 'EMAIL'")
        .param(unhappy.getBusinessKey()).query(String.class).single();
    surveys.answer(body.replaceAll("(?s).*#survey=([A-Za-z0-9_\\-]+).*", "$1"), 2, "Waited three hours");
    jobs.runDue(unhappy.getId());
    Task followUp = task(unhappy, "Task_FollowUpDissatisfied");
    String relations = testData.staff(TestData.unique("relations"), Groups.CUSTOMER_RELATIONS, null, null);
    taskService.claim(followUp.getId(), relations);
    taskService.complete(followUp.getId(), Map.of("rootCause", "WAITING_TIME", "followUpNote", "Apologised, voucher sent"));
    jobs.runDue(unhappy.getId());
    BpmnAwareTests.assertThat(unhappy).isEnded();
    assertThat(outcomes(unhappy)).contains("SURVEY_2", "FOLLOW_UP");

    jobs.fire(silent.getId(), "Timer_SurveyExpired");
    BpmnAwareTests.assertThat(silent).isEnded();
    assertThat(outcomes(silent)).doesNotContain("FOLLOW_UP").noneMatch(o -> o.startsWith("SURVEY_"));
  }

  @Test
  void journeysWaitForPartsAndAreWokenForTheirRegion() {
    Vehicle vehicle = createCampaign(false, 1).get(0);
    prepareAndApprove();
    ProcessInstance journey = journey(vehicle);
    assertThat(vehicleStatus(vehicle)).isEqualTo("WAITING_FOR_PARTS");
    assertThat(outboxBody(journey, "EMAIL")).contains("2027-03-01");
    BpmnAwareTests.assertThat(journey).isWaitingAt("Catch_PartsAvailable");

    var woken = campaigns.partsAvailable(campaignId, region, 40);
    assertThat(woken.get("journeysWoken")).isEqualTo(1);
    jobs.runDue(journey.getId());
    assertThat(vehicleStatus(vehicle)).isEqualTo("NOTIFIED");
    assertThat(jdbc.sql("select count(*) from drivecare.outbox where business_key = ? and template = 'recall-parts-arrived'")
        .param(journey.getBusinessKey()).query(Long.class).single()).isEqualTo(1);
    BpmnAwareTests.assertThat(journey).isWaitingAt("Gateway_AwaitBooking");
  }

  @Test
  void remindersEscalateFromMessagesToACallEveryNinetyDays() {
    Vehicle vehicle = createCampaign(true, 1).get(0);
    prepareAndApprove();
    ProcessInstance journey = journey(vehicle);
    jobs.fire(journey.getId(), "Timer_ReminderDue"); // day 30
    jobs.fire(journey.getId(), "Timer_ReminderDue"); // day 60
    assertThat(jdbc.sql("select count(*) from drivecare.outbox where business_key = ? and template = 'recall-reminder'")
        .param(journey.getBusinessKey()).query(Long.class).single()).isEqualTo(2);
    jobs.fire(journey.getId(), "Timer_ReminderDue"); // day 90: a call
    assertThat(ClockUtil.getCurrentTime().toInstant()).isEqualTo(START.plus(90, ChronoUnit.DAYS));
    Task call = task(journey, "Task_CallOwnerForBooking");
    assertThat(call.getAssignee()).isNotNull();
    taskService.complete(call.getId(), Map.of("callNote", "Will book next week"));
    jobs.runDue(journey.getId());
    var next = jobs.timers(journey.getId(), "Timer_ReminderDue");
    assertThat(next.get(0).getDuedate().toInstant()).isEqualTo(START.plus(180, ChronoUnit.DAYS));
  }

  @Test
  void delayedRemedyTellsTheOwnerAndComesBackAtTheNewDate() {
    Vehicle vehicle = createCampaign(true, 1).get(0);
    prepareAndApprove();
    ProcessInstance journey = journey(vehicle);
    book(journey);
    Task remedy = task(journey, "Task_PerformRemedy");
    assertThatThrownBy(() -> taskService.complete(remedy.getId(), Map.of("remedyOutcome", "DELAYED")))
        .hasMessageContaining("newEta");
    taskService.complete(remedy.getId(), Map.of("remedyOutcome", "DELAYED", "newEta", "2026-12-10T09:00",
        "delayReason", "A part was damaged in transport"));
    jobs.runDue(journey.getId());
    assertThat(jdbc.sql("select body from drivecare.outbox where business_key = ? and template = 'recall-delay' and channel = 'EMAIL'")
        .param(journey.getBusinessKey()).query(String.class).single()).contains("2026-12-10", "damaged in transport");
    jobs.fire(journey.getId(), "Timer_UntilNewEta");
    Task again = task(journey, "Task_PerformRemedy");
    taskService.complete(again.getId(), Map.of("remedyOutcome", "NO_SHOW"));
    jobs.runDue(journey.getId());
    BpmnAwareTests.assertThat(journey).isWaitingAt("Gateway_AwaitBooking");
    assertThat(outcomes(journey)).contains("NO_SHOW");
  }

  @Test
  void unknownOwnerIsFoundByACoordinatorAndVehicleCanBeClosed() {
    Vehicle vehicle = createCampaign(true, 1).get(0);
    jdbc.sql("update drivecare.vehicle set owner_id = null where id = ?").param(vehicle.id()).update();
    prepareAndApprove();
    ProcessInstance journey = journey(vehicle);
    assertThat(vehicleStatus(vehicle)).isEqualTo("OWNER_UNKNOWN");
    Task find = task(journey, "Task_FindOwner");
    Customer owner = testData.customer().inRegion(region, "Europe/Paris").create();
    taskService.complete(find.getId(), Map.of("ownerCustomerId", owner.id()));
    jobs.runDue(journey.getId());
    assertThat(vehicleStatus(vehicle)).isEqualTo("NOTIFIED");
    assertThat(outboxChannels(journey)).contains("EMAIL");

    campaigns.closeVehicle(campaignId, vehicle.vin(), "SCRAPPED");
    jobs.runDue(journey.getId());
    BpmnAwareTests.assertThat(journey).isEnded();
    assertThat(vehicleStatus(vehicle)).isEqualTo("CLOSED");
  }

  // ---------------------------------------------------------------------------------------------

  private List<Vehicle> createCampaign(boolean partsNow, int vehicleCount) {
    campaigns.create(new RecallCampaignService.NewCampaign(campaignId, "Rear-view camera may not display",
        "Rear-view camera", "A software error can leave the image blank.", "Reduced rear visibility.",
        "A software update.", List.of(RecallCampaign.RemedyOption.DEALER), 1,
        new RecallCampaignService.Parts(partsNow, partsNow ? null : LocalDate.of(2027, 3, 1), null)), drafter);
    campaign = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaignId).singleResult();
    List<Vehicle> vehicles = new java.util.ArrayList<>();
    StringBuilder csv = new StringBuilder("vin\n");
    for (int i = 0; i < vehicleCount; i++) {
      Customer owner = testData.customer().inRegion(region, "Europe/Paris").create();
      Vehicle v = testData.vehicle(owner.id());
      vehicles.add(v);
      csv.append(v.vin()).append('\n');
    }
    assertThat(campaigns.importVehicles(campaignId, csv(csv.toString())).accepted()).isEqualTo(vehicleCount);
    return vehicles;
  }

  private void prepareNotice() {
    Task prepare = task(campaign, TASK_PREPARE_OWNER_NOTICE);
    taskService.claim(prepare.getId(), drafter);
    taskService.complete(prepare.getId()); // the drafts as prefilled
  }

  private void prepareAndApprove() {
    prepareNotice();
    Task approve = task(campaign, TASK_APPROVE_OWNER_NOTICE);
    taskService.claim(approve.getId(), approver);
    taskService.complete(approve.getId(), Map.of(VAR_APPROVED, true));
    jobs.runDue(campaign.getId());
  }

  private ProcessInstance journey(Vehicle v) {
    ProcessInstance journey = runtimeService.createProcessInstanceQuery().processDefinitionKey(REMEDY_KEY)
        .processInstanceBusinessKey(campaignId + ":" + v.vin()).singleResult();
    jobs.runDue(journey.getId());
    return journey;
  }

  private void book(ProcessInstance journey) {
    Instant at = ClockUtil.getCurrentTime().toInstant().plus(3, ChronoUnit.DAYS);
    runtimeService.createMessageCorrelation("AppointmentBooked").processInstanceId(journey.getId())
        .setVariable("appointmentAt", Date.from(at))
        .setVariable("appointmentReminderAt", Date.from(at.minus(1, ChronoUnit.DAYS)))
        .setVariable("serviceCenter", "Test centre")
        .setVariable("remedyAdvisor", advisor)
        .correlateWithResult();
  }

  /** A journey booked, repaired and two days further: the survey has gone out. */
  private ProcessInstance repaired(Vehicle vehicle) {
    ProcessInstance journey = journey(vehicle);
    book(journey);
    taskService.complete(task(journey, "Task_PerformRemedy").getId(), Map.of("remedyOutcome", "COMPLETED"));
    jobs.runDue(journey.getId());
    jobs.fire(journey.getId(), "Timer_SurveyDelay");
    return journey;
  }

  private Task task(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private String vehicleStatus(Vehicle v) {
    return jdbc.sql("select status from drivecare.recall_vehicle where campaign_id = ? and vin = ?")
        .params(campaignId, v.vin()).query(String.class).single();
  }

  private List<String> outboxChannels(ProcessInstance journey) {
    return jdbc.sql("select channel from drivecare.outbox where business_key = ? and template = 'recall-notice'")
        .param(journey.getBusinessKey()).query(String.class).list();
  }

  private String outboxBody(ProcessInstance journey, String channel) {
    return jdbc.sql("select body from drivecare.outbox where business_key = ? and template = 'recall-notice' and channel = ?")
        .params(journey.getBusinessKey(), channel).query(String.class).single();
  }

  private List<String> outcomes(ProcessInstance journey) {
    return jdbc.sql("select outcome from drivecare.contact_log where business_key = ?").param(journey.getBusinessKey())
        .query(String.class).list();
  }

  private static ByteArrayInputStream csv(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Runs the jobs of batches (no process instance), as the job executor would. */
  private void runBatchJobs() {
    for (int i = 0; i < 20; i++) {
      var batchJobs = managementService.createJobQuery().executable().list().stream()
          .filter(j -> j.getProcessInstanceId() == null).toList();
      if (batchJobs.isEmpty()) {
        return;
      }
      batchJobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }
}
