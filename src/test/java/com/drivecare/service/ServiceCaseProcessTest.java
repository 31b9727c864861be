package com.drivecare.service;

import static com.drivecare.service.ServiceCaseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drivecare.DrivecareTest;
import com.drivecare.Jobs;
import com.drivecare.TaskRights;
import com.drivecare.TestData;
import com.drivecare.contact.ContactEntry;
import com.drivecare.contact.ContactLog;
import com.drivecare.customer.Customer;
import com.drivecare.customer.Vehicle;
import com.drivecare.people.Groups;
import com.drivecare.platform.Caller;
import com.drivecare.platform.ConflictException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of {@code service-case}, the engine clock walked through SLAs, updates and the day after. */
@DrivecareTest
class ServiceCaseProcessTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  /** Monday 23 November 2026, 10:00 in Paris. */
  static final Instant MONDAY_MORNING = LocalDateTime.of(2026, 11, 23, 10, 0).atZone(PARIS).toInstant();

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired ServiceCaseService service;
  @Autowired ContactLog contactLog;
  @Autowired JdbcClient jdbc;
  @Autowired TestData testData;
  @Autowired Jobs jobs;
  @Autowired TaskRights rights;

  String region;
  String advisor;
  String serviceManager;
  String regionalManager;
  String sales;
  Customer customer;
  ServiceCaseService.CaseView opened;
  ProcessInstance pi;
  String pilotDeployment;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
    region = testData.freshRegion();
    regionalManager = testData.staff(TestData.unique("regional"), Groups.REGIONAL_MANAGERS, region, null);
    serviceManager = testData.staff(TestData.unique("svcmgr"), Groups.SERVICE_MANAGERS, region, regionalManager);
    advisor = testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, region, serviceManager);
    sales = testData.staff(TestData.unique("sales"), Groups.SALES, region, null);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    if (pilotDeployment != null) {
      repositoryService.deleteDeployment(pilotDeployment, true);
    }
  }

  @Test
  void standardServiceCaseFromReportToSatisfiedCustomer() {
    open(ServiceCaseService.Kind.SERVICE, "Aurora Sedan", "48000", 1);
    assertThat(opened.number()).matches("SC-\\d{6}");
    assertThat(opened.caseOwner().userId()).isEqualTo(advisor);
    assertThat(opened.tier()).isEqualTo("STANDARD");
    assertThat(outboxTemplates()).contains("service-case-opened", "service-advisor-opened");
    assertThat(staffRecipients("service-advisor-opened")).containsExactly(sales + "@test.example");

    Task contact = task(TASK_CONTACT_CUSTOMER);
    assertThat(contact.getAssignee()).isEqualTo(advisor);
    // 8 working hours from Monday 10:00 in a Monday-to-Friday 08:00–18:00 calendar
    assertThat(contact.getDueDate().toInstant()).isEqualTo(at(23, 18, 0));
    complete(contact, Map.of(VAR_CONTACT_NOTE, "Called back, car booked in for Wednesday"));
    Task handle = task(TASK_HANDLE_CASE);
    assertThat(handle.getAssignee()).isEqualTo(advisor);
    assertThat(handle.getDueDate().toInstant()).isEqualTo(at(27, 10, 0)); // 40 working hours
    complete(handle, Map.of(VAR_RESOLUTION, "Brake sensor replaced"));

    assertThat(caseRow().get("status")).isEqualTo("RESOLVED");
    satisfaction(5);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_CASE_CLOSED).hasNotPassed(TASK_MANAGEMENT_REVIEW);
    assertThat(caseRow().get("status")).isEqualTo("CLOSED");
    assertThat(staffRecipients("service-advisor-closed")).containsExactly(sales + "@test.example");
    assertThat(outcomes()).containsSubsequence("CASE_REPORTED", "CASE_OWNER_ASSIGNED", "FIRST_RESPONSE", "CASE_RESOLVED",
        "SATISFACTION_5", "CASE_CLOSED");
    assertThat(assigneesOfAllTasks()).containsOnly(advisor);
  }

  @Test
  void roadsideForAPremiumCarGetsMobilityAndUpdatesWithoutAsking() {
    open(ServiceCaseService.Kind.ROADSIDE, "Aurora GT Prestige", "185000", 2);
    assertThat(opened.tier()).isEqualTo("PRESTIGE");
    // Thierry reads French: what is covered comes in his words (it was English inside French mail)
    assertThat(outboxBody("service-case-opened")).contains("hôtel (5 étoiles)", "véhicule de prêt (même modèle)",
        "retour à domicile").doesNotContain("travel home");
    assertThat(staffRecipients("service-advisor-opened")).containsExactly(sales + "@test.example");
    Task mobility = task(TASK_ARRANGE_MOBILITY);
    assertThat(mobility.getAssignee()).isEqualTo(advisor);
    complete(mobility, Map.of(VAR_MOBILITY_ARRANGEMENTS, "Hotel Le Meurice tonight; loaner Aurora GT at 8:00 tomorrow"));
    assertThat(outboxBody("service-mobility-confirmed")).contains("Hotel Le Meurice");

    // round the clock: first response within 1 hour; an update every 4 hours
    assertThat(task(TASK_CONTACT_CUSTOMER).getDueDate().toInstant()).isEqualTo(MONDAY_MORNING.plus(1, ChronoUnit.HOURS));
    complete(task(TASK_CONTACT_CUSTOMER), Map.of(VAR_CONTACT_NOTE, "On my way to help"));
    advanceTo(TIMER_STATUS_UPDATE);
    advanceTo(TIMER_STATUS_UPDATE);
    assertThat(outboxTemplates().stream().filter("service-status-update"::equals)).hasSize(2);
    assertThat(outboxBody("service-status-update", 0)).contains("s'occupe de la réparation").doesNotContain("Intervene");
    assertThat(caseRow().get("status_requests")).isEqualTo(0);
    assertThat(caseRow().get("sla_breaches")).isEqualTo(0);

    complete(task(TASK_HANDLE_CASE), Map.of(VAR_RESOLUTION, "Tyre replaced, car returned to your hotel"));
    satisfaction(4);
    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(assigneesOfAllTasks()).containsOnly(advisor);
  }

  @Test
  void roadsideCustomerWhoNeedsNoMobilityIsNotHeldUp() {
    open(ServiceCaseService.Kind.ROADSIDE, "Aurora Sedan", "48000", 1);
    complete(task(TASK_ARRANGE_MOBILITY), Map.of(VAR_MOBILITY_NOT_NEEDED, true));
    assertThat(outboxTemplates()).doesNotContain("service-mobility-confirmed");
    assertThat(outcomes()).contains("NO_MOBILITY_NEEDED");
    complete(task(TASK_CONTACT_CUSTOMER), Map.of(VAR_CONTACT_NOTE, "Towed to the workshop, customer went home"));
    complete(task(TASK_HANDLE_CASE), Map.of(VAR_RESOLUTION, "Tyre replaced"));
    assertThat(caseRow().get("status")).isEqualTo("RESOLVED");
  }

  @Test
  void firstResponseSlaWarnsTheOwnerThenBringsInTheServiceManager() {
    open(ServiceCaseService.Kind.SERVICE, "Aurora Sedan", "48000", 1);
    advanceTo(TIMER_FIRST_RESPONSE_WARNING);
    assertThat(ClockUtil.getCurrentTime().toInstant()).isEqualTo(at(23, 16, 0)); // 75 % of 8 working hours
    assertThat(staffRecipients("service-sla-warning")).containsExactly(advisor + "@test.example");
    advanceTo(TIMER_FIRST_RESPONSE_BREACHED);
    Task intervention = task(TASK_MANAGER_INTERVENTION);
    assertThat(intervention.getAssignee()).isEqualTo(serviceManager);
    assertThat(caseRow().get("sla_breaches")).isEqualTo(1);
    assertThat(task(TASK_CONTACT_CUSTOMER).getAssignee()).isEqualTo(advisor); // the owner stays the owner
    complete(intervention, Map.of(VAR_INTERVENTION_NOTE, "Called the customer myself, owner back from sick leave"));
    assertThat(outcomes()).contains("SLA_BREACHED");
  }

  @Test
  void resolutionSlaWarnsAndBreachesWhileTheCaseIsStillOpen() {
    open(ServiceCaseService.Kind.SERVICE, "Aurora Sedan", "48000", 1);
    complete(task(TASK_CONTACT_CUSTOMER), Map.of(VAR_CONTACT_NOTE, "Car booked in"));
    advanceTo(TIMER_RESOLUTION_WARNING);
    assertThat(ClockUtil.getCurrentTime().toInstant()).isEqualTo(at(26, 10, 0)); // 30 of 40 working hours
    assertThat(staffRecipients("service-sla-warning")).containsExactly(advisor + "@test.example");
    advanceTo(TIMER_RESOLUTION_BREACHED);
    Task intervention = task(TASK_MANAGER_INTERVENTION);
    assertThat(intervention.getAssignee()).isEqualTo(serviceManager);
    assertThat(taskService.getVariable(intervention.getId(), VAR_BREACHED_SLA)).isEqualTo(SLA_RESOLUTION);
    assertThat(task(TASK_HANDLE_CASE).getAssignee()).isEqualTo(advisor);
  }

  @Test
  void firstResponseInTimeMeansNoWarningAndNoBreach() {
    open(ServiceCaseService.Kind.SERVICE, "Aurora Sedan", "48000", 1);
    complete(task(TASK_CONTACT_CUSTOMER), Map.of(VAR_CONTACT_NOTE, "Hello"));
    advanceTo(TIMER_FIRST_RESPONSE_WARNING);
    advanceTo(TIMER_FIRST_RESPONSE_BREACHED);
    assertThat(staffRecipients("service-sla-warning")).isEmpty();
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_MANAGER_INTERVENTION)
        .count()).isZero();
    assertThat(caseRow().get("sla_breaches")).isEqualTo(0);
  }

  @Test
  void escalationInAPilotRegionIsDecidedByTheOwnersManager() {
    makePilot();
    open(ServiceCaseService.Kind.SERVICE, "Aurora Sedan", "48000", 1);
    service.escalate(opened.number(), new ServiceCaseService.NewEscalation("Nobody told me when my car is ready"),
        new Caller.Customer(customer.id()));
    runDueJobs();
    Task decision = task(TASK_MANAGER_DECISION);
    assertThat(decision.getAssignee()).isEqualTo(serviceManager);
    assertThat(outboxBody("service-escalation-pilot")).contains("First" + serviceManager + " Last");
    assertThat(staffRecipients("service-escalation-owner")).containsExactly(advisor + "@test.example");
    complete(decision, Map.of(VAR_GRANT_LOANER, true, VAR_DECISION_NOTE, "A loaner is yours until the repair is done."));
    assertThat(outboxBody("service-escalation-decision")).contains("un véhicule de prêt", "A loaner is yours")
        .doesNotContain("a loaner car");
    assertThat(jdbc.sql("select status from drivecare.service_escalation where case_number = ?").param(opened.number())
        .query(String.class).single()).isEqualTo("DECIDED");
    assertThat(task(TASK_CONTACT_CUSTOMER).getAssignee()).isEqualTo(advisor);

    // a second escalation starts with a clean form
    service.escalate(opened.number(), new ServiceCaseService.NewEscalation("And now the loaner broke down"),
        new Caller.Customer(customer.id()));
    runDueJobs();
    Task second = task(TASK_MANAGER_DECISION);
    assertThat(taskService.getVariable(second.getId(), VAR_GRANT_LOANER)).isNull();
    assertThat(taskService.getVariable(second.getId(), VAR_ESCALATION_REASON)).isEqualTo("And now the loaner broke down");
  }

  @Test
  void unansweredEscalationGoesToTheRegionalManager() {
    makePilot();
    open(ServiceCaseService.Kind.SERVICE, "Aurora Sedan", "48000", 1);
    service.escalate(opened.number(), new ServiceCaseService.NewEscalation("Still no news"), new Caller.Customer(customer.id()));
    runDueJobs();
    assertThat(task(TASK_MANAGER_DECISION).getAssignee()).isEqualTo(serviceManager);
    advanceTo(TIMER_MANAGER_ANSWER_OVERDUE);
    Task handedOver = task(TASK_MANAGER_DECISION);
    assertThat(handedOver.getAssignee()).isEqualTo(regionalManager);
    assertThat(handedOver.getDueDate()).isAfter(ClockUtil.getCurrentTime());
    assertThat(jdbc.sql("select count(*) from drivecare.outbox where business_key = ? and template = 'service-escalation-pilot'")
        .param(opened.number()).query(Long.class).single()).isEqualTo(2); // the customer hears who decides now
    assertThat(outcomes()).contains("ESCALATION_HANDED_OVER");
    complete(handedOver, Map.of(VAR_GRANT_GOODWILL, true, VAR_DECISION_NOTE, "Your next service is on us."));
    assertThat(outboxBody("service-escalation-decision")).contains("First" + regionalManager + " Last");
  }

  @Test
  void escalationOutsideThePilotIsAPriorityForTheOwnerAndARepeatIsRefused() {
    open(ServiceCaseService.Kind.SERVICE, "Aurora Sedan", "48000", 1);
    service.escalate(opened.number(), new ServiceCaseService.NewEscalation("Too slow"), new Caller.Customer(customer.id()));
    assertThatThrownBy(() -> service.escalate(opened.number(), new ServiceCaseService.NewEscalation("Again"),
        new Caller.Customer(customer.id()))).isInstanceOf(ConflictException.class).hasMessageContaining("already has an open escalation");
    runDueJobs();
    Task priority = task(TASK_PRIORITY_FOLLOW_UP);
    assertThat(priority.getAssignee()).isEqualTo(advisor);
    assertThat(priority.getPriority()).isEqualTo(90);
    assertThat(priority.getDueDate()).isAfter(ClockUtil.getCurrentTime());
    assertThat(outboxTemplates()).contains("service-escalation-priority").doesNotContain("service-escalation-pilot");
    complete(priority, Map.of(VAR_FOLLOW_UP_NOTE, "Called, explained the delay"));
    assertThat(jdbc.sql("select status from drivecare.service_escalation where case_number = ?").param(opened.number())
        .query(String.class).single()).isEqualTo("DECIDED");
    // once answered, a new escalation is possible
    service.escalate(opened.number(), new ServiceCaseService.NewEscalation("Still slow"), new Caller.Customer(customer.id()));
  }

  @Test
  void expensesAreApprovedOrRefusedAgainstTheEntitlements() {
    open(ServiceCaseService.Kind.ROADSIDE, "Aurora Sedan", "48000", 1);
    service.submitExpense(opened.number(), new ServiceCaseService.NewExpense("HOTEL", new BigDecimal("129.00"), "EUR",
        "Hotel near the garage"), new Caller.Customer(customer.id()));
    service.submitExpense(opened.number(), new ServiceCaseService.NewExpense("MEALS", new BigDecimal("45.50"), "EUR",
        null), new Caller.Customer(customer.id()));
    runDueJobs();
    List<Task> reviews = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_REVIEW_EXPENSE).orderByTaskCreateTime().asc().list();
    assertThat(reviews).hasSize(2).allSatisfy(t -> {
      assertThat(t.getAssignee()).isEqualTo(advisor);
      assertThat(t.getDueDate().toInstant()).isEqualTo(MONDAY_MORNING.plus(2, ChronoUnit.DAYS));
    });
    Map<String, Object> first = taskService.getVariables(reviews.get(0).getId());
    boolean firstIsHotel = "HOTEL".equals(first.get(VAR_EXPENSE_KIND));
    complete(firstIsHotel ? reviews.get(0) : reviews.get(1),
        Map.of(VAR_EXPENSE_APPROVED, "true", VAR_EXPENSE_DECISION_NOTE, "Covered: hotel (3-star)"));
    complete(firstIsHotel ? reviews.get(1) : reviews.get(0),
        Map.of(VAR_EXPENSE_APPROVED, "false", VAR_EXPENSE_DECISION_NOTE, "Meals are not covered at your tier"));
    assertThat(jdbc.sql("select kind || ':' || status from drivecare.service_expense where case_number = ? order by kind")
        .param(opened.number()).query(String.class).list()).containsExactly("HOTEL:APPROVED", "MEALS:REFUSED");
    assertThat(outboxTemplates()).contains("service-expense-approved", "service-expense-refused");
  }

  @Test
  void lowSatisfactionGetsAPersonalReplyFromCustomerRelations() {
    String relations = testData.staff(TestData.unique("relations"), Groups.CUSTOMER_RELATIONS, null, null);
    open(ServiceCaseService.Kind.SERVICE, "Aurora Sedan", "48000", 1);
    complete(task(TASK_CONTACT_CUSTOMER), Map.of(VAR_CONTACT_NOTE, "Hello"));
    complete(task(TASK_HANDLE_CASE), Map.of(VAR_RESOLUTION, "Repaired"));
    satisfaction(2);
    Task review = task(TASK_MANAGEMENT_REVIEW);
    assertThat(taskService.getIdentityLinksForTask(review.getId())).anySatisfy(l ->
        assertThat(l.getGroupId()).isEqualTo(Groups.CUSTOMER_RELATIONS));
    // customer relations sees and takes it; the region's advisor and managers do not
    assertThat(rights.sees(relations, review.getId())).isTrue();
    assertThat(rights.canClaim(relations, review.getId())).isTrue();
    assertThat(List.of(advisor, serviceManager, regionalManager))
        .noneMatch(u -> rights.sees(u, review.getId()) || rights.canClaim(u, review.getId()));
    taskService.claim(review.getId(), relations);
    complete(review, Map.of(VAR_ROOT_CAUSE, "COMMUNICATION", VAR_PERSONAL_REPLY,
        "You should never have had to chase us for news. I have spoken with the team, and your next service is on us."));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(TASK_MANAGEMENT_REVIEW);
    assertThat(outboxBody("service-personal-reply")).contains("chase us for news", "First" + relations + " Last")
        .doesNotContain("${");
    assertThat(caseRow().get("satisfaction")).isEqualTo(2);
  }

  @Test
  void entitlementsTableGivesTierAndWhy() {
    var decisions = processEngine.getDecisionService();
    var prestige = decisions.evaluateDecisionTableByKey(DECISION_ENTITLEMENTS, Map.of(VAR_LIST_PRICE, 185000.0,
        VAR_MODEL_LINE, "Aurora GT Prestige", VAR_LOYALTY, 1, VAR_KIND, "ROADSIDE", VAR_REGION, "FR-IDF")).getSingleResult();
    assertThat(prestige.getEntryMap()).containsEntry("tier", "PRESTIGE").containsEntry("firstResponseHours", 1)
        .containsEntry("slaCalendar", "ROUND_THE_CLOCK").containsEntry("coversIncidentals", true);
    var loyal = decisions.evaluateDecisionTableByKey(DECISION_ENTITLEMENTS, Map.of(VAR_LIST_PRICE, 42900.0,
        VAR_MODEL_LINE, "Aurora Compact", VAR_LOYALTY, 2, VAR_KIND, "SERVICE", VAR_REGION, "FR-IDF")).getSingleResult();
    assertThat(loyal.getEntryMap()).containsEntry("tier", "PREMIUM").containsEntry("slaCalendar", "WORKING_HOURS");
    assertThat((String) loyal.getEntry("tierReason")).contains("Loyal");
    var standard = decisions.evaluateDecisionTableByKey(DECISION_ENTITLEMENTS, Map.of(VAR_LIST_PRICE, 42900.0,
        VAR_MODEL_LINE, "Aurora Compact", VAR_LOYALTY, 1, VAR_KIND, "SERVICE", VAR_REGION, "NA-WEST")).getSingleResult();
    assertThat(standard.getEntryMap()).containsEntry("tier", "STANDARD").containsEntry("coversTowing", false);
    var pilot = decisions.evaluateDecisionTableByKey(DECISION_PILOT, Map.of(VAR_REGION, "FR-IDF")).getSingleResult();
    assertThat(pilot.getEntryMap()).containsEntry("pilot", true);
    assertThat(decisions.evaluateDecisionTableByKey(DECISION_PILOT, Map.of(VAR_REGION, "DE-BY")).getSingleResult()
        .getEntryMap()).containsEntry("pilot", false);
  }

  // ---------------------------------------------------------------------------------------------

  private void open(ServiceCaseService.Kind kind, String model, String listPrice, int cars) {
    customer = testData.customer().named("Thierry Vasseur").inRegion(region, "Europe/Paris").salesAdvisor(sales).create();
    Vehicle vehicle = testData.vehicle(customer.id(), model, listPrice);
    for (int i = 1; i < cars; i++) {
      testData.vehicle(customer.id());
    }
    opened = service.open(new ServiceCaseService.NewServiceCase(vehicle.vin(), null, kind, "Flat tyre, car cannot be driven",
        "Hotel parking, Annecy", "+33698765432 all day"), new Caller.Customer(customer.id()));
    pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(opened.number()).singleResult();
    runDueJobs();
  }

  private void makePilot() {
    try (InputStream dmn = getClass().getResourceAsStream("/service/escalation-pilot.dmn")) {
      String xml = new String(dmn.readAllBytes(), StandardCharsets.UTF_8).replace("\"FR-IDF\"", "\"" + region + "\"");
      pilotDeployment = repositoryService.createDeployment().name("escalation-pilot with " + region + " (test)")
          .addString("escalation-pilot.dmn", xml).deploy().getId();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void satisfaction(int score) {
    advanceTo(TIMER_DAY_AFTER_RESOLUTION);
    Task call = task(TASK_SATISFACTION_CALL);
    assertThat(call.getAssignee()).isEqualTo(advisor);
    complete(call, Map.of(VAR_SATISFACTION_SCORE, score, VAR_SATISFACTION_COMMENT, "Comment " + score));
  }

  private Instant at(int dayOfNovember, int hour, int minute) {
    return LocalDateTime.of(2026, 11, dayOfNovember, hour, minute).atZone(PARIS).toInstant();
  }

  private void runDueJobs() {
    jobs.runDue(pi.getId());
  }

  /** Moves the clock to the timer's due date and runs what is due then. */
  private void advanceTo(String timerActivity) {
    jobs.fire(pi.getId(), timerActivity);
  }

  private Task task(String key) {
    runDueJobs();
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private void complete(Task task, Map<String, Object> variables) {
    taskService.complete(task.getId(), new HashMap<>(variables));
    runDueJobs();
  }

  private List<String> assigneesOfAllTasks() {
    return processEngine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).list()
        .stream().map(t -> t.getAssignee()).toList();
  }

  private List<String> outcomes() {
    return contactLog.timeline(opened.number()).stream().map(ContactEntry::outcome).toList();
  }

  private Map<String, Object> caseRow() {
    return jdbc.sql("select status, sla_breaches, status_requests, satisfaction from drivecare.service_case where number = ?")
        .param(opened.number()).query().singleRow().entrySet().stream()
        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), e -> e.getValue() == null ? "null" : e.getValue()));
  }

  private List<String> outboxTemplates() {
    return jdbc.sql("select template from drivecare.outbox where business_key = ? order by id")
        .param(opened.number()).query(String.class).list();
  }

  private String outboxBody(String template) {
    return outboxBody(template, 0);
  }

  private String outboxBody(String template, int index) {
    return jdbc.sql("select body from drivecare.outbox where business_key = ? and template = ? order by id")
        .params(opened.number(), template).query(String.class).list().get(index);
  }

  private List<String> staffRecipients(String template) {
    return jdbc.sql("select recipient from drivecare.outbox where business_key = ? and template = ?")
        .params(opened.number(), template).query(String.class).list();
  }
}
