package com.drivecare.retention;

import static com.drivecare.retention.RetentionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.Jobs;
import com.drivecare.TaskRights;
import com.drivecare.TestData;
import com.drivecare.customer.Channel;
import com.drivecare.people.Groups;
import com.drivecare.contact.ContactEntry;
import com.drivecare.contact.ContactLog;
import com.drivecare.contact.OutboxDispatcher;
import com.drivecare.customer.Customer;
import com.drivecare.customer.CustomerRepository;
import com.drivecare.customer.Reservation;
import com.drivecare.customer.ReservationRepository;
import com.drivecare.customer.ReservationStatus;
import com.drivecare.platform.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of {@code reservation-retention}, with the engine clock walked day by day: timers are
 * executed as jobs when their time has come, never slept through.
 */
@DrivecareTest
class RetentionProcessTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  /** Monday 23 November 2026, 10:00 in Paris. */
  static final Instant MONDAY_MORNING = LocalDateTime.of(2026, 11, 23, 10, 0).atZone(PARIS).toInstant();

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired RetentionService retention;
  @Autowired ReservationRepository reservations;
  @Autowired CustomerRepository customers;
  @Autowired ContactLog contactLog;
  @Autowired JdbcClient jdbc;
  @Autowired TestData testData;
  @Autowired Jobs jobs;
  @Autowired TaskRights rights;
  @Autowired OutboxDispatcher dispatcher;

  String region;
  TestData.Team team;
  Customer customer;
  Reservation reservation;
  ProcessInstance pi;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
    region = testData.freshRegion();
    team = testData.team(region);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void keptOnTheFirstCall() {
    start(testData.customer().named("Jean Martin").inRegion(region, "Europe/Paris").create());
    assertThat(outboxTemplates()).contains("retention-acknowledgement-with-link");
    assertThat(outboxBody("retention-acknowledgement-with-link"))
        .contains("Jean Martin", "First" + team.owner() + " Last", "/self-service/#token=");

    Task call = nextTask();
    assertThat(call.getTaskDefinitionKey()).isEqualTo(TASK_CASE_OWNER_CALL);
    assertThat(call.getAssignee()).isEqualTo(team.owner());
    // the case owner's call is his alone: not his colleague's, not his manager's
    String colleague = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, region, team.manager());
    assertThat(rights.sees(team.owner(), call.getId())).isTrue();
    assertThat(List.of(colleague, team.manager(), team.regionalManager())).noneMatch(u -> rights.sees(u, call.getId()));
    assertThat(taskService.getVariable(call.getId(), VAR_ATTEMPT_LABEL))
        .isEqualTo("Case owner attempt 1 of 4 (call 1 of at most 14)");
    assertThat(call.getDueDate().toInstant()).isEqualTo(LocalDateTime.of(2026, 11, 23, 21, 0).atZone(PARIS).toInstant());
    complete(call, CallOutcome.RETAINED, "Happy with the delivery date after all");

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_RESERVATION_KEPT);
    assertThat(reservations.find(reservation.number()).orElseThrow().status()).isEqualTo(ReservationStatus.ACTIVE);
    assertThat(outcomes()).containsExactly("CANCELLATION_REQUESTED", "DELIVERED", "RETAINED", "RESERVATION_KEPT");
    assertThat(caseRow().get("outcome")).isEqualTo("KEPT");
    assertThat(outboxTemplates()).contains("retention-thank-you");
  }

  @Test
  void confirmedOnTheManagersSecondAttempt() {
    start(testData.customer().inRegion(region, "Europe/Paris").create());
    for (int day = 1; day <= 4; day++) {
      Task call = nextTask();
      assertThat(call.getTaskDefinitionKey()).isEqualTo(TASK_CASE_OWNER_CALL);
      complete(call, CallOutcome.NOT_REACHED, null);
    }
    Task review = nextTask();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(TASK_REVIEW_CALL_LOG);
    assertThat(review.getAssignee()).isEqualTo(team.manager());
    // the four calls, in words (the code NOT_REACHED never reaches the manager's screen) and with the zone
    assertThat((String) taskService.getVariable(review.getId(), VAR_CALL_TIMELINE))
        .contains("phone call to the customer: not reached", "Paris time").doesNotContain("NOT_REACHED");
    taskService.complete(review.getId(), Map.of(VAR_CALL_LOG_REVIEWED, true, VAR_REVIEW_NOTE, "Four tries, no answer"));
    Task first = nextTask();
    assertThat(first.getTaskDefinitionKey()).isEqualTo(TASK_MANAGER_CALL);
    assertThat(first.getAssignee()).isEqualTo(team.manager());
    complete(first, CallOutcome.NOT_REACHED, null);
    Task second = nextTask();
    assertThat(taskService.getVariable(second.getId(), VAR_ATTEMPT_LABEL)).asString().startsWith("Manager attempt 2 of 6");
    complete(second, CallOutcome.CANCELLATION_CONFIRMED, "Bought another brand");

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_RESERVATION_CANCELLED);
    assertThat(reservations.find(reservation.number()).orElseThrow().status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(refund()).isEqualTo("REQUESTED");
    assertThat(caseRow().get("outcome")).isEqualTo("CANCELLED_BY_CUSTOMER");
    assertThat(caseRow().get("attempts")).isEqualTo(6);
    assertThat(outcomes()).contains("CALL_LOG_REVIEWED", "CANCELLATION_CONFIRMED", "RESERVATION_CANCELLED");
    assertThat(outboxBody("retention-cancellation-confirmation")).contains("2500.00 EUR");
  }

  @Test
  void callbackIsCalledAtTheTimeTheCustomerAskedFor() {
    start(testData.customer().inRegion(region, "Europe/Paris").create());
    Task call = nextTask();
    taskService.complete(call.getId(), Map.of(VAR_CALL_OUTCOME, "CALLBACK_REQUESTED", VAR_CALLBACK_AT, "2026-11-24T18:30",
        VAR_CALL_NOTE, "In a meeting, call tomorrow evening"));
    Task callback = nextTask();
    assertThat(callback.getTaskDefinitionKey()).isEqualTo(TASK_CASE_OWNER_CALL);
    assertThat(ClockUtil.getCurrentTime().toInstant())
        .isEqualTo(LocalDateTime.of(2026, 11, 24, 18, 30).atZone(PARIS).toInstant());
    assertThat(taskService.getVariable(callback.getId(), VAR_ATTEMPT_LABEL)).asString()
        .startsWith("Case owner attempt 1 of 4 (call 2 of");
    complete(callback, CallOutcome.RETAINED, null);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_RESERVATION_KEPT);
    assertThat(outcomes()).contains("CALLBACK_REQUESTED", "RETAINED");
  }

  @Test
  void callbackInThePastIsRefused() {
    start(testData.customer().inRegion(region, "Europe/Paris").create());
    Task call = nextTask();
    assertThatThrownBy(() -> taskService.complete(call.getId(),
        Map.of(VAR_CALL_OUTCOME, "CALLBACK_REQUESTED", VAR_CALLBACK_AT, "2026-11-20T10:00")))
        .hasMessageContaining("callbackAt must be in the future");
    assertThatThrownBy(() -> taskService.complete(call.getId(), Map.of(VAR_CALL_OUTCOME, "MAYBE")))
        .hasMessageContaining("callOutcome must be one of");
    assertThat(taskService.createTaskQuery().taskId(call.getId()).count()).isEqualTo(1);
  }

  @Test
  void customerConfirmsOnlineOnDayFive() {
    start(testData.customer().inRegion(region, "Europe/Paris").create());
    for (int day = 1; day <= 4; day++) {
      complete(nextTask(), CallOutcome.NOT_REACHED, null);
    }
    assertThat(nextTask().getTaskDefinitionKey()).isEqualTo(TASK_REVIEW_CALL_LOG);
    assertThat(ClockUtil.getCurrentTime().toInstant()).isBefore(MONDAY_MORNING.plus(5, ChronoUnit.DAYS));
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.plus(4, ChronoUnit.DAYS)));  // Friday, day 5
    retention.confirm(reservation.number(), new Caller.Customer(customer.id()));
    runDueJobs();

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_CANCELLED_BY_CUSTOMER);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(reservations.find(reservation.number()).orElseThrow().status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(caseRow().get("outcome")).isEqualTo("CANCELLED_BY_CUSTOMER");
    assertThat(outcomes()).contains("CANCELLATION_CONFIRMED_ONLINE", "RESERVATION_CANCELLED");
    assertThat(refund()).isEqualTo("REQUESTED");
  }

  @Test
  void customerWithdrawsOnDayNine() {
    start(testData.customer().inRegion(region, "Europe/Paris").create());
    Instant dayNine = MONDAY_MORNING.plus(8, ChronoUnit.DAYS);
    while (true) {
      Task task = nextTask();
      if (!ClockUtil.getCurrentTime().toInstant().isBefore(dayNine)) {
        break;
      }
      if (task.getTaskDefinitionKey().equals(TASK_REVIEW_CALL_LOG)) {
        taskService.complete(task.getId(), Map.of(VAR_CALL_LOG_REVIEWED, true));
      } else {
        complete(task, CallOutcome.NOT_REACHED, null);
      }
    }
    retention.withdraw(reservation.number(), new Caller.Customer(customer.id()));
    runDueJobs();

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_KEPT_BY_CUSTOMER);
    assertThat(reservations.find(reservation.number()).orElseThrow().status()).isEqualTo(ReservationStatus.ACTIVE);
    assertThat(caseRow().get("outcome")).isEqualTo("KEPT");
    assertThat(outboxTemplates()).contains("retention-thank-you");
  }

  @Test
  void everyTaskOfTheLadderShowsTheReservedCarOnItsCaseTab() {
    start(testData.customer().named("Claire Dubois").inRegion(region, "Europe/Paris").create());
    Set<String> seen = new TreeSet<>();
    while (!isEnded()) {
      Task task = nextTask();
      if (task == null) {
        break;
      }
      // the Case tab as the task's holder reads it: he has no registered car, the case is about the reserved one
      JsonNode view = Api.at(port).basic(task.getAssignee(), TestData.password(task.getAssignee()))
          .get("/api/cases/" + reservation.number() + "/view").json();
      assertThat(view.get("vehicles")).as(task.getTaskDefinitionKey()).isEmpty();
      JsonNode reserved = view.get("reservation");
      assertThat(reserved).as(task.getTaskDefinitionKey() + " names the reservation").isNotNull();
      assertThat(reserved.get("model").asText()).isEqualTo("Aurora GT");
      assertThat(reserved.get("number").asText()).isEqualTo(reservation.number());
      assertThat(reserved.get("statusText").asText()).isEqualTo("cancellation requested");
      assertThat(reserved.get("deposit").asText()).isEqualTo("€2,500");
      seen.add(task.getTaskDefinitionKey());
      if (task.getTaskDefinitionKey().equals(TASK_REVIEW_CALL_LOG)) {
        taskService.complete(task.getId(), Map.of(VAR_CALL_LOG_REVIEWED, true));
      } else {
        complete(task, CallOutcome.NOT_REACHED, null);
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(TASK_CASE_OWNER_CALL, TASK_REVIEW_CALL_LOG, TASK_MANAGER_CALL,
        TASK_REGIONAL_MANAGER_CALL);
  }

  @Test
  void stopContactSetsDoNotCallAndHonoursTheCancellationAtOnce() {
    start(testData.customer().inRegion(region, "Europe/Paris").create());
    complete(nextTask(), CallOutcome.STOP_CONTACT, "Please stop calling me");

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_RESERVATION_CANCELLED);
    assertThat(customers.find(customer.id()).orElseThrow().doNotCall()).isTrue();
    assertThat(reservations.find(reservation.number()).orElseThrow().status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(caseRow().get("outcome")).isEqualTo("STOPPED_CONTACT");
  }

  @Test
  void doNotCallCustomerIsNeverCalledAndGetsTheWrittenRoute() {
    start(testData.customer().inRegion(region, "Europe/Paris").doNotCall().create());
    runDueJobs();
    BpmnAwareTests.assertThat(pi).isWaitingAt(TIMER_DO_NOT_CALL_WAIT);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(outboxBody("retention-written-route")).contains("2026-11-30", "/self-service/#token=");

    Job wait = timer(TIMER_DO_NOT_CALL_WAIT);
    assertThat(wait.getDuedate().toInstant()).isEqualTo(MONDAY_MORNING.plus(7, ChronoUnit.DAYS));
    advanceTo(wait);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_RESERVATION_CANCELLED);
    assertThat(caseRow().get("outcome")).isEqualTo("CANCELLED_UNREACHED");
    assertThat(outcomes()).doesNotContain("NOT_REACHED", "MISSED");
  }

  @Test
  void callTaskNobodyCompletesIsAMissedAttemptAndTheManagerIsTold() {
    start(testData.customer().inRegion(region, "Europe/Paris").create());
    Task call = nextTask();
    Job deadline = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_CASE_OWNER_CALL_MISSED)
        .singleResult();
    assertThat(deadline.getDuedate()).isEqualTo(call.getDueDate());
    advanceTo(deadline);

    Task next = nextTask();
    assertThat(next.getTaskDefinitionKey()).isEqualTo(TASK_CASE_OWNER_CALL);
    assertThat(taskService.getVariable(next.getId(), VAR_ATTEMPT_LABEL)).asString().startsWith("Case owner attempt 2 of 4");
    assertThat(timeline()).filteredOn(e -> e.outcome().equals("MISSED")).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo(team.owner()));
    assertThat(jdbc.sql("select recipient from drivecare.outbox where template = 'retention-missed-call' and business_key = ?")
        .param(reservation.number()).query(String.class).list()).containsExactly(team.manager() + "@test.example");
    assertThat(caseRow().get("attempts")).isEqualTo(1);
  }

  @Test
  void missedReviewIsAMissedManagerAttemptAndTheReviewComesBackNextDay() {
    start(testData.customer().inRegion(region, "Europe/Paris").create());
    for (int day = 1; day <= 4; day++) {
      complete(nextTask(), CallOutcome.NOT_REACHED, null);
    }
    Task review = nextTask();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(TASK_REVIEW_CALL_LOG);
    advanceTo(timer(TIMER_REVIEW_MISSED));
    Task again = nextTask();
    assertThat(again.getTaskDefinitionKey()).isEqualTo(TASK_REVIEW_CALL_LOG);
    assertThat(taskService.getVariable(again.getId(), VAR_ATTEMPT_LABEL)).asString().startsWith("Manager attempt 2 of 6");
    assertThat(timeline()).filteredOn(e -> e.outcome().equals("MISSED")).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo(team.manager()));
    taskService.complete(again.getId(), Map.of(VAR_CALL_LOG_REVIEWED, true));
    Task call = nextTask();
    assertThat(call.getTaskDefinitionKey()).isEqualTo(TASK_MANAGER_CALL);
    complete(call, CallOutcome.NOT_REACHED, null);
    assertThat(nextTask().getTaskDefinitionKey()).isEqualTo(TASK_MANAGER_CALL); // reviewed once is enough
  }

  @Test
  void neverReachedForTwoWeeksIsExactlyFourteenCallsThenCancelled() {
    start(testData.customer().inRegion(region, "Europe/Paris").create());
    List<String> tasks = new ArrayList<>();
    List<String> assignees = new ArrayList<>();
    List<Instant> callTimes = new ArrayList<>();
    while (!isEnded()) {
      Task task = nextTask();
      if (task == null) {
        break;
      }
      tasks.add(task.getTaskDefinitionKey());
      assignees.add(task.getAssignee());
      if (task.getTaskDefinitionKey().equals(TASK_REVIEW_CALL_LOG)) {
        taskService.complete(task.getId(), Map.of(VAR_CALL_LOG_REVIEWED, true));
      } else {
        callTimes.add(ClockUtil.getCurrentTime().toInstant());
        complete(task, CallOutcome.NOT_REACHED, null);
      }
    }

    List<String> expected = new ArrayList<>();
    expected.addAll(List.of(TASK_CASE_OWNER_CALL, TASK_CASE_OWNER_CALL, TASK_CASE_OWNER_CALL, TASK_CASE_OWNER_CALL));
    expected.add(TASK_REVIEW_CALL_LOG);
    for (int i = 0; i < 6; i++) {
      expected.add(TASK_MANAGER_CALL);
    }
    expected.addAll(List.of(TASK_REGIONAL_MANAGER_CALL, TASK_REGIONAL_MANAGER_CALL, TASK_REGIONAL_MANAGER_CALL,
        TASK_REGIONAL_MANAGER_CALL));
    assertThat(tasks).containsExactlyElementsOf(expected);
    assertThat(Set.copyOf(assignees.subList(0, 4))).containsExactly(team.owner());
    assertThat(Set.copyOf(assignees.subList(4, 11))).containsExactly(team.manager());
    assertThat(Set.copyOf(assignees.subList(11, 15))).containsExactly(team.regionalManager());
    assertThat(callTimes).hasSize(14);
    // one call a day, inside the customer's calling window, within two weeks of the request
    assertThat(callTimes.stream().map(t -> t.atZone(PARIS).toLocalDate()).distinct()).hasSize(14);
    assertThat(callTimes).allSatisfy(t -> assertThat(t.atZone(PARIS).getHour()).isBetween(8, 20));
    assertThat(callTimes.get(13)).isBefore(MONDAY_MORNING.plus(14, ChronoUnit.DAYS));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_RESERVATION_CANCELLED);
    assertThat(reservations.find(reservation.number()).orElseThrow().status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(refund()).isEqualTo("REQUESTED");
    assertThat(caseRow().get("outcome")).isEqualTo("CANCELLED_UNREACHED");
    assertThat(caseRow().get("attempts")).isEqualTo(14);
    assertThat(timeline()).filteredOn(e -> e.channel() == Channel.CALL && e.outcome().equals("NOT_REACHED")).hasSize(14);
    assertThat(outboxTemplates()).contains("retention-cancellation-confirmation");
  }

  @Test
  void ladderFollowsAVariantDecisionTable() throws Exception {
    String deploymentId;
    try (var dmn = getClass().getResourceAsStream("/retention/retention-ladder-short.xml")) {
      deploymentId = repositoryService.createDeployment().name("retention-ladder variant (test)")
          .addInputStream("retention-ladder.dmn", dmn).deploy().getId();
    }
    try {
      start(testData.customer().inRegion(region, "Europe/Paris").create());
      assertThat(outboxTemplates()).contains("retention-acknowledgement").doesNotContain("retention-acknowledgement-with-link");
      List<String> tasks = new ArrayList<>();
      while (!isEnded()) {
        Task task = nextTask();
        if (task == null) {
          break;
        }
        tasks.add(task.getTaskDefinitionKey());
        complete(task, CallOutcome.NOT_REACHED, null);
      }
      assertThat(tasks).containsExactly(TASK_CASE_OWNER_CALL, TASK_MANAGER_CALL, TASK_REGIONAL_MANAGER_CALL);
      BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_RESERVATION_CANCELLED);
      assertThat(caseRow().get("attempts")).isEqualTo(3);
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private void start(Customer customer) {
    this.customer = customer;
    this.reservation = testData.reservation(customer.id());
    var opened = retention.requestCancellation(reservation.number(), "Found a cheaper car", new Caller.Customer(customer.id()));
    assertThat(opened.created()).isTrue();
    assertThat(opened.view().caseOwner().userId()).isEqualTo(team.owner());
    pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reservation.number()).singleResult();
    runDueJobs();
    dispatcher.dispatchDueOf(reservation.number()); // the acknowledgement goes out and onto the timeline
  }

  private void runDueJobs() {
    jobs.runDue(pi.getId());
  }

  /** The next open task; when none is open, walks the clock to the next timer (the next call slot). */
  private Task nextTask() {
    for (int guard = 0; guard < 50; guard++) {
      runDueJobs();
      if (isEnded()) {
        return null;
      }
      Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
      if (task != null) {
        return task;
      }
      jobs.fire(jobs.nextTimer(pi.getId()).orElseThrow(() -> new AssertionError("Neither a task nor a timer")));
    }
    throw new AssertionError("No task came");
  }

  private void advanceTo(Job timer) {
    jobs.fire(timer);
  }

  private Job timer(String activityId) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  private void complete(Task task, CallOutcome outcome, String note) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_CALL_OUTCOME, outcome.name());
    if (note != null) {
      variables.put(VAR_CALL_NOTE, note);
    }
    taskService.complete(task.getId(), variables);
    runDueJobs();
  }

  private boolean isEnded() {
    return runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0;
  }

  private List<ContactEntry> timeline() {
    return contactLog.timeline(reservation.number());
  }

  private List<String> outcomes() {
    return timeline().stream().map(ContactEntry::outcome).toList();
  }

  private Map<String, Object> caseRow() {
    return jdbc.sql("select outcome, attempts from drivecare.retention_case where process_instance = ?")
        .param(pi.getId()).query().singleRow();
  }

  private String refund() {
    return jdbc.sql("select status from drivecare.deposit_refund where reservation_number = ?")
        .param(reservation.number()).query(String.class).single();
  }

  private List<String> outboxTemplates() {
    return jdbc.sql("select template from drivecare.outbox where business_key = ? order by id")
        .param(reservation.number()).query(String.class).list();
  }

  private String outboxBody(String template) {
    return jdbc.sql("select body from drivecare.outbox where business_key = ? and template = ?")
        .params(reservation.number(), template).query(String.class).single();
  }
}
