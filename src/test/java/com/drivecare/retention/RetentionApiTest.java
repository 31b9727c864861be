package com.drivecare.retention;

import static com.drivecare.retention.RetentionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.EngineRace;
import com.drivecare.Jobs;
import com.drivecare.TestData;
import com.drivecare.customer.Customer;
import com.drivecare.customer.Reservation;
import com.drivecare.customer.ReservationRepository;
import com.drivecare.customer.ReservationStatus;
import com.drivecare.people.Groups;
import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The cancellation API over HTTP, as a customer with his token and as staff. */
@DrivecareTest
class RetentionApiTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired Jobs jobs;
  @Autowired EngineRace race;
  @Autowired ReservationRepository reservations;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired Clock clock;

  String region;
  TestData.Team team;
  Customer customer;
  Reservation reservation;
  Api asCustomer;

  @AfterEach
  void disarm() {
    race.disarm();
  }

  @BeforeEach
  void setUp() {
    region = testData.freshRegion();
    team = testData.team(region);
    customer = testData.customer().named("Claire Fontaine").inRegion(region, "Europe/Paris").create();
    reservation = testData.reservation(customer.id());
    asCustomer = Api.at(port).bearer(testData.token(customer.id()));
  }

  @Test
  void customerStartsTheLadderAndAskingAgainReturnsTheSameCase() {
    var started = asCustomer.post(cancellation(), Map.of("reason", "Delivery too late"));
    assertThat(started.status()).isEqualTo(201);
    assertThat(started.json().get("status").asText()).isEqualTo("OPEN");
    assertThat(started.json().get("caseOwner").get("userId").asText()).isEqualTo(team.owner());
    assertThat(started.json().get("caseOwner").get("name").asText()).isEqualTo("First" + team.owner() + " Last");
    assertThat(reservations.find(reservation.number()).orElseThrow().status())
        .isEqualTo(ReservationStatus.CANCELLATION_REQUESTED);

    var again = asCustomer.post(cancellation(), "");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("caseOwner").get("userId").asText()).isEqualTo(team.owner());
    assertThat(asCustomer.get(cancellation()).json().get("status").asText()).isEqualTo("OPEN");
    assertThat(asCustomer.get("/api/cases/" + reservation.number() + "/timeline").json().findValuesAsText("outcome"))
        .contains("CANCELLATION_REQUESTED");
  }

  @Test
  void unknownReservationIsNotFoundAndACancelledOneIsAConflict() {
    String owner = team.owner();
    Api staff = Api.at(port).basic(owner, TestData.password(owner));
    var unknown = staff.post("/api/reservations/RES-NOPE-0000/cancellation", "");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");

    Reservation cancelled = testData.reservation(customer.id());
    reservations.changeStatus(cancelled.number(), ReservationStatus.ACTIVE, ReservationStatus.CANCELLED,
        clock.instant());
    var conflict = staff.post("/api/reservations/" + cancelled.number() + "/cancellation", "");
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().get("detail").asText()).contains("CANCELLED");
  }

  @Test
  void tokenOfAnotherCustomerSeesNothing() {
    Customer other = testData.customer().inRegion(region, "Europe/Paris").create();
    Api asOther = Api.at(port).bearer(testData.token(other.id()));
    assertThat(asOther.post(cancellation(), "").status()).isEqualTo(404);
    assertThat(asOther.post(cancellation() + "/confirm", "").status()).isEqualTo(404);
    assertThat(reservations.find(reservation.number()).orElseThrow().status()).isEqualTo(ReservationStatus.ACTIVE);
  }

  @Test
  void customerConfirmsOnline() {
    asCustomer.post(cancellation(), "");
    var confirmed = asCustomer.post(cancellation() + "/confirm", "");
    assertThat(confirmed.status()).isEqualTo(202);
    runJobs();
    assertThat(reservations.find(reservation.number()).orElseThrow().status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(asCustomer.post(cancellation() + "/confirm", "").status()).isEqualTo(409);

    var report = Api.at(port).basic(team.owner(), TestData.password(team.owner())).get("/api/reports/retention");
    assertThat(report.status()).isEqualTo(200);
    var mine = report.json().findParents("region").stream().filter(r -> r.get("region").asText().equals(region))
        .findFirst().orElseThrow();
    assertThat(mine.get("cases").asInt()).isEqualTo(1);
    assertThat(mine.get("cancelledByCustomer").asInt()).isEqualTo(1);
    assertThat(mine.get("averageAttempts").asDouble()).isZero();
    assertThat(asCustomer.get("/api/reports/retention").status()).isEqualTo(403);
  }

  /**
   * The customer confirms while the engine is still carrying his case on: the acknowledgement job of
   * the same instance commits between the confirmation's read of the instance and its write. The
   * confirmation is retried, not answered with a conflict, and is done once.
   */
  @Test
  void confirmingWhileAJobMovesTheCaseOnIsAnsweredOnce() {
    asCustomer.post(cancellation(), "");
    String pi = processInstanceId();
    String acknowledgement = managementService.createJobQuery().processInstanceId(pi)
        .activityId(TASK_SEND_ACKNOWLEDGEMENT).singleResult().getId();
    race.before(pi, SUBPROCESS_CUSTOMER_CONFIRMS, () -> managementService.executeJob(acknowledgement));

    var confirmed = asCustomer.post(cancellation() + "/confirm", "");

    assertThat(race.ran()).as("the job committed in between").isEqualTo(1);
    assertThat(confirmed.status()).isEqualTo(202);
    assertThat(managementService.createJobQuery().jobId(acknowledgement).count()).isZero();
    runJobs();
    assertThat(reservations.find(reservation.number()).orElseThrow().status()).isEqualTo(ReservationStatus.CANCELLED);
    var timeline = asCustomer.get("/api/cases/" + reservation.number() + "/timeline").json().findValuesAsText("outcome");
    assertThat(timeline).containsOnlyOnce("CANCELLATION_CONFIRMED_ONLINE");
  }

  @Test
  void customerWithdrawsOnline() {
    asCustomer.post(cancellation(), "");
    assertThat(asCustomer.post(cancellation() + "/withdraw", "").status()).isEqualTo(202);
    runJobs();
    assertThat(reservations.find(reservation.number()).orElseThrow().status()).isEqualTo(ReservationStatus.ACTIVE);
    assertThat(asCustomer.post(cancellation() + "/withdraw", "").status()).isEqualTo(409);
  }

  @Test
  void caseOwnerSeesHisCallTaskAndItsFormThroughTheEngineApiAsInTasklist() {
    asCustomer.post(cancellation(), "");
    runJobs(); // acknowledgement, planning; the first call slot is now: the task appears
    for (int i = 0; i < 3 && taskService.createTaskQuery().taskAssignee(team.owner()).count() == 0; i++) {
      managementService.createJobQuery().timers().list().stream()
          .filter(j -> j.getProcessInstanceId().equals(processInstanceId()))
          .forEach(j -> managementService.executeJob(j.getId()));
      runJobs();
    }
    Api owner = Api.at(port).basic(team.owner(), TestData.password(team.owner()));
    var tasks = owner.get("/engine-rest/task?assignee=" + team.owner());
    assertThat(tasks.json()).hasSize(1);
    String taskId = tasks.json().get(0).get("id").asText();
    assertThat(tasks.json().get(0).get("taskDefinitionKey").asText()).isEqualTo(TASK_CASE_OWNER_CALL);
    var form = owner.get("/engine-rest/task/" + taskId + "/deployed-form");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("retention-call", VAR_CALL_OUTCOME);
    var variables = owner.get("/engine-rest/task/" + taskId + "/form-variables");
    assertThat(variables.json().get(VAR_CUSTOMER_NAME).get("value").asText()).isEqualTo("Claire Fontaine");
    assertThat(variables.json().get(VAR_ATTEMPT_LABEL).get("value").asText()).startsWith("Case owner attempt 1 of 4");

    String colleague = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, region, null);
    var notMine = Api.at(port).basic(colleague, TestData.password(colleague)).get("/engine-rest/task/" + taskId);
    assertThat(notMine.status()).isIn(403, 404);
  }

  @Test
  void cancellingAgainRightAfterKeepingOpensANewCase() {
    asCustomer.post(cancellation(), "");
    asCustomer.post(cancellation() + "/withdraw", "");
    String first = processInstanceId();
    // only the keep step has run; the thank-you of the first case is still waiting for the job executor
    var keep = managementService.createJobQuery().processInstanceId(first).executable().list().get(0);
    managementService.executeJob(keep.getId());
    assertThat(reservations.find(reservation.number()).orElseThrow().status()).isEqualTo(ReservationStatus.ACTIVE);

    var again = asCustomer.post(cancellation(), Map.of("reason", "Changed my mind again"));
    assertThat(again.status()).isEqualTo(201);
    assertThat(asCustomer.get(cancellation()).json().get("status").asText()).isEqualTo("OPEN");
    assertThat(asCustomer.post(cancellation() + "/confirm", "").status()).isEqualTo(202);
    runJobs();
    assertThat(reservations.find(reservation.number()).orElseThrow().status()).isEqualTo(ReservationStatus.CANCELLED);
  }

  @Test
  void withoutACaseThereIsNothingToConfirm() {
    var nothing = asCustomer.post(cancellation() + "/confirm", "");
    assertThat(nothing.status()).isEqualTo(409);
    assertThat(nothing.json().get("detail").asText()).contains("no cancellation in progress");
  }

  private String cancellation() {
    return "/api/reservations/" + reservation.number() + "/cancellation";
  }

  private String processInstanceId() {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reservation.number()).list().get(0)
        .getId();
  }

  /** Executes the case's due jobs (the job executor is off in tests). */
  private void runJobs() {
    jobs.runDueForBusinessKey(reservation.number());
  }
}
