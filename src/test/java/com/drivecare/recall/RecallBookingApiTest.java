package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.Jobs;
import com.drivecare.TasklistSession;
import com.drivecare.TestData;
import com.drivecare.customer.Customer;
import com.drivecare.customer.Vehicle;
import com.drivecare.people.Groups;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Booking a recall repair over HTTP against real capacity; the survey answer. */
@DrivecareTest
class RecallBookingApiTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired Clock clock;
  @Autowired RecallCampaignService campaigns;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired Jobs jobs;

  String region;
  String advisor;
  String campaignId;
  String center;
  List<Customer> owners = new ArrayList<>();
  List<Vehicle> vehicles = new ArrayList<>();
  LocalDate tomorrow;

  @BeforeEach
  void launchedCampaign() {
    region = testData.freshRegion();
    advisor = testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, region, null);
    String drafter = testData.staff(TestData.unique("rita"), Groups.RECALL_COORDINATORS, null, null);
    String approver = testData.staff(TestData.unique("victor"), Groups.RECALL_COORDINATORS, null, null);
    campaignId = ("B" + TestData.unique("").substring(1, 9)).toUpperCase();
    center = ("C" + TestData.unique("").substring(1, 9)).toUpperCase();
    var admin = Api.at(port).basic("test-admin", "test-admin-secret");
    assertThat(admin.put("/api/service-centers/" + center, Map.of("name", "Atelier Test", "region", region,
        "dailySlots", 1, "mobileUnits", 1)).status()).isEqualTo(200);
    campaigns.create(new RecallCampaignService.NewCampaign(campaignId, "Seat belt buckle", "Seat belt", "May not latch.",
        "Occupant not restrained.", "Replace the buckle.", List.of(RecallCampaign.RemedyOption.DEALER,
        RecallCampaign.RemedyOption.MOBILE), 1, new RecallCampaignService.Parts(true, null,
        List.of(new RecallCampaignService.RegionStock(region, 10, null)))), drafter);
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      Customer owner = testData.customer().inRegion(region, "Europe/Paris").create();
      owners.add(owner);
      Vehicle v = testData.vehicle(owner.id());
      vehicles.add(v);
      csv.append(v.vin()).append('\n');
    }
    campaigns.importVehicles(campaignId, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
    jobs.runDue(NoticeApproval.approve(runtimeService, taskService, campaignId, drafter, approver));
    vehicles.forEach(v -> jobs.runDueForBusinessKey(campaignId + ":" + v.vin()));
    tomorrow = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris"))).plusDays(1);
  }

  @Test
  void fullDayIsAConflictWithTheNextFreeDatesAndRescheduleAndCancelWork() {
    var first = book(0, "DEALER", tomorrow);
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("status").asText()).isEqualTo("BOOKED");
    var task = taskService.createTaskQuery().processInstanceBusinessKey(campaignId + ":" + vehicles.get(0).vin())
        .taskDefinitionKey(TASK_PERFORM_REMEDY).singleResult();
    assertThat(task.getAssignee()).isEqualTo(advisor);

    var full = book(1, "DEALER", tomorrow);
    assertThat(full.status()).isEqualTo(409);
    assertThat(full.contentType()).startsWith("application/problem+json");
    assertThat(full.json().get("nextFreeDates").get(0).asText()).isEqualTo(tomorrow.plusDays(1).toString());
    assertThat(book(1, "MOBILE", tomorrow).status()).isEqualTo(201); // mobile units are counted apart

    var moved = book(0, "DEALER", tomorrow.plusDays(2));
    assertThat(moved.status()).isEqualTo(201);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getDueDate().toInstant().atZone(ZoneId.of("Europe/Paris"))
        .toLocalDate()).isEqualTo(tomorrow.plusDays(2));
    assertThat(book(2, "DEALER", tomorrow).status()).isEqualTo(201); // the moved slot is free again

    var cancel = owner(2).delete(appointment(2));
    assertThat(cancel.status()).isEqualTo(204);
    assertThat(owner(2).get(appointment(2)).status()).isEqualTo(404);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaignId + ":" + vehicles.get(2).vin())
        .singleResult()).isNotNull();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(campaignId + ":" + vehicles.get(2).vin()).count()).isZero();
    assertThat(jdbc.sql("select available from drivecare.recall_parts_stock where campaign_id = ? and region = ?")
        .params(campaignId, region).query(Integer.class).single()).isEqualTo(8); // 10 - 3 booked + 1 cancelled
  }

  @Test
  void badBookingsAreRefusedAndOthersCannotBookForYou() {
    assertThat(book(0, "PICKUP", tomorrow).json().get("errors").get(0).get("field").asText()).isEqualTo("option");
    assertThat(book(0, "DEALER", tomorrow.minusDays(1)).json().get("errors").get(0).get("field").asText()).isEqualTo("date");
    String elsewhere = testData.freshRegion();
    Api.at(port).basic("test-admin", "test-admin-secret").put("/api/service-centers/" + center + "X",
        Map.of("name", "Elsewhere", "region", elsewhere, "dailySlots", 5, "mobileUnits", 0));
    var wrongCenter = owner(0).post(appointment(0), Map.of("option", "DEALER", "serviceCenter", center + "X",
        "date", tomorrow.toString()));
    assertThat(wrongCenter.json().get("errors").get(0).get("field").asText()).isEqualTo("serviceCenter");
    assertThat(owner(1).post(appointment(0), Map.of("option", "DEALER", "serviceCenter", center,
        "date", tomorrow.toString())).status()).isEqualTo(404);
    assertThat(owner(0).get("/api/service-centers?region=" + region).json().findValuesAsText("id")).contains(center);
  }

  @Test
  void theAdvisorCannotPointTheRepairAtAnotherVehicleOrOwnerByAnyRoute() {
    assertThat(book(0, "DEALER", tomorrow).status()).isEqualTo(201);
    String key = campaignId + ":" + vehicles.get(0).vin();
    var task = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(TASK_PERFORM_REMEDY).singleResult();
    Api asAdvisor = Api.at(port).basic(advisor, TestData.password(advisor));
    String path = "/engine-rest/task/" + task.getId();
    assertThat(asAdvisor.put(path + "/variables/vin", Map.of("value", vehicles.get(1).vin())).status()).isEqualTo(403);
    assertThat(asAdvisor.put(path + "/variables/customerId", Map.of("value", owners.get(1).id(), "type", "Long"))
        .status()).isEqualTo(403);
    var smuggled = asAdvisor.post(path + "/complete", Map.of("variables", Map.of(
        "remedyOutcome", Map.of("value", "COMPLETED"), "vin", Map.of("value", vehicles.get(1).vin()))));
    assertThat(smuggled.status()).isEqualTo(400);
    assertThat(smuggled.json().get("message").asText()).contains("'vin' is not a field");
    TasklistSession tasklist = TasklistSession.login(port, advisor, TestData.password(advisor));
    var viaTasklist = tasklist.post(TasklistSession.ENGINE + "/task/" + task.getId() + "/submit-form",
        "{\"variables\":{\"remedyOutcome\":{\"value\":\"COMPLETED\"},\"customerId\":{\"value\":"
            + owners.get(1).id() + ",\"type\":\"Long\"}}}");
    assertThat(viaTasklist.status()).isEqualTo(400);
    // a delay without its reason is refused with the journey's own sentence
    var noReason = tasklist.post(TasklistSession.ENGINE + "/task/" + task.getId() + "/submit-form",
        "{\"variables\":{\"remedyOutcome\":{\"value\":\"DELAYED\"},\"newEta\":{\"value\":\""
            + tomorrow.plusDays(5) + "T10:00\"}}}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("message").asText()).contains("A delay needs delayReason");

    var done = tasklist.post(TasklistSession.ENGINE + "/task/" + task.getId() + "/submit-form",
        "{\"variables\":{\"remedyOutcome\":{\"value\":\"COMPLETED\"}}}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    jobs.runDueForBusinessKey(key);
    assertThat(jdbc.sql("select status from drivecare.recall_vehicle where campaign_id = ? and vin = ?")
        .params(campaignId, vehicles.get(0).vin()).query(String.class).single()).isEqualTo(RecallVehicleStatus.REMEDIED.name());
    assertThat(jdbc.sql("select status from drivecare.recall_vehicle where campaign_id = ? and vin = ?")
        .params(campaignId, vehicles.get(1).vin()).query(String.class).single()).isNotEqualTo(RecallVehicleStatus.REMEDIED.name());
    assertThat(jdbc.sql("select distinct customer_id from drivecare.contact_log where business_key = ?")
        .param(key).query(Long.class).list()).containsOnly(owners.get(0).id());
    assertThat(jdbc.sql("select distinct customer_id from drivecare.outbox where business_key = ?")
        .param(key).query(Long.class).list()).containsOnly(owners.get(0).id());
  }

  @Test
  void aNationalTeamSeesTheJourneyButWorksOnlyWhatIsOfferedToIt() {
    assertThat(book(0, "DEALER", tomorrow).status()).isEqualTo(201);
    var task = taskService.createTaskQuery().processInstanceBusinessKey(campaignId + ":" + vehicles.get(0).vin())
        .taskDefinitionKey(TASK_PERFORM_REMEDY).singleResult();
    String clara = testData.staff(TestData.unique("clara"), Groups.CUSTOMER_RELATIONS, null, null);
    String rita = testData.staff(TestData.unique("rita"), Groups.RECALL_COORDINATORS, null, null);
    Api asClara = Api.at(port).basic(clara, TestData.password(clara));
    Api asRita = Api.at(port).basic(rita, TestData.password(rita));
    String path = "/engine-rest/task/" + task.getId();
    // the advisor's repair: nobody else completes it, nor takes it over by claiming
    var completed = asClara.post(path + "/complete", Map.of("variables", Map.of(VAR_REMEDY_OUTCOME, Map.of("value", "COMPLETED"))));
    assertThat(completed.status()).isEqualTo(403);
    assertThat(asRita.post(path + "/claim", Map.of("userId", rita)).status()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(advisor);
  }

  @Test
  void surveyAnswersNeedAValidTokenAndScore() {
    assertThat(Api.at(port).post("/api/surveys/srv_nope", Map.of("score", 4)).status()).isEqualTo(404);
    assertThat(Api.at(port).post("/api/surveys/srv_nope", Map.of("score", 9)).status()).isEqualTo(400);
  }

  private Api.Response book(int owner, String option, LocalDate date) {
    return owner(owner).post(appointment(owner), Map.of("option", option, "serviceCenter", center, "date", date.toString()));
  }

  private Api owner(int i) {
    return Api.at(port).bearer(testData.token(owners.get(i).id()));
  }

  private String appointment(int i) {
    return "/api/recalls/" + campaignId + "/vehicles/" + vehicles.get(i).vin() + "/appointment";
  }
}
