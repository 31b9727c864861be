package com.drivecare.retention;

import static com.drivecare.retention.RetentionProcess.*;

import com.drivecare.contact.CaseViewService;
import com.drivecare.customer.Channel;
import com.drivecare.contact.ContactLog;
import com.drivecare.contact.Direction;
import com.drivecare.contact.NotificationService;
import com.drivecare.customer.Customer;
import com.drivecare.customer.CustomerRepository;
import com.drivecare.customer.Reservation;
import com.drivecare.customer.ReservationRepository;
import com.drivecare.customer.ReservationStatus;
import com.drivecare.people.StaffMember;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What happens to a retention case as its process moves on: the case record, the reservation, the
 * customer's timeline and the messages to staff. The process steps call it with what they read from
 * the process and set what it returns; it knows nothing of executions. Each write is conditional,
 * insert-if-absent or keyed ({@code key}: the step's idempotency key), so a retried job changes
 * nothing twice. The customer is always the one of the reservation (the business key).
 */
@Service
class RetentionCaseProgress {

  private static final String SYSTEM = "drivecare";

  private final CustomerRepository customers;
  private final ReservationRepository reservations;
  private final RetentionCaseRepository cases;
  private final LadderStaffing staffing;
  private final CallPlanner planner;
  private final ContactLog contactLog;
  private final NotificationService notifications;
  private final CaseViewService caseViews;
  private final Clock clock;

  RetentionCaseProgress(CustomerRepository customers, ReservationRepository reservations,
      RetentionCaseRepository cases, LadderStaffing staffing, CallPlanner planner, ContactLog contactLog,
      NotificationService notifications, CaseViewService caseViews, Clock clock) {
    this.customers = customers;
    this.reservations = reservations;
    this.cases = cases;
    this.staffing = staffing;
    this.planner = planner;
    this.contactLog = contactLog;
    this.notifications = notifications;
    this.caseViews = caseViews;
    this.clock = clock;
  }

  record Opened(String caseOwner, String caseOwnerName, String customerName) {}

  /**
   * What comes next: the plan, and for a call who makes it, the task's label and the timeline the
   * caller reads; for the written route, when the cancellation is honoured (instant and the
   * customer's date). Fields that do not apply are null.
   */
  record NextStep(CallPlanner.Plan plan, String caller, String attemptLabel, String timeline,
      Instant cancellationAt, LocalDate cancellationDay) {}

  /** The case of a cancellation request: its owner, the case row and the request on the timeline. */
  Opened open(String number, String processInstance, LadderConfig ladder, String reason, String requestedBy) {
    Customer customer = customer(number);
    String owner = staffing.caseOwner(ladder, customer.region());
    StaffMember ownerContact = staffing.member(owner);
    cases.open(number, customer.id(), customer.region(), owner, processInstance, reason, clock.instant());
    contactLog.record(number, customer.id(), Channel.WEB, Direction.INBOUND, requestedBy, "CANCELLATION_REQUESTED",
        "Case owner: " + ownerContact.name() + " — reason: " + reason);
    return new Opened(owner, ownerContact.name(), customer.name());
  }

  /** Which stage calls next, when and by when, and who — or that the ladder ends, and how. */
  NextStep planNext(String number, String processInstance, LadderConfig ladder, CallPlanner.Previous previous,
      CallOutcome lastOutcome, Instant callbackAt, Instant requestedAt, boolean callLogReviewed) {
    Customer customer = customer(number);
    Instant now = clock.instant();
    CallPlanner.Plan plan = planner.plan(ladder, customer, previous, lastOutcome, callbackAt, requestedAt, now,
        callLogReviewed);
    if (NEXT_WRITTEN_ROUTE.equals(plan.nextStep())) {
      Instant cancellation = ladder.writtenNoticeEnds(now);
      return new NextStep(plan, null, null, null, cancellation,
          cancellation.atZone(ZoneId.of(customer.timeZone())).toLocalDate());
    }
    if (!NEXT_CALL.equals(plan.nextStep())) {
      return new NextStep(plan, null, null, null, null, null);
    }
    String owner = cases.byInstance(processInstance).orElseThrow().caseOwner();
    String caller = staffing.caller(plan.stage(), ladder, owner, customer.region());
    // in the zone of the region's agents, who call him; the form says which zone that is
    ZoneId agentsZone = caseViews.regionZone(customer.region());
    String timeline = CallTimeline.markdown(caseViews.timelineSentences(number, agentsZone));
    return new NextStep(plan, caller, plan.attemptLabel(ladder.totalCap()), timeline, null, null);
  }

  /** The call on the timeline and counted; stop-contact sets do-not-call. */
  void recordCall(String number, String processInstance, CallOutcome outcome, String caller, String attemptLabel,
      String note, Instant callbackAt) {
    long customerId = customerId(number);
    contactLog.record(number, customerId, Channel.CALL, Direction.OUTBOUND, caller, outcome.name(), attemptLabel
        + (callbackAt != null && outcome == CallOutcome.CALLBACK_REQUESTED ? " — call back at " + callbackAt : "")
        + (note == null || note.isBlank() ? "" : " — " + note));
    cases.countAttempt(processInstance);
    if (outcome == CallOutcome.STOP_CONTACT) {
      customers.setDoNotCall(customerId, true);
    }
  }

  /** A call (or review) nobody made by the end of its day: a missed attempt, and the agent's manager is told. */
  void recordMissedCall(String number, String processInstance, String key, String caller, String attemptLabel,
      Object customerName) {
    contactLog.record(number, customerId(number), Channel.CALL, Direction.OUTBOUND, caller, "MISSED",
        attemptLabel + " — not made by the end of its day");
    cases.countAttempt(processInstance);
    String agentName = staffing.name(caller);
    staffing.managerOf(caller).ifPresent(manager -> notifications.requestForStaff("retention-missed-call", manager,
        number, key, Map.of("agentName", agentName, "attemptLabel", attemptLabel, "customerName", customerName)));
  }

  /** The manager's review of the call log is on the timeline. */
  void recordReview(String number, String reviewer, String note) {
    contactLog.record(number, customerId(number), Channel.CALL, Direction.OUTBOUND, reviewer, "CALL_LOG_REVIEWED",
        note == null || note.isBlank() ? null : note);
  }

  /** The reservation is active again; the case closes as kept. */
  void keep(String number, String processInstance) {
    reservations.changeStatus(number, ReservationStatus.CANCELLATION_REQUESTED, ReservationStatus.ACTIVE,
        clock.instant());
    cases.close(processInstance, RetentionOutcome.KEPT, clock.instant());
    contactLog.record(number, customerId(number), Channel.WEB, Direction.OUTBOUND, SYSTEM, "RESERVATION_KEPT",
        "The reservation stays active");
  }

  /**
   * The cancellation is honoured and the deposit refund requested; the case closes with
   * {@code outcome}. A reservation kept in the meantime is not cancelled: no refund, no letter, and
   * the job fails so that an operator sees why in Cockpit. Returns the reservation.
   */
  Reservation cancel(String number, String processInstance, RetentionOutcome outcome) {
    Reservation reservation = reservations.find(number).orElseThrow();
    reservations.changeStatus(number, ReservationStatus.CANCELLATION_REQUESTED, ReservationStatus.CANCELLED,
        clock.instant());
    ReservationStatus now = reservations.find(number).orElseThrow().status();
    if (now != ReservationStatus.CANCELLED) {
      throw new IllegalStateException("Reservation " + number + " is " + now + " and cannot be cancelled by this case");
    }
    cases.requestRefund(number, reservation.deposit(), reservation.currency(), clock.instant());
    cases.close(processInstance, outcome, clock.instant());
    contactLog.record(number, reservation.customerId(), Channel.WEB, Direction.OUTBOUND, SYSTEM,
        "RESERVATION_CANCELLED", outcome.name() + "; refund of " + reservation.deposit().toPlainString() + " "
            + reservation.currency() + " requested");
    return reservation;
  }

  private Customer customer(String number) {
    long id = customerId(number);
    return customers.find(id).orElseThrow(() -> new IllegalStateException("Customer " + id + " no longer exists"));
  }

  /** The customer of the reservation the case is about (its business key) — never from a variable. */
  private long customerId(String number) {
    return reservations.find(number).orElseThrow(() -> new IllegalStateException("No reservation " + number))
        .customerId();
  }
}
