package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drivecare.DrivecareTest;
import com.drivecare.Jobs;
import com.drivecare.TaskRights;
import com.drivecare.TestData;
import com.drivecare.customer.Customer;
import com.drivecare.customer.Vehicle;
import com.drivecare.people.Groups;
import com.drivecare.platform.Caller;
import com.drivecare.platform.ConflictException;
import com.drivecare.platform.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
  @Autowired RecallBookingService booking;
  @Autowired RecallRepository recalls;
  @Autowired TaskRights rights;

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
  void fourEyesRefusesTheDrafterAndEveryOwnerIsNotifiedOnceInChunks() {
    List<Vehicle> vehicles = createCampaign(true, 3);
    runtimeService.setVariable(campaign.getId(), VAR_LAUNCH_CHUNK_SIZE, 2);
    prepareNotice();
    Task approve = task(campaign, TASK_APPROVE_OWNER_NOTICE);
    assertThatThrownBy(() -> taskService.claim(approve.getId(), drafter)).hasMessageContaining("Four eyes");
    taskService.claim(approve.getId(), approver);
    taskService.complete(approve.getId(), Map.of(VAR_APPROVED, true));
    jobs.runDue(campaign.getId());

    BpmnAwareTests.assertThat(campaign).isWaitingAt(TASK_CAMPAIGN_RUNNING);
    assertThat(jdbc.sql("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = ?")
        .params(campaign.getId(), TASK_LAUNCH_VEHICLES).query(Long.class).single()).isEqualTo(2); // 2 + 1
    for (Vehicle v : vehicles) {
      assertThat(notices(v)).containsExactlyInAnyOrder("EMAIL", "SMS", "LETTER");
      assertThat(vehicleStatus(v)).isEqualTo(RecallVehicleStatus.NOTIFIED.name());
    }
    // nobody needs a person yet: the campaign carries them, no journey is started
    assertThat(journeys()).isZero();
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
    taskService.complete(approve.getId(), Map.of(VAR_APPROVED, false, VAR_APPROVAL_COMMENT, "Say how long it takes"));
    assertThat(task(campaign, TASK_PREPARE_OWNER_NOTICE)).isNotNull();
    assertThat(campaigns.view(campaignId).campaign().status()).isEqualTo(RecallCampaign.CampaignStatus.DRAFT);
  }

  @Test
  void launchThatCrashesMidChunkResumesWithNoOwnerNotifiedTwiceAndNoneMissed() {
    List<Vehicle> vehicles = createCampaign(true, 3);
    jdbc.sql("update drivecare.vehicle set owner_id = null where id = ?").param(vehicles.get(0).id()).update();
    // the last owner of the chunk reads English, and the English notice cannot be filled in: the job
    // fails part-way through the chunk
    Vehicle english = vehicles.subList(1, 3).stream().max(Comparator.comparing(Vehicle::vin)).orElseThrow();
    jdbc.sql("update drivecare.customer set language = 'en' where id = ?").param(english.ownerId()).update();
    prepareNotice();
    Task approve = task(campaign, TASK_APPROVE_OWNER_NOTICE);
    taskService.claim(approve.getId(), approver);
    taskService.complete(approve.getId(), Map.of(VAR_APPROVED, true));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(campaign.getId())
        .activityId(TASK_RECORD_APPROVAL).singleResult().getId());
    jdbc.sql("update drivecare.recall_campaign set notice_en = 'Dear ${nobodyKnowsThis}' where id = ?")
        .param(campaignId).update();
    var launch = managementService.createJobQuery().processInstanceId(campaign.getId()).activityId(TASK_LAUNCH_VEHICLES)
        .singleResult();
    assertThatThrownBy(() -> managementService.executeJob(launch.getId())).isInstanceOf(RuntimeException.class);
    assertThat(journeys()).isZero();
    assertThat(jdbc.sql("select count(*) from drivecare.outbox where business_key like ?").param(campaignId + ":%")
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from drivecare.recall_vehicle where campaign_id = ? and launched_at is not null")
        .param(campaignId).query(Long.class).single()).isZero();

    jdbc.sql("update drivecare.recall_campaign set notice_en = notice_fr where id = ?").param(campaignId).update();
    ClockUtil.setCurrentTime(Date.from(START.plus(6, ChronoUnit.MINUTES))); // R3/PT5M: the retry is due
    jobs.runDue(campaign.getId());
    assertThat(journeys()).isEqualTo(1); // the owner to be found
    for (Vehicle v : vehicles.subList(1, 3)) {
      assertThat(notices(v)).containsExactlyInAnyOrder("EMAIL", "SMS", "LETTER");
    }
    BpmnAwareTests.assertThat(campaign).isWaitingAt(TASK_CAMPAIGN_RUNNING);
  }

  @Test
  void quarterlyReportsAreKeptAndACoordinatorClosesTheCampaign() {
    List<Vehicle> vehicles = createCampaign(true, 2);
    jdbc.sql("update drivecare.vehicle set owner_id = null where id = ?").param(vehicles.get(0).id()).update();
    prepareAndApprove();
    jobs.fire(campaign.getId(), TIMER_QUARTERLY_REPORT);
    assertThat(campaigns.reports(campaignId)).singleElement().satisfies(r ->
        assertThat(r.entrySet()).anySatisfy(e -> {
          assertThat(e.getKey()).isEqualToIgnoringCase("quarter");
          assertThat(((Number) e.getValue()).intValue()).isEqualTo(1);
        }));
    assertThat(journeys()).isEqualTo(1);
    campaigns.close(campaignId, "Regulator accepted the completion rate");
    jobs.runDue(campaign.getId());
    BpmnAwareTests.assertThat(campaign).isEnded().hasPassed(END_CAMPAIGN_CLOSED);
    assertThat(campaigns.view(campaignId).campaign().status()).isEqualTo(RecallCampaign.CampaignStatus.CLOSED);
    runBatchJobs();
    assertThat(journeys()).isZero();
  }

  @Test
  void journeysKeepOnlyInstanceTaskAndIncidentHistory() {
    Vehicle vehicle = createCampaign(true, 1).get(0);
    jdbc.sql("update drivecare.vehicle set owner_id = null where id = ?").param(vehicle.id()).update();
    prepareAndApprove();
    ProcessInstance journey = journey(vehicle);
    var history = processEngine.getHistoryService();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(journey.getId()).count()).isEqualTo(1);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(journey.getId()).count()).isEqualTo(1);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(journey.getId()).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(journey.getId()).count()).isZero();
    // other processes keep their audit history
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(campaign.getId()).count()).isPositive();
  }

  @Test
  void ownerIsNotifiedOnEveryChannelBooksAndIsRepaired() {
    Vehicle vehicle = createCampaign(true, 1).get(0);
    jdbc.sql("update drivecare.customer set address = null where id = ?").param(vehicle.ownerId()).update();
    prepareAndApprove();
    assertThat(notices(vehicle)).containsExactlyInAnyOrder("EMAIL", "SMS");
    assertThat(outcomes(vehicle)).contains("UNREACHABLE"); // no postal address: the letter could not go
    assertThat(vehicleStatus(vehicle)).isEqualTo(RecallVehicleStatus.NOTIFIED.name());
    assertThat(noticeBody(vehicle, "EMAIL")).contains("Bonjour", vehicle.vin(), "/self-service/#token=")
        .doesNotContain("${");

    ProcessInstance journey = book(vehicle);
    Task remedy = task(journey, TASK_PERFORM_REMEDY);
    assertThat(remedy.getAssignee()).isEqualTo(advisor);
    String advisorElsewhere = testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, testData.freshRegion(), null);
    assertThat(rights.sees(advisor, remedy.getId())).isTrue();
    assertThat(rights.sees(advisorElsewhere, remedy.getId())).isFalse();
    assertThat(taskService.getVariables(remedy.getId())).containsEntry("remedy", "A software update.")
        .containsKey(VAR_CUSTOMER_NAME);
    assertThat(vehicleStatus(vehicle)).isEqualTo(RecallVehicleStatus.BOOKED.name());
    jobs.fire(journey.getId(), TIMER_APPOINTMENT_REMINDER); // the day before
    assertThat(jdbc.sql("select count(*) from drivecare.outbox where business_key = ? and template = 'recall-appointment-reminder'")
        .param(journey.getBusinessKey()).query(Long.class).single()).isEqualTo(1);
    taskService.complete(remedy.getId(), Map.of(VAR_REMEDY_OUTCOME, "COMPLETED"));
    jobs.runDue(journey.getId());
    assertThat(vehicleStatus(vehicle)).isEqualTo(RecallVehicleStatus.REMEDIED.name());
    assertThat(campaigns.view(campaignId).completionRate()).isEqualTo(100.0);

    jobs.fire(journey.getId(), TIMER_SURVEY_DELAY); // two days later
    String body = jdbc.sql("select body from drivecare.outbox where business_key = ? and template = 'recall-survey' and channel = 'EMAIL'")
        .param(journey.getBusinessKey()).query(String.class).single();
    String token = body.replaceAll("(?s).*#survey=([A-Za-z0-9_\\-]+).*", "$1");
    surveys.answer(token, 5, "Quick and friendly");
    jobs.runDue(journey.getId());
    BpmnAwareTests.assertThat(journey).isEnded();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(journey.getBusinessKey()).count()).isZero();
    assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(journey.getId())
        .taskDefinitionKey(TASK_FOLLOW_UP_DISSATISFIED).count()).isZero();
    // the campaign's only vehicle is done: the campaign closes itself
    jobs.runDue(campaign.getId());
    BpmnAwareTests.assertThat(campaign).isEnded().hasPassed(END_CAMPAIGN_CLOSED);
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
    Task followUp = task(unhappy, TASK_FOLLOW_UP_DISSATISFIED);
    String relations = testData.staff(TestData.unique("relations"), Groups.CUSTOMER_RELATIONS, null, null);
    // offered to customer relations: they see and take it, the advisor who did the repair does not
    assertThat(rights.sees(relations, followUp.getId())).isTrue();
    assertThat(rights.canClaim(relations, followUp.getId())).isTrue();
    assertThat(rights.sees(advisor, followUp.getId()) || rights.canClaim(advisor, followUp.getId())).isFalse();
    taskService.claim(followUp.getId(), relations);
    taskService.complete(followUp.getId(), Map.of(VAR_ROOT_CAUSE, "WAITING_TIME", VAR_FOLLOW_UP_NOTE, "Apologised, voucher sent"));
    jobs.runDue(unhappy.getId());
    BpmnAwareTests.assertThat(unhappy).isEnded();
    assertThat(outcomes(vehicles.get(0))).contains("SURVEY_2", "FOLLOW_UP");

    jobs.fire(silent.getId(), TIMER_SURVEY_EXPIRED);
    BpmnAwareTests.assertThat(silent).isEnded();
    assertThat(outcomes(vehicles.get(1))).doesNotContain("FOLLOW_UP").noneMatch(o -> o.startsWith("SURVEY_"));
  }

  @Test
  void ownersWaitForPartsAndAreInvitedWhenTheyArriveInTheirRegion() {
    List<Vehicle> vehicles = createCampaign(false, 2);
    Vehicle carried = vehicles.get(0);
    Vehicle found = vehicles.get(1);
    jdbc.sql("update drivecare.vehicle set owner_id = null where id = ?").param(found.id()).update();
    prepareAndApprove();
    assertThat(vehicleStatus(carried)).isEqualTo(RecallVehicleStatus.WAITING_FOR_PARTS.name());
    assertThat(noticeBody(carried, "EMAIL")).contains("2027-03-01");
    // the owner a coordinator had to find waits in a journey of his own
    ProcessInstance journey = journey(found);
    Customer owner = testData.customer().inRegion(region, "Europe/Paris").create();
    taskService.complete(task(journey, TASK_FIND_OWNER).getId(), Map.of(VAR_OWNER_CUSTOMER_ID, owner.id()));
    jobs.runDue(journey.getId());
    BpmnAwareTests.assertThat(journey).isWaitingAt(CATCH_PARTS_AVAILABLE);
    assertThatThrownBy(() -> book(carried)).isInstanceOf(ConflictException.class).hasMessageContaining("parts");

    // the date slips: every owner waiting is told the new one at once, once
    var delayed = campaigns.partsDelayed(campaignId, region, LocalDate.of(2027, 5, 15), "Supplier fire");
    assertThat(delayed).containsEntry("ownersToTell", 2L);
    jobs.runDue(campaign.getId());
    campaigns.partsDelayed(campaignId, region, LocalDate.of(2027, 5, 15), "Supplier fire");
    jobs.runDue(campaign.getId());
    for (Vehicle v : vehicles) {
      assertThat(jdbc.sql("select body from drivecare.outbox where business_key = ? and template = 'recall-parts-delayed' and channel = 'EMAIL'")
          .param(campaignId + ":" + v.vin()).query(String.class).list()).singleElement().asString()
          .contains("2027-05-15", "Supplier fire");
    }
    assertThat(runtimeService.getVariable(journey.getId(), VAR_PARTS_EXPECTED)).isEqualTo("2027-05-15");
    assertThatThrownBy(() -> campaigns.partsDelayed(campaignId, region, LocalDate.of(2026, 11, 1), null))
        .isInstanceOf(InvalidInputException.class);

    var arrived = campaigns.partsAvailable(campaignId, region, 40);
    assertThat(arrived).containsEntry("journeysWoken", 1).containsEntry("ownersToInvite", 1L);
    jobs.runDue(campaign.getId());
    jobs.runDue(journey.getId());
    for (Vehicle v : vehicles) {
      assertThat(vehicleStatus(v)).isEqualTo(RecallVehicleStatus.NOTIFIED.name());
      assertThat(jdbc.sql("select count(*) from drivecare.outbox where business_key = ? and template = 'recall-parts-arrived'")
          .param(campaignId + ":" + v.vin()).query(Long.class).single()).isEqualTo(1);
    }
    BpmnAwareTests.assertThat(journey).isWaitingAt(GATEWAY_AWAIT_BOOKING);
    // the reminders count from the invitation
    assertThat(jobs.timers(journey.getId(), TIMER_REMINDER_DUE).get(0).getDuedate().toInstant())
        .isEqualTo(START.plus(30, ChronoUnit.DAYS));
    assertThat(jdbc.sql("select next_reminder_at from drivecare.recall_vehicle where campaign_id = ? and vin = ?")
        .params(campaignId, carried.vin()).query(OffsetDateTime.class).single().toInstant())
        .isEqualTo(START.plus(30, ChronoUnit.DAYS));
  }

  @Test
  void remindersEscalateFromMessagesToACallEveryNinetyDays() {
    Vehicle vehicle = createCampaign(true, 1).get(0);
    prepareAndApprove();
    sweepOnDay(29);
    assertThat(reminders(vehicle)).isZero();
    sweepOnDay(30);
    sweepOnDay(60);
    assertThat(reminders(vehicle)).isEqualTo(2);
    assertThat(journeys()).isZero();
    sweepOnDay(90); // the call: the vehicle gets a journey of its own
    ProcessInstance journey = journey(vehicle);
    Task call = task(journey, TASK_CALL_OWNER_FOR_BOOKING);
    assertThat(call.getAssignee()).isEqualTo(advisor);
    taskService.complete(call.getId(), Map.of(VAR_CALL_NOTE, "Will book next week"));
    jobs.runDue(journey.getId());
    var next = jobs.timers(journey.getId(), TIMER_REMINDER_DUE);
    assertThat(next.get(0).getDuedate().toInstant()).isEqualTo(START.plus(180, ChronoUnit.DAYS));
    sweepOnDay(120); // the campaign leaves the vehicle to its journey now
    assertThat(reminders(vehicle)).isEqualTo(2);
    assertThat(journeys()).isEqualTo(1);
  }

  @Test
  void eachCampaignKeepsItsOwnReminderSchedule() {
    Vehicle vehicle = createCampaign(true, 1).get(0);
    runtimeService.setVariable(campaign.getId(), "reminderDays", "10");
    runtimeService.setVariable(campaign.getId(), "callEveryDays", 20);
    prepareAndApprove();
    sweepOnDay(10);
    assertThat(reminders(vehicle)).isEqualTo(1);
    sweepOnDay(20);
    ProcessInstance journey = journey(vehicle);
    taskService.complete(task(journey, TASK_CALL_OWNER_FOR_BOOKING).getId(), Map.of(VAR_CALL_NOTE, "No answer"));
    jobs.runDue(journey.getId());
    assertThat(jobs.timers(journey.getId(), TIMER_REMINDER_DUE).get(0).getDuedate().toInstant())
        .isEqualTo(START.plus(40, ChronoUnit.DAYS));
  }

  @Test
  void aSweepThatRacesABookingLeavesTheVehicleToItsJourney() {
    Vehicle vehicle = createCampaign(true, 1).get(0);
    prepareAndApprove();
    Instant day30 = START.plus(30, ChronoUnit.DAYS);
    ClockUtil.setCurrentTime(Date.from(day30));
    // the sweep has read the vehicle as due…
    var due = recalls.dueReminders(campaignId, day30, 10);
    assertThat(due).extracting(RecallRepository.Target::vin).containsExactly(vehicle.vin());
    // …when the owner books, before the sweep writes
    ProcessInstance journey = book(vehicle);
    var row = new RecallRepository.Outreach(vehicle.vin(), RecallVehicleStatus.NOTIFIED, START, 1, START.plus(60, ChronoUnit.DAYS), null, null);
    assertThat(recalls.outreach(campaignId, List.of(row), day30, false, RecallVehicleStatus.NOTIFIED)).isEmpty();
    assertThat(vehicleStatus(vehicle)).isEqualTo(RecallVehicleStatus.BOOKED.name());
    assertThat(task(journey, TASK_PERFORM_REMEDY)).isNotNull();
    // and the next sweep has nothing to do for it
    sweepOnDay(31);
    assertThat(reminders(vehicle)).isZero();
  }

  @Test
  void delayedRemedyTellsTheOwnerAndComesBackAtTheNewDate() {
    Vehicle vehicle = createCampaign(true, 1).get(0);
    prepareAndApprove();
    ProcessInstance journey = book(vehicle);
    Task remedy = task(journey, TASK_PERFORM_REMEDY);
    assertThatThrownBy(() -> taskService.complete(remedy.getId(), Map.of(VAR_REMEDY_OUTCOME, "DELAYED")))
        .hasMessageContaining("newEta");
    taskService.complete(remedy.getId(), Map.of(VAR_REMEDY_OUTCOME, "DELAYED", VAR_NEW_ETA, "2026-12-10T09:00",
        "delayReason", "A part was damaged in transport"));
    jobs.runDue(journey.getId());
    assertThat(jdbc.sql("select body from drivecare.outbox where business_key = ? and template = 'recall-delay' and channel = 'EMAIL'")
        .param(journey.getBusinessKey()).query(String.class).single()).contains("2026-12-10", "damaged in transport");
    jobs.fire(journey.getId(), TIMER_UNTIL_NEW_ETA);
    Task again = task(journey, TASK_PERFORM_REMEDY);
    taskService.complete(again.getId(), Map.of(VAR_REMEDY_OUTCOME, "NO_SHOW"));
    jobs.runDue(journey.getId());
    BpmnAwareTests.assertThat(journey).isWaitingAt(GATEWAY_AWAIT_BOOKING);
    assertThat(outcomes(vehicle)).contains("NO_SHOW");
  }

  @Test
  void unknownOwnerIsFoundByACoordinatorAndVehiclesAreClosedWithOrWithoutAJourney() {
    List<Vehicle> vehicles = createCampaign(true, 2);
    Vehicle vehicle = vehicles.get(0);
    Vehicle sold = vehicles.get(1);
    jdbc.sql("update drivecare.vehicle set owner_id = null where id = ?").param(vehicle.id()).update();
    prepareAndApprove();
    ProcessInstance journey = journey(vehicle);
    assertThat(vehicleStatus(vehicle)).isEqualTo(RecallVehicleStatus.OWNER_UNKNOWN.name());
    Task find = task(journey, TASK_FIND_OWNER);
    // offered to the recall coordinators: any of them sees and takes it, the region's advisor does not
    assertThat(rights.sees(drafter, find.getId())).isTrue();
    assertThat(rights.canClaim(approver, find.getId())).isTrue();
    assertThat(rights.sees(advisor, find.getId()) || rights.canClaim(advisor, find.getId())).isFalse();
    Customer owner = testData.customer().inRegion(region, "Europe/Paris").create();
    taskService.complete(find.getId(), Map.of(VAR_OWNER_CUSTOMER_ID, owner.id()));
    jobs.runDue(journey.getId());
    assertThat(vehicleStatus(vehicle)).isEqualTo(RecallVehicleStatus.NOTIFIED.name());
    assertThat(notices(vehicle)).contains("EMAIL", "SMS");

    campaigns.closeVehicle(campaignId, sold.vin(), "SOLD", "rita");
    assertThat(vehicleStatus(sold)).isEqualTo(RecallVehicleStatus.CLOSED.name());
    assertThat(outcomes(sold)).contains("VEHICLE_CLOSED");
    assertThatThrownBy(() -> campaigns.closeVehicle(campaignId, sold.vin(), "SOLD", "rita"))
        .isInstanceOf(ConflictException.class);
    BpmnAwareTests.assertThat(campaign).isActive();

    campaigns.closeVehicle(campaignId, vehicle.vin(), "SCRAPPED", "rita");
    jobs.runDue(journey.getId());
    BpmnAwareTests.assertThat(journey).isEnded();
    assertThat(vehicleStatus(vehicle)).isEqualTo(RecallVehicleStatus.CLOSED.name());
    jobs.runDue(campaign.getId());
    BpmnAwareTests.assertThat(campaign).isEnded(); // no vehicle is left open
  }

  // ---------------------------------------------------------------------------------------------

  private List<Vehicle> createCampaign(boolean partsNow, int vehicleCount) {
    campaigns.create(new RecallCampaignService.NewCampaign(campaignId, "Rear-view camera may not display",
        "Rear-view camera", "A software error can leave the image blank.", "Reduced rear visibility.",
        "A software update.", List.of(RecallCampaign.RemedyOption.DEALER), 1,
        new RecallCampaignService.Parts(partsNow, partsNow ? null : LocalDate.of(2027, 3, 1), null)), drafter);
    campaign = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaignId).singleResult();
    List<Vehicle> vehicles = new ArrayList<>();
    StringBuilder csv = new StringBuilder("vin\n");
    for (int i = 0; i < vehicleCount; i++) {
      Customer owner = testData.customer().inRegion(region, "Europe/Paris").address("12 rue de la Paix, 75002 Paris")
          .create();
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
    // the drafts as prefilled, with the campaign's facts in French
    taskService.complete(prepare.getId(), NoticeApproval.FRENCH_FACTS);
  }

  private void prepareAndApprove() {
    prepareNotice();
    Task approve = task(campaign, TASK_APPROVE_OWNER_NOTICE);
    taskService.claim(approve.getId(), approver);
    taskService.complete(approve.getId(), Map.of(VAR_APPROVED, true));
    jobs.runDue(campaign.getId());
  }

  /** The vehicle's own journey (it must have one), with what is due run. */
  private ProcessInstance journey(Vehicle v) {
    ProcessInstance journey = runtimeService.createProcessInstanceQuery().processDefinitionKey(REMEDY_KEY)
        .processInstanceBusinessKey(campaignId + ":" + v.vin()).singleResult();
    assertThat(journey).as("journey of " + v.vin()).isNotNull();
    jobs.runDue(journey.getId());
    return journey;
  }

  private long journeys() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(REMEDY_KEY)
        .variableValueEquals(VAR_CAMPAIGN_ID, campaignId).count();
  }

  /** The owner books through the booking service, as the API does, three days ahead: that starts the journey. */
  private ProcessInstance book(Vehicle vehicle) {
    String center = ("C" + TestData.unique("").substring(1, 9)).toUpperCase();
    booking.saveCenter(new RecallBookingService.ServiceCenter(center, "Test centre", region, 5, 0));
    LocalDate day = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).plusDays(3);
    booking.book(campaignId, vehicle.vin(), new RecallBookingService.BookingRequest(RecallCampaign.RemedyOption.DEALER,
        center, day), new Caller.Customer(vehicle.ownerId()));
    return journey(vehicle);
  }

  /** Moves the clock to the day after launch and lets the campaign's reminder sweep run. */
  private void sweepOnDay(int day) {
    ClockUtil.setCurrentTime(Date.from(START.plus(day, ChronoUnit.DAYS)));
    var sweep = managementService.createJobQuery().processInstanceId(campaign.getId()).activityId(TIMER_REMINDER_SWEEP)
        .singleResult();
    managementService.executeJob(sweep.getId());
    jobs.runDue(campaign.getId());
    runtimeService.createProcessInstanceQuery().processDefinitionKey(REMEDY_KEY)
        .variableValueEquals(VAR_CAMPAIGN_ID, campaignId).list().forEach(pi -> jobs.runDue(pi.getId()));
  }

  private long reminders(Vehicle v) {
    return jdbc.sql("select count(*) from drivecare.outbox where business_key = ? and template = 'recall-reminder'")
        .param(campaignId + ":" + v.vin()).query(Long.class).single();
  }

  /** A journey booked, repaired and two days further: the survey has gone out. */
  private ProcessInstance repaired(Vehicle vehicle) {
    ProcessInstance journey = book(vehicle);
    taskService.complete(task(journey, TASK_PERFORM_REMEDY).getId(), Map.of(VAR_REMEDY_OUTCOME, "COMPLETED"));
    jobs.runDue(journey.getId());
    jobs.fire(journey.getId(), TIMER_SURVEY_DELAY);
    return journey;
  }

  private Task task(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private String vehicleStatus(Vehicle v) {
    return jdbc.sql("select status from drivecare.recall_vehicle where campaign_id = ? and vin = ?")
        .params(campaignId, v.vin()).query(String.class).single();
  }

  private List<String> notices(Vehicle v) {
    return jdbc.sql("select channel from drivecare.outbox where business_key = ? and template = 'recall-notice'")
        .param(campaignId + ":" + v.vin()).query(String.class).list();
  }

  private String noticeBody(Vehicle v, String channel) {
    return jdbc.sql("select body from drivecare.outbox where business_key = ? and template = 'recall-notice' and channel = ?")
        .params(campaignId + ":" + v.vin(), channel).query(String.class).single();
  }

  private List<String> outcomes(Vehicle v) {
    return jdbc.sql("select outcome from drivecare.contact_log where business_key = ?").param(campaignId + ":" + v.vin())
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
