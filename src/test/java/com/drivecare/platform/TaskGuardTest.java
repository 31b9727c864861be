package com.drivecare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.Jobs;
import com.drivecare.TasklistSession;
import com.drivecare.TestData;
import com.drivecare.customer.Customer;
import com.drivecare.customer.CustomerRepository;
import com.drivecare.customer.Reservation;
import com.drivecare.customer.Vehicle;
import com.drivecare.people.Groups;
import com.drivecare.recall.NoticeApproval;
import com.drivecare.recall.RecallCampaign;
import com.drivecare.recall.RecallCampaignService;
import com.drivecare.recall.RecallProcess;
import com.drivecare.retention.RetentionProcess;
import com.drivecare.retention.RetentionService;
import com.drivecare.service.ServiceCaseProcess;
import com.drivecare.service.ServiceCaseService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Trusted state, tried as an agent who wants to redirect a process would — through the engine REST
 * API and through Tasklist's own API: who and what a process acts on cannot be rewritten, a task
 * takes only its form's fields, and four eyes hold by every route. Each refusal is a 4xx with a
 * sentence, and the process then acts on the original customer only.
 */
@DrivecareTest
class TaskGuardTest {

  static final String ADMIN = "test-admin";
  static final String ADMIN_PASSWORD = "test-admin-secret";
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired Jobs jobs;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RetentionService retention;
  @Autowired ServiceCaseService serviceCases;
  @Autowired RecallCampaignService campaigns;
  @Autowired CustomerRepository customers;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void mondayMorning() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 11, 23, 10, 0).atZone(PARIS).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // --- retention ------------------------------------------------------------------------------

  @Test
  void caseOwnerCannotPointHisCallAtAnotherCustomerByAnyRoute() {
    String region = testData.freshRegion();
    TestData.Team team = testData.team(region);
    Customer emilie = testData.customer().named("Émilie Durand").inRegion(region, "Europe/Paris").create();
    Customer james = testData.customer().named("James Carter").inRegion(TestData.NA, "America/Los_Angeles").create();
    Reservation reservation = testData.reservation(emilie.id());
    retention.requestCancellation(reservation.number(), "Found a cheaper car", new Caller.Customer(emilie.id()));
    String pi = instance(reservation.number());
    Task call = nextTask(pi);
    assertThat(call.getTaskDefinitionKey()).isEqualTo(RetentionProcess.TASK_CASE_OWNER_CALL);
    Api owner = Api.at(port).basic(team.owner(), TestData.password(team.owner()));
    String task = "/engine-rest/task/" + call.getId();

    // engine REST: a variable of the task or the process, set, patched or removed
    var set = owner.put(task + "/variables/customerId", Map.of("value", james.id(), "type", "Long"));
    assertThat(set.status()).isEqualTo(403);
    assertThat(set.json().get("message").asText()).contains("only by completing a task's form");
    assertThat(owner.post(task + "/variables", Map.of("modifications",
        Map.of("customerId", Map.of("value", james.id(), "type", "Long")))).status()).isEqualTo(403);
    assertThat(owner.delete(task + "/variables/caller").status()).isEqualTo(403);
    assertThat(owner.put(task + "/localVariables/customerId", Map.of("value", james.id(), "type", "Long")).status())
        .isEqualTo(403);
    assertThat(owner.post(task + "/bpmnError", Map.of("errorCode", "anything")).status()).isEqualTo(403);

    // engine REST: completing with a variable that is not a field of the call form
    var smuggled = owner.post(task + "/complete", Map.of("variables", Map.of(
        "callOutcome", Map.of("value", "STOP_CONTACT"), "customerId", Map.of("value", james.id(), "type", "Long"))));
    assertThat(smuggled.status()).isEqualTo(400);
    assertThat(smuggled.json().get("message").asText()).contains("'customerId' is not a field of this task's form");
    // a value the form does not offer
    var bogus = owner.post(task + "/complete", Map.of("variables", Map.of("callOutcome", Map.of("value", "BRIBED"))));
    assertThat(bogus.status()).isEqualTo(400);
    assertThat(bogus.json().get("message").asText()).contains("'Outcome of the call' must be one of");

    // Tasklist's own API: the same refusals, answered to the logged-in agent
    TasklistSession tasklist = TasklistSession.login(port, team.owner(), TestData.password(team.owner()));
    String tl = TasklistSession.ENGINE + "/task/" + call.getId();
    var tlPut = tasklist.put(tl + "/variables/customerId", "{\"value\":" + james.id() + ",\"type\":\"Long\"}");
    assertThat(tlPut.status()).isEqualTo(403);
    var viaTasklist = tasklist.post(tl + "/submit-form", "{\"variables\":{\"callOutcome\":{\"value\":\"STOP_CONTACT\"},"
        + "\"customerId\":{\"value\":" + james.id() + ",\"type\":\"Long\"}}}");
    assertThat(viaTasklist.status()).isEqualTo(400);
    assertThat(viaTasklist.json().get("message").asText()).contains("customerId");
    // nothing changed, the task is still open
    assertThat(taskService.createTaskQuery().taskId(call.getId()).count()).isOne();
    assertThat(runtimeService.getVariable(pi, RetentionProcess.VAR_CUSTOMER_ID)).isEqualTo(emilie.id());

    // the form's own fields go through, and the process acts on Émilie only
    var done = tasklist.post(tl + "/submit-form", "{\"variables\":{\"callOutcome\":{\"value\":\"STOP_CONTACT\"},"
        + "\"callNote\":{\"value\":\"Asked not to be called again\"}}}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    jobs.runDue(pi);
    assertThat(customers.find(emilie.id()).orElseThrow().doNotCall()).isTrue();
    assertThat(customers.find(james.id()).orElseThrow().doNotCall()).isFalse();
    assertThat(outboxCustomers(reservation.number())).containsOnly(emilie.id());
    assertThat(timelineCustomers(reservation.number())).containsOnly(emilie.id());
    assertThat(jdbc.sql("select count(*) from drivecare.outbox where customer_id = ?").param(james.id())
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select completed_by from drivecare.task_record where task_id = ?").param(call.getId())
        .query(String.class).single()).isEqualTo(team.owner());
  }

  @Test
  void administratorsKeepTheirRepairTools() {
    String region = testData.freshRegion();
    testData.team(region);
    Customer customer = testData.customer().inRegion(region, "Europe/Paris").create();
    Reservation reservation = testData.reservation(customer.id());
    retention.requestCancellation(reservation.number(), null, new Caller.Customer(customer.id()));
    String pi = instance(reservation.number());
    Api admin = Api.at(port).basic(ADMIN, ADMIN_PASSWORD);
    assertThat(admin.put("/engine-rest/process-instance/" + pi + "/variables/repairNote",
        Map.of("value", "checked by operations", "type", "String")).status()).isEqualTo(204);
    assertThat(runtimeService.getVariable(pi, "repairNote")).isEqualTo("checked by operations");
  }

  // --- service case ---------------------------------------------------------------------------

  @Test
  void serviceCaseOwnerCannotRedirectTheCase() {
    String region = testData.freshRegion();
    String manager = testData.staff(TestData.unique("svcmgr"), Groups.SERVICE_MANAGERS, region, null);
    String advisor = testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, region, manager);
    Customer thierry = testData.customer().named("Thierry Vasseur").inRegion(region, "Europe/Paris").create();
    Customer other = testData.customer().inRegion(region, "Europe/Paris").create();
    Vehicle car = testData.vehicle(thierry.id());
    var opened = serviceCases.open(new ServiceCaseService.NewServiceCase(car.vin(), null, ServiceCaseService.Kind.SERVICE,
        "Warning light", null, null), new Caller.Customer(thierry.id()));
    String pi = instance(opened.number());
    jobs.runDue(pi);
    Task contact = taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(ServiceCaseProcess.TASK_CONTACT_CUSTOMER).singleResult();
    Api owner = Api.at(port).basic(advisor, TestData.password(advisor));
    String task = "/engine-rest/task/" + contact.getId();
    assertThat(owner.put(task + "/variables/caseOwner", Map.of("value", manager)).status()).isEqualTo(403);
    assertThat(owner.put(task + "/variables/customerId", Map.of("value", other.id(), "type", "Long")).status())
        .isEqualTo(403);
    var smuggled = owner.post(task + "/complete", Map.of("variables", Map.of(
        "contactNote", Map.of("value", "Called"), "caseOwner", Map.of("value", manager))));
    assertThat(smuggled.status()).isEqualTo(400);
    assertThat(smuggled.json().get("message").asText()).contains("'caseOwner' is not a field");
    TasklistSession tasklist = TasklistSession.login(port, advisor, TestData.password(advisor));
    var viaTasklist = tasklist.post(TasklistSession.ENGINE + "/task/" + contact.getId() + "/submit-form",
        "{\"variables\":{\"contactNote\":{\"value\":\"Called\"},\"customerId\":{\"value\":" + other.id()
            + ",\"type\":\"Long\"}}}");
    assertThat(viaTasklist.status()).isEqualTo(400);
    var done = owner.post(task + "/complete", Map.of("variables", Map.of("contactNote", Map.of("value", "Called back"))));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    jobs.runDue(pi);
    Task handle = taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(ServiceCaseProcess.TASK_HANDLE_CASE).singleResult();
    assertThat(handle.getAssignee()).isEqualTo(advisor);
    assertThat(outboxCustomers(opened.number())).containsOnly(thierry.id());
    assertThat(timelineCustomers(opened.number())).containsOnly(thierry.id());
  }

  // --- recall: four eyes ----------------------------------------------------------------------

  @Test
  void theDrafterOfANoticeCannotApproveItByAnyRoute() {
    String rita = testData.staff(TestData.unique("rita"), Groups.RECALL_COORDINATORS, null, null);
    String victor = testData.staff(TestData.unique("victor"), Groups.RECALL_COORDINATORS, null, null);
    String campaignId = ("G" + TestData.unique("").substring(1, 9)).toUpperCase();
    String region = testData.freshRegion();
    campaigns.create(new RecallCampaignService.NewCampaign(campaignId, "Seat belt buckle", "Seat belt", "May not latch.",
        "Occupant not restrained.", "Replace the buckle.", List.of(RecallCampaign.RemedyOption.DEALER), 1,
        new RecallCampaignService.Parts(true, null, null)), rita);
    Customer owner = testData.customer().inRegion(region, "Europe/Paris").create();
    campaigns.importVehicles(campaignId, new ByteArrayInputStream(
        (testData.vehicle(owner.id()).vin() + "\n").getBytes(StandardCharsets.UTF_8)));
    String pi = instance(campaignId);
    Api asRita = Api.at(port).basic(rita, TestData.password(rita));
    Api asVictor = Api.at(port).basic(victor, TestData.password(victor));

    Task prepare = taskService.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(asRita.post("/engine-rest/task/" + prepare.getId() + "/claim", Map.of("userId", rita)).status())
        .isEqualTo(204);
    var drafted = asRita.post("/engine-rest/task/" + prepare.getId() + "/submit-form", Map.of("variables",
        frenchFacts()));
    assertThat(drafted.status()).as(drafted.body()).isEqualTo(204);

    Task approve = taskService.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(approve.getTaskDefinitionKey()).isEqualTo(RecallProcess.TASK_APPROVE_OWNER_NOTICE);
    // not even offered to her: "My group's tasks" is what she may see as a candidate
    assertThat(asRita.get("/engine-rest/task?candidateUser=" + rita + "&processInstanceId=" + pi).json()).isEmpty();
    assertThat(asVictor.get("/engine-rest/task?candidateUser=" + victor + "&processInstanceId=" + pi).json())
        .hasSize(1);
    // she names another drafter: refused, and it would change nothing
    assertThat(asRita.put("/engine-rest/task/" + approve.getId() + "/variables/noticeDraftedBy",
        Map.of("value", victor)).status()).isEqualTo(403);
    // she claims it, or an administrator gives it to her: refused with the sentence
    var claim = asRita.post("/engine-rest/task/" + approve.getId() + "/claim", Map.of("userId", rita));
    assertThat(claim.status()).isIn(403);
    var admin = Api.at(port).basic(ADMIN, ADMIN_PASSWORD);
    var given = admin.post("/engine-rest/task/" + approve.getId() + "/assignee", Map.of("userId", rita));
    assertThat(given.status()).isEqualTo(403);
    assertThat(given.json().get("message").asText()).contains("Four eyes", rita);
    // even were it hers (an administrator's variable repair changes nothing), completing is refused
    admin.put("/engine-rest/process-instance/" + pi + "/variables/noticeDraftedBy", Map.of("value", victor));
    taskService.setAssignee(approve.getId(), null);
    jdbc.sql("update act_ru_task set assignee_ = ? where id_ = ?").params(rita, approve.getId()).update();
    var approved = asRita.post("/engine-rest/task/" + approve.getId() + "/submit-form",
        Map.of("variables", Map.of("approved", Map.of("value", true))));
    assertThat(approved.status()).isEqualTo(403);
    assertThat(approved.contentType()).contains("json");
    assertThat(approved.json().get("message").asText())
        .isEqualTo("You drafted this notice; another coordinator must approve it");
    TasklistSession tasklist = TasklistSession.login(port, rita, TestData.password(rita));
    var viaTasklist = tasklist.post(TasklistSession.ENGINE + "/task/" + approve.getId() + "/submit-form",
        "{\"variables\":{\"approved\":{\"value\":true}}}");
    assertThat(viaTasklist.status()).isEqualTo(403);
    assertThat(viaTasklist.json().get("message").asText()).contains("You drafted this notice");
    assertThat(campaigns.view(campaignId).campaign().status()).isEqualTo(RecallCampaign.CampaignStatus.DRAFT);

    // another coordinator approves; the record names who really drafted and approved
    jdbc.sql("update act_ru_task set assignee_ = null where id_ = ?").param(approve.getId()).update();
    assertThat(asVictor.post("/engine-rest/task/" + approve.getId() + "/claim", Map.of("userId", victor)).status())
        .isEqualTo(204);
    var ok = asVictor.post("/engine-rest/task/" + approve.getId() + "/submit-form",
        Map.of("variables", Map.of("approved", Map.of("value", true))));
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);
    jobs.runDue(pi);
    assertThat(jdbc.sql("select drafted_by || '/' || approved_by from drivecare.recall_campaign where id = ?")
        .param(campaignId).query(String.class).single()).isEqualTo(rita + "/" + victor);
  }

  // ---------------------------------------------------------------------------------------------

  private String instance(String businessKey) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
  }

  /** The next open task of the instance, walking the engine clock to the next timer when none is open. */
  private Task nextTask(String pi) {
    for (int guard = 0; guard < 20; guard++) {
      jobs.runDue(pi);
      Task task = taskService.createTaskQuery().processInstanceId(pi).singleResult();
      if (task != null) {
        return task;
      }
      jobs.fire(jobs.nextTimer(pi).orElseThrow());
    }
    throw new AssertionError("No task came");
  }

  private List<Long> timelineCustomers(String businessKey) {
    return jdbc.sql("select distinct customer_id from drivecare.contact_log where business_key = ? and customer_id is not null")
        .param(businessKey).query(Long.class).list();
  }

  private List<Long> outboxCustomers(String businessKey) {
    return jdbc.sql("select distinct customer_id from drivecare.outbox where business_key = ? and customer_id is not null")
        .param(businessKey).query(Long.class).list();
  }

  /** The campaign's facts in French, as the drafter types them into the notice form. */
  private static Map<String, Object> frenchFacts() {
    Map<String, Object> variables = new HashMap<>();
    NoticeApproval.FRENCH_FACTS.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }
}
