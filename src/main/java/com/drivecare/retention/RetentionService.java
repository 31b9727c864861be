package com.drivecare.retention;

import static com.drivecare.retention.RetentionProcess.*;

import com.drivecare.contact.ContactLog;
import com.drivecare.contact.Direction;
import com.drivecare.customer.Channel;
import com.drivecare.customer.Customer;
import com.drivecare.customer.CustomerRepository;
import com.drivecare.customer.Reservation;
import com.drivecare.customer.ReservationRepository;
import com.drivecare.customer.ReservationService;
import com.drivecare.customer.ReservationStatus;
import com.drivecare.people.AssignmentService;
import com.drivecare.people.StaffMember;
import com.drivecare.platform.Caller;
import com.drivecare.platform.ConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What customers and staff do to a retention case through the API, and the report on all of them. */
@Service
public class RetentionService {

  private final ReservationService reservationService;
  private final ReservationRepository reservations;
  private final CustomerRepository customers;
  private final RetentionCaseRepository cases;
  private final RuntimeService runtimeService;
  private final AssignmentService assignment;
  private final ContactLog contactLog;
  private final Clock clock;

  RetentionService(ReservationService reservationService, ReservationRepository reservations,
      CustomerRepository customers, RetentionCaseRepository cases, RuntimeService runtimeService,
      AssignmentService assignment, ContactLog contactLog, Clock clock) {
    this.reservationService = reservationService;
    this.reservations = reservations;
    this.customers = customers;
    this.cases = cases;
    this.runtimeService = runtimeService;
    this.assignment = assignment;
    this.contactLog = contactLog;
    this.clock = clock;
  }

  public record CaseView(String reservationNumber, String status, StaffMember caseOwner, Instant openedAt,
      String timeline) {}

  public record Opened(boolean created, CaseView view) {}

  /**
   * Starts the ladder for the reservation, or returns the case already open. The status change and
   * the process start commit together: two requests at once open one case.
   */
  @Transactional
  public Opened requestCancellation(String number, String reason, Caller caller) {
    Reservation reservation = reservationService.get(number, caller);
    if (reservation.status() == ReservationStatus.CANCELLATION_REQUESTED) {
      return new Opened(false, view(number));
    }
    if (reservation.status() != ReservationStatus.ACTIVE) {
      throw new ConflictException("Reservation " + number + " is " + reservation.status() + " and cannot be cancelled");
    }
    if (!reservations.changeStatus(number, ReservationStatus.ACTIVE, ReservationStatus.CANCELLATION_REQUESTED,
        clock.instant())) {
      return new Opened(false, view(number)); // another request was quicker
    }
    Customer customer = customers.find(reservation.customerId()).orElseThrow();
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_RESERVATION_NUMBER, number);
    variables.put(VAR_CUSTOMER_ID, customer.id());
    variables.put(VAR_REGION, customer.region());
    variables.put(VAR_CUSTOMER_TIME_ZONE, customer.timeZone());
    variables.put(VAR_CUSTOMER_PHONE, customer.phone() == null ? "none" : customer.phone());
    variables.put(VAR_MODEL, reservation.model());
    variables.put(VAR_REASON, reason == null || reason.isBlank() ? "none given" : reason.trim());
    variables.put(VAR_REQUESTED_AT, Date.from(clock.instant()));
    variables.put(VAR_REQUESTED_BY, caller.actor());
    runtimeService.startProcessInstanceByKey(KEY, number, variables);
    return new Opened(true, view(number));
  }

  /** The customer (or staff for him) ends the ladder: cancel now. */
  @Transactional
  public CaseView confirm(String number, Caller caller) {
    return endLadder(number, caller, MSG_CANCELLATION_CONFIRMED, "CANCELLATION_CONFIRMED_ONLINE");
  }

  /** The customer (or staff for him) keeps the reservation. */
  @Transactional
  public CaseView withdraw(String number, Caller caller) {
    return endLadder(number, caller, MSG_CANCELLATION_WITHDRAWN, "CANCELLATION_WITHDRAWN_ONLINE");
  }

  private CaseView endLadder(String number, Caller caller, String message, String logged) {
    reservationService.get(number, caller);
    // the row lock orders this request against a keep or cancel job of the same reservation
    Reservation reservation = reservations.lock(number).orElseThrow();
    if (reservation.status() != ReservationStatus.CANCELLATION_REQUESTED) {
      throw new ConflictException("Reservation " + number + " has no cancellation in progress (it is "
          + reservation.status() + ")");
    }
    contactLog.record(number, reservation.customerId(), Channel.WEB,
        caller instanceof Caller.Customer ? Direction.INBOUND : Direction.OUTBOUND, caller.actor(), logged, null);
    var open = cases.openCase(number)
        .orElseThrow(() -> new ConflictException("Reservation " + number + " has no open retention case"));
    try {
      runtimeService.createMessageCorrelation(message).processInstanceId(open.processInstance()).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("The cancellation of reservation " + number + " is already being closed");
    }
    return view(number);
  }

  public CaseView get(String number, Caller caller) {
    reservationService.get(number, caller);
    return view(number);
  }

  private CaseView view(String number) {
    var open = cases.openCase(number);
    String status = reservations.find(number).map(r -> r.status().name()).orElse("UNKNOWN");
    return new CaseView(number, open.isPresent() ? "OPEN" : status,
        open.flatMap(c -> assignment.staffMember(c.caseOwner())).orElse(null),
        open.map(RetentionCaseRepository.RetentionCase::openedAt).orElse(null),
        "/api/cases/" + number + "/timeline");
  }

  public record RegionReport(String region, int cases, int open, int kept, int cancelledByCustomer,
      int cancelledUnreached, int stoppedContact, Double averageAttempts, Double averageDaysToDecision) {}

  /** Per region: cases, how they ended, and how long and how many calls it took (closed cases). */
  public List<RegionReport> report(Caller.Staff staff) {
    Map<String, List<RetentionCaseRepository.RetentionCase>> byRegion = new TreeMap<>();
    for (var c : cases.all()) {
      if (staff.regionScope() == null || staff.regionScope().equals(c.region())) {
        byRegion.computeIfAbsent(c.region(), r -> new ArrayList<>()).add(c);
      }
    }
    List<RegionReport> report = new ArrayList<>();
    byRegion.forEach((region, list) -> {
      var closed = list.stream().filter(c -> c.closedAt() != null).toList();
      report.add(new RegionReport(region, list.size(), list.size() - closed.size(),
          count(closed, RetentionOutcome.KEPT), count(closed, RetentionOutcome.CANCELLED_BY_CUSTOMER),
          count(closed, RetentionOutcome.CANCELLED_UNREACHED), count(closed, RetentionOutcome.STOPPED_CONTACT),
          closed.isEmpty() ? null : round(closed.stream().mapToInt(RetentionCaseRepository.RetentionCase::attempts).average().orElse(0)),
          closed.isEmpty() ? null : round(closed.stream()
              .mapToDouble(c -> Duration.between(c.openedAt(), c.closedAt()).toMinutes() / 1440.0).average().orElse(0))));
    });
    report.sort(Comparator.comparing(RegionReport::region));
    return report;
  }

  private static int count(List<RetentionCaseRepository.RetentionCase> cases, RetentionOutcome outcome) {
    return (int) cases.stream().filter(c -> outcome.name().equals(c.outcome())).count();
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
