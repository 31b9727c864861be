package com.drivecare;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.customer.Customer;
import com.drivecare.customer.Reservation;
import com.drivecare.people.Groups;
import com.drivecare.platform.Caller;
import com.drivecare.platform.ConflictException;
import com.drivecare.retention.RetentionProcess;
import com.drivecare.retention.RetentionService;
import com.drivecare.service.ServiceCaseService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two requests at the same moment (a double click, two devices): one case, one escalation. On H2 and PostgreSQL. */
@DrivecareTest
class ConcurrencyTest {

  @Autowired TestData testData;
  @Autowired RetentionService retention;
  @Autowired ServiceCaseService serviceCases;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;

  @Test
  void twoCancellationRequestsAtOnceOpenOneCase() throws Exception {
    String region = testData.freshRegion();
    testData.team(region);
    Customer customer = testData.customer().inRegion(region, "Europe/Paris").create();
    Reservation reservation = testData.reservation(customer.id());
    Caller caller = new Caller.Customer(customer.id());

    List<Object> results = both(() -> retention.requestCancellation(reservation.number(), "twice", caller));

    assertThat(results).filteredOn(r -> r instanceof RetentionService.Opened o && o.created()).hasSize(1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(RetentionProcess.KEY)
        .processInstanceBusinessKey(reservation.number()).count()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from drivecare.retention_case where reservation_number = ?")
        .param(reservation.number()).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void twoEscalationsAtOnceOpenOne() throws Exception {
    String region = testData.freshRegion();
    String manager = testData.staff(TestData.unique("svcmgr"), Groups.SERVICE_MANAGERS, region, null);
    testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, region, manager);
    Customer customer = testData.customer().inRegion(region, "Europe/Paris").create();
    var vehicle = testData.vehicle(customer.id());
    Caller caller = new Caller.Customer(customer.id());
    String number = serviceCases.open(new ServiceCaseService.NewServiceCase(vehicle.vin(), null,
        ServiceCaseService.Kind.SERVICE, "Noise", null, null), caller).number();

    List<Object> results = both(() -> serviceCases.escalate(number, new ServiceCaseService.NewEscalation("now!"), caller));

    assertThat(results).filteredOn(r -> r instanceof Map).hasSize(1);
    assertThat(results).filteredOn(r -> r instanceof ConflictException || r instanceof OptimisticLockingException
        || r instanceof PessimisticLockingFailureException).hasSize(1);
    assertThat(jdbc.sql("select count(*) from drivecare.service_escalation where case_number = ?").param(number)
        .query(Long.class).single()).isEqualTo(1);
  }

  /** Runs the call twice at the same moment; each result is the return value or the exception. */
  private static List<Object> both(Callable<Object> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CyclicBarrier start = new CyclicBarrier(2);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        futures.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          try {
            return call.call();
          } catch (RuntimeException e) {
            return e;
          }
        }));
      }
      List<Object> results = new ArrayList<>();
      for (Future<Object> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
