package com.drivecare.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.Jobs;
import com.drivecare.TasklistSession;
import com.drivecare.TestData;
import com.drivecare.customer.Customer;
import com.drivecare.customer.Reservation;
import com.drivecare.customer.Vehicle;
import com.drivecare.people.Groups;
import com.drivecare.recall.NoticeApprovalAccess;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case on every task, per journey: what each task's form is filled from (its form variables,
 * as Tasklist loads them) and the case view the Tasklist tab shows — customer's name, case number,
 * phone where the job is a call, times with their zone and the customer's local time.
 */
@DrivecareTest
class CaseViewTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired Jobs jobs;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired FilterService filterService;

  String region;

  @BeforeEach
  void setUp() {
    region = testData.freshRegion(); // Europe/Paris: the agents' zone
  }

  @Test
  void retentionCallShowsNumberLocalTimeAndTheCaseToTheOwnerOnly() {
    TestData.Team team = testData.team(region);
    Customer customer = testData.customer().named("James Whitfield").inRegion(region, "America/Los_Angeles")
        .speaking("en").create();
    Reservation reservation = testData.reservation(customer.id());
    Api.at(port).bearer(testData.token(customer.id()))
        .post("/api/reservations/" + reservation.number() + "/cancellation", Map.of("reason", "Too expensive"));
    Task call = waitForTask(reservation.number());
    Api owner = Api.at(port).basic(team.owner(), TestData.password(team.owner()));

    JsonNode form = formVariables(owner, call);
    assertThat(text(form, "customerName")).isEqualTo("James Whitfield");
    assertThat(text(form, "caseNumber")).isEqualTo(reservation.number());
    assertThat(text(form, "customerPhone")).isEqualTo(customer.phone());
    assertThat(text(form, "customerLocalTime")).endsWith("Los Angeles time");
    assertThat(text(form, "customerLanguage")).isEqualTo("English");
    assertThat(text(form, "agentZone")).isEqualTo("Paris time");
    assertThat(text(form, "callTimeline")).contains("Paris time", "asked to cancel the reservation")
        .doesNotContain("CANCELLATION_REQUESTED");

    JsonNode view = owner.get("/api/cases/" + reservation.number() + "/view").json();
    assertThat(view.get("caseNumber").asText()).isEqualTo(reservation.number());
    assertThat(view.get("customer").get("name").asText()).isEqualTo("James Whitfield");
    assertThat(view.get("customer").get("phone").asText()).isEqualTo(customer.phone());
    assertThat(view.get("customer").get("localTimeNow").asText()).endsWith("Los Angeles time");
    assertThat(view.get("openTasks").findValuesAsText("assigneeName")).contains("First" + team.owner() + " Last");
    assertThat(view.get("timeline").findValuesAsText("sentence"))
        .anySatisfy(s -> assertThat(s).contains("James Whitfield (customer)", "asked to cancel the reservation"));
    assertThat(view.get("timeline").findValuesAsText("atText")).allSatisfy(t -> assertThat(t).endsWith("Paris time"));

    // the card and Tasklist's search: the case on the task, as task variables
    Map<String, Object> card = taskService.getVariablesLocal(call.getId());
    assertThat(card).containsEntry("customerName", "James Whitfield").containsEntry("caseNumber", reservation.number());
    assertThat((String) card.get("cardFact")).startsWith("Case owner attempt 1 of 4");
    var found = owner.post("/engine-rest/task", Map.of("taskVariables", List.of(
        Map.of("name", "customerName", "operator", "like", "value", "%Whitfield%"))));
    assertThat(found.json().findValuesAsText("id")).containsExactly(call.getId());
    assertThat(filterService.createTaskFilterQuery().list()).allSatisfy(f ->
        assertThat(f.getProperties().get("variables").toString()).contains("customerName", "caseNumber", "cardFact"));

    // region rules: another region's case owner does not see the case
    String elsewhere = testData.team(testData.freshRegion()).owner();
    assertThat(Api.at(port).basic(elsewhere, TestData.password(elsewhere))
        .get("/api/cases/" + reservation.number() + "/view").status()).isEqualTo(404);
  }

  @Test
  void serviceCaseFormsShowTierSlaClocksWithZoneAndWords() {
    String manager = testData.staff(TestData.unique("svcmgr"), Groups.SERVICE_MANAGERS, region, null);
    String advisor = testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, region, manager);
    Customer customer = testData.customer().named("Thierry Vasseur").inRegion(region, "Europe/Paris")
        .speaking("fr").create();
    Vehicle vehicle = testData.vehicle(customer.id(), "Aurora GT", "185000");
    String number = Api.at(port).bearer(testData.token(customer.id())).post("/api/service-cases", Map.of(
        "plate", vehicle.plate(), "kind", "ROADSIDE", "description", "Flat tyre", "location", "Annecy",
        "reachAt", "+33698765432")).json().get("number").asText();
    jobs.runDueForBusinessKey(number);
    Api asAdvisor = Api.at(port).basic(advisor, TestData.password(advisor));
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(number).list();
    assertThat(tasks).isNotEmpty();
    for (Task task : tasks) {
      JsonNode form = formVariables(asAdvisor, task);
      assertThat(text(form, "customerName")).isEqualTo("Thierry Vasseur");
      assertThat(text(form, "caseNumber")).isEqualTo(number);
      assertThat(text(form, "customerPhone")).isEqualTo(customer.phone());
      assertThat(text(form, "customerLanguage")).isEqualTo("French");
      assertThat(text(form, "languageLabel")).isEqualTo("The customer reads French");
      assertThat(text(form, "kindText")).isEqualTo("roadside breakdown");
      assertThat(text(form, "tierText")).endsWith("care");
      // in words, in the customer's zone: "Tue 1 Dec 2026, 00:12 Paris time", not an ISO timestamp
      assertThat(text(form, "firstResponseDueText"))
          .matches("[A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} Paris time");
      assertThat(text(form, "resolutionDueText")).endsWith("Paris time");
    }
    JsonNode view = asAdvisor.get("/api/cases/" + number + "/view").json();
    assertThat(view.get("customer").get("languageName").asText()).isEqualTo("French");
    assertThat(view.get("vehicles").findValuesAsText("plate")).contains(vehicle.plate());
    assertThat(view.get("vehicles").findValuesAsText("listPrice")).contains("€185,000");
    assertThat(view.get("clocks").findValuesAsText("label")).contains("First response due", "Resolution due");
    assertThat(view.get("clocks").findValuesAsText("timeLeft")).allSatisfy(t -> assertThat(t).endsWith("left"));
    assertThat(view.get("openTasks").findValuesAsText("taskKey")).contains("Task_ContactCustomer");
    assertThat(view.get("timeline").findValuesAsText("sentence"))
        .anySatisfy(s -> assertThat(s).contains("case reported"));
    assertThat(view.hasNonNull("reservation")).as("a service case is about a registered car").isFalse();
  }

  @Test
  void recallRemedyShowsOwnerPhoneCentreOptionAndTheAppointmentInWords() {
    String advisor = testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, region, null);
    Customer owner = testData.customer().named("Marc Lefevre").inRegion(region, "Europe/Paris").create();
    Vehicle vehicle = testData.vehicle(owner.id());
    String center = ("C" + TestData.unique("").substring(1, 9)).toUpperCase();
    String campaignId = NoticeApprovalAccess.launchedCampaign(port, testData, jobs, runtimeService, taskService,
        region, center, Map.of(), vehicle);
    LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1);
    var booked = Api.at(port).bearer(testData.token(owner.id())).post("/api/recalls/" + campaignId + "/vehicles/"
        + vehicle.vin() + "/appointment", Map.of("option", "MOBILE", "serviceCenter", center, "date", tomorrow.toString()));
    assertThat(booked.status()).isEqualTo(201);
    String key = campaignId + ":" + vehicle.vin();
    jobs.runDueForBusinessKey(key);
    Task remedy = taskService.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("Task_PerformRemedy")
        .singleResult();
    JsonNode form = formVariables(Api.at(port).basic(advisor, TestData.password(advisor)), remedy);
    assertThat(text(form, "customerName")).isEqualTo("Marc Lefevre");
    assertThat(text(form, "caseNumber")).isEqualTo(key);
    assertThat(text(form, "customerPhone")).isEqualTo(owner.phone());
    assertThat(text(form, "serviceCenter")).isEqualTo("Atelier Test");
    assertThat(text(form, "remedyOptionText")).isEqualTo("by a mobile unit at his place");
    assertThat(text(form, "appointmentAtText")).matches("\\w{3} \\d{1,2} \\w{3} \\d{4}, \\d\\d:\\d\\d Paris time");
    assertThat(text(form, "customerLocalTime")).endsWith("Paris time");

    JsonNode view = Api.at(port).basic(advisor, TestData.password(advisor)).get("/api/cases/" + key + "/view").json();
    assertThat(view.get("customer").get("name").asText()).isEqualTo("Marc Lefevre");
    assertThat(view.get("vehicles").get(0).get("ofThisCase").asBoolean()).isTrue();
    assertThat(view.get("clocks").findValuesAsText("label")).contains("Appointment");
    assertThat(view.hasNonNull("reservation")).as("a recall is about a registered car").isFalse();
  }

  @Test
  void aNoticeWhoseCampaignFactsAreNotInFrenchIsFlaggedAndCannotBeApproved() {
    String rita = testData.staff(TestData.unique("rita"), Groups.RECALL_COORDINATORS, null, null);
    String victor = testData.staff(TestData.unique("victor"), Groups.RECALL_COORDINATORS, null, null);
    String campaignId = ("F" + TestData.unique("").substring(1, 9)).toUpperCase();
    Api asRita = Api.at(port).basic(rita, TestData.password(rita));
    Api asVictor = Api.at(port).basic(victor, TestData.password(victor));
    assertThat(asRita.post("/api/recall-campaigns", Map.of("id", campaignId, "title", "Seat belt buckle",
        "component", "Seat belt", "defectDescription", "May not latch.", "safetyRisk", "Occupant not restrained.",
        "remedy", "Replace the buckle.", "remedyOptions", List.of("DEALER", "MOBILE"), "remedyHours", 1,
        "parts", Map.of("availableNow", true), "fr", Map.of("title", "Boucle de ceinture"))).status()).isEqualTo(201);
    Task prepare = taskService.createTaskQuery().processInstanceBusinessKey(campaignId).singleResult();
    JsonNode draft = formVariables(asRita, prepare);
    assertThat(text(draft, "translationCheck")).contains("Missing in French: component, defect, risk, remedy");
    assertThat(text(draft, "noticeFr")).contains("Boucle de ceinture", "chez un concessionnaire")
        .doesNotContain("DEALER");
    assertThat(text(draft, "remedyOptionsText")).isEqualTo("at a dealer and by a mobile unit at his place");
    asRita.post("/engine-rest/task/" + prepare.getId() + "/claim", Map.of("userId", rita));
    assertThat(asRita.post("/engine-rest/task/" + prepare.getId() + "/submit-form", Map.of("variables", Map.of(
        "remedy_fr", Map.of("value", "Remplacement de la boucle.")))).status()).isEqualTo(204);

    Task approve = taskService.createTaskQuery().processInstanceBusinessKey(campaignId).singleResult();
    assertThat(text(formVariables(asVictor, approve), "translationCheck"))
        .contains("Missing in French: component, defect, risk");
    asVictor.post("/engine-rest/task/" + approve.getId() + "/claim", Map.of("userId", victor));
    var refused = asVictor.post("/engine-rest/task/" + approve.getId() + "/submit-form",
        Map.of("variables", Map.of("approved", Map.of("value", true))));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("Missing in French: component, defect, risk");
    // sending it back to the drafter is always possible
    assertThat(asVictor.post("/engine-rest/task/" + approve.getId() + "/submit-form",
        Map.of("variables", Map.of("approved", Map.of("value", false)))).status()).isEqualTo(204);
  }

  @Test
  void theTasklistTabReadsTheViewWithTheSessionAndItsCsrfTokenOnly() {
    TestData.Team team = testData.team(region);
    Customer customer = testData.customer().named("Nina Sorel").inRegion(region, "Europe/Paris").create();
    Reservation reservation = testData.reservation(customer.id());
    Api.at(port).bearer(testData.token(customer.id()))
        .post("/api/reservations/" + reservation.number() + "/cancellation", Map.of("reason", "Moving abroad"));
    waitForTask(reservation.number());
    TasklistSession tasklist = TasklistSession.login(port, team.owner(), TestData.password(team.owner()));
    String path = "/api/cases/" + reservation.number() + "/view";

    var view = tasklist.getWithToken(path);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().get("customer").get("name").asText()).isEqualTo("Nina Sorel");
    // the cookie alone, as another site could make a browser send it: refused
    var withoutToken = tasklist.get(path);
    assertThat(withoutToken.status()).isEqualTo(401);
    assertThat(withoutToken.contentType()).startsWith("application/problem+json");
    // the customer search of "Find the vehicle's owner", by name, with the same session
    var search = tasklist.getWithToken("/api/customers?q=nina%20sor");
    assertThat(search.json().findValuesAsText("name")).containsExactly("Nina Sorel");
    // no session: nothing
    assertThat(Api.at(port).get(path).status()).isEqualTo(401);
    // another region's agent, logged in to Tasklist, does not see the case either
    String elsewhere = testData.team(testData.freshRegion()).owner();
    assertThat(TasklistSession.login(port, elsewhere, TestData.password(elsewhere)).getWithToken(path).status())
        .isEqualTo(404);
  }

  @Test
  void customersAreFoundByPlateVinAndEmail() {
    String advisor = testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, region, null);
    Customer customer = testData.customer().named("Owen Price").inRegion(region, "Europe/Paris").create();
    Vehicle vehicle = testData.vehicle(customer.id());
    Api staff = Api.at(port).basic(advisor, TestData.password(advisor));
    assertThat(staff.get("/api/customers?q=" + vehicle.plate().toLowerCase()).json().findValuesAsText("name"))
        .containsExactly("Owen Price");
    assertThat(staff.get("/api/customers?q=" + vehicle.vin()).json().findValuesAsText("name")).containsExactly("Owen Price");
    assertThat(staff.get("/api/customers?q=" + customer.email().substring(0, 8)).json().findValuesAsText("name"))
        .containsExactly("Owen Price");
    String elsewhere = testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, testData.freshRegion(), null);
    assertThat(Api.at(port).basic(elsewhere, TestData.password(elsewhere)).get("/api/customers?q=" + vehicle.vin())
        .json()).isEmpty();
  }

  private Task waitForTask(String businessKey) {
    jobs.runDueForBusinessKey(businessKey);
    for (int i = 0; i < 3 && taskService.createTaskQuery().processInstanceBusinessKey(businessKey).count() == 0; i++) {
      managementService.createJobQuery().timers().list().stream()
          .filter(j -> businessKey.equals(runtimeService.createProcessInstanceQuery()
              .processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey()))
          .forEach(j -> managementService.executeJob(j.getId()));
      jobs.runDueForBusinessKey(businessKey);
    }
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
  }

  private static JsonNode formVariables(Api api, Task task) {
    var response = api.get("/engine-rest/task/" + task.getId() + "/form-variables");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static String text(JsonNode variables, String name) {
    assertThat(variables.has(name)).as("form variable " + name + " in " + variables.fieldNames()).isTrue();
    return variables.get(name).get("value").asText();
  }
}
