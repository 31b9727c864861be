package com.drivecare.retention;

import static com.drivecare.retention.RetentionProcess.*;

import com.drivecare.contact.ContactLog;
import com.drivecare.contact.Direction;
import com.drivecare.contact.NotificationService;
import com.drivecare.customer.Channel;
import com.drivecare.customer.Customer;
import com.drivecare.customer.CustomerRepository;
import com.drivecare.customer.Reservation;
import com.drivecare.customer.ReservationRepository;
import com.drivecare.customer.ReservationStatus;
import com.drivecare.people.AssignmentService;
import com.drivecare.people.Groups;
import com.drivecare.people.StaffMember;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of {@code reservation-retention}: each reads variables, calls a service and
 * writes variables. Those with side effects sit behind {@code asyncBefore} in the diagram and are
 * idempotent (conditional status changes, insert-if-absent, idempotency keys).
 */
@Configuration(proxyBeanMethods = false)
class RetentionDelegates {

  private static final int MAX_TIMELINE = 3800;
  private static final String EARLIER = "- _(earlier entries: see the case timeline)_\n";

  private final CustomerRepository customers;
  private final ReservationRepository reservations;
  private final RetentionCaseRepository cases;
  private final AssignmentService assignment;
  private final CallPlanner planner;
  private final ContactLog contactLog;
  private final NotificationService notifications;
  private final Clock clock;
  private final com.drivecare.contact.CaseViewService caseViews;

  RetentionDelegates(CustomerRepository customers, ReservationRepository reservations, RetentionCaseRepository cases,
      AssignmentService assignment, CallPlanner planner, ContactLog contactLog, NotificationService notifications,
      Clock clock, com.drivecare.contact.CaseViewService caseViews) {
    this.caseViews = caseViews;
    this.customers = customers;
    this.reservations = reservations;
    this.cases = cases;
    this.assignment = assignment;
    this.planner = planner;
    this.contactLog = contactLog;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** {@code Task_OpenCase}: the case owner (least loaded of the ladder's first role in the region) and the case row. */
  @Bean("openRetentionCase")
  JavaDelegate openRetentionCase() {
    return execution -> {
      LadderConfig ladder = ladder(execution);
      Customer customer = customer(execution);
      String owner = assignment.leastLoaded(customer.region(), ladder.caseOwnerRole());
      StaffMember ownerContact = assignment.staffMember(owner).orElseThrow();
      cases.open(execution.getProcessBusinessKey(), customer.id(), customer.region(), owner,
          execution.getProcessInstanceId(), (String) execution.getVariable(VAR_REASON), clock.instant());
      execution.setVariable(VAR_CASE_OWNER, owner);
      execution.setVariable(VAR_CASE_OWNER_NAME, ownerContact.name());
      execution.setVariable(VAR_CUSTOMER_NAME, customer.name());
      contactLog.record(execution.getProcessBusinessKey(), customer.id(), Channel.WEB, Direction.INBOUND,
          (String) execution.getVariable("requestedBy"), "CANCELLATION_REQUESTED",
          "Case owner: " + ownerContact.name() + reason(execution));
    };
  }

  /** {@code Task_PlanNextCall}: which stage calls next, when and by when — or that the ladder ends. */
  @Bean("planNextCall")
  JavaDelegate planNextCall() {
    return execution -> {
      LadderConfig ladder = ladder(execution);
      Customer customer = customer(execution);
      CallPlanner.Previous previous = execution.getVariable(VAR_STAGE) == null ? null : new CallPlanner.Previous(
          Stage.valueOf((String) execution.getVariable(VAR_STAGE)), (Integer) execution.getVariable(VAR_STAGE_ATTEMPT),
          (Integer) execution.getVariable(VAR_TOTAL_ATTEMPTS), LocalDate.parse((String) execution.getVariable("callDay")));
      Object outcome = execution.getVariable(VAR_CALL_OUTCOME);
      Date callbackAt = (Date) execution.getVariable(VAR_CALLBACK_AT);
      Instant now = clock.instant();
      CallPlanner.Plan plan = planner.plan(ladder, customer, previous,
          outcome == null ? null : CallOutcome.valueOf(outcome.toString()),
          callbackAt == null ? null : callbackAt.toInstant(),
          ((Date) execution.getVariable(VAR_REQUESTED_AT)).toInstant(), now,
          Boolean.TRUE.equals(execution.getVariable("callLogReviewed")));
      execution.setVariable(VAR_NEXT_STEP, plan.nextStep());
      if (RetentionProcess.NEXT_WRITTEN_ROUTE.equals(plan.nextStep())) {
        Instant cancellation = now.plus(java.time.Duration.ofDays(ladder.doNotCallWaitDays()));
        execution.setVariable(VAR_CANCELLATION_DATE, Date.from(cancellation));
        execution.setVariable("cancellationDay", cancellation.atZone(ZoneId.of(customer.timeZone())).toLocalDate().toString());
      }
      if (!RetentionProcess.NEXT_CALL.equals(plan.nextStep())) {
        return;
      }
      String owner = cases.byInstance(execution.getProcessInstanceId()).orElseThrow().caseOwner();
      String caller = switch (plan.stage()) {
        case CASE_OWNER -> owner;
        case MANAGER -> Groups.MANAGERS.equals(ladder.managerRole())
            ? assignment.managerOf(owner).orElseGet(() -> assignment.leastLoaded(customer.region(), ladder.managerRole()))
            : assignment.leastLoaded(customer.region(), ladder.managerRole());
        case REGIONAL_MANAGER -> Groups.REGIONAL_MANAGERS.equals(ladder.regionalManagerRole())
            ? assignment.regionalManagerOf(customer.region())
                .orElseGet(() -> assignment.leastLoaded(customer.region(), ladder.regionalManagerRole()))
            : assignment.leastLoaded(customer.region(), ladder.regionalManagerRole());
      };
      execution.setVariable(VAR_STAGE, plan.stage().name());
      execution.setVariable(VAR_STAGE_ATTEMPT, plan.stageAttempt());
      execution.setVariable(VAR_STAGE_ATTEMPTS, plan.stageAttempts());
      execution.setVariable(VAR_TOTAL_ATTEMPTS, plan.totalAttempts());
      execution.setVariable("callDay", plan.callDay().toString());
      execution.setVariable(VAR_NEXT_CALL_AT, Date.from(plan.nextCallAt()));
      execution.setVariable(VAR_CALL_DEADLINE, Date.from(plan.deadline()));
      execution.setVariable(VAR_REVIEW_FIRST, plan.reviewFirst());
      execution.setVariable(VAR_CALLER, caller);
      execution.setVariable(VAR_ATTEMPT_LABEL, plan.label() + " (call " + plan.totalAttempts() + " of at most "
          + ladder.totalCap() + ")");
      // in the zone of the region's agents, who call him; the form says which zone that is
      execution.setVariable(VAR_CALL_TIMELINE, timeline(execution.getProcessBusinessKey(), caseViews.regionZone(customer.region())));
      // the outcome of the last call has been used; the next task starts with a clean form
      execution.removeVariable(VAR_CALL_OUTCOME);
      execution.removeVariable(VAR_CALLBACK_AT);
      execution.removeVariable(VAR_CALL_NOTE);
    };
  }

  /** {@code Task_RecordCallOutcome}: the call on the timeline; stop-contact sets do-not-call. */
  @Bean("recordCallOutcome")
  JavaDelegate recordCallOutcome() {
    return execution -> {
      CallOutcome outcome = CallOutcome.valueOf((String) execution.getVariable(VAR_CALL_OUTCOME));
      long customerId = customerId(execution);
      String note = (String) execution.getVariable(VAR_CALL_NOTE);
      Date callbackAt = (Date) execution.getVariable(VAR_CALLBACK_AT);
      contactLog.record(execution.getProcessBusinessKey(), customerId, Channel.CALL, Direction.OUTBOUND,
          (String) execution.getVariable(VAR_CALLER), outcome.name(), execution.getVariable(VAR_ATTEMPT_LABEL)
              + (callbackAt != null && outcome == CallOutcome.CALLBACK_REQUESTED ? " — call back at " + callbackAt.toInstant() : "")
              + (note == null || note.isBlank() ? "" : " — " + note));
      cases.countAttempt(execution.getProcessInstanceId());
      if (outcome == CallOutcome.STOP_CONTACT) {
        customers.setDoNotCall(customerId, true);
      }
    };
  }

  /** {@code Task_RecordMissedCall}: a call (or review) nobody made by the end of its day; the agent's manager is told. */
  @Bean("recordMissedCall")
  JavaDelegate recordMissedCall() {
    return execution -> {
      String caller = (String) execution.getVariable(VAR_CALLER);
      String label = (String) execution.getVariable(VAR_ATTEMPT_LABEL);
      contactLog.record(execution.getProcessBusinessKey(), customerId(execution), Channel.CALL, Direction.OUTBOUND,
          caller, "MISSED", label + " — not made by the end of its day");
      cases.countAttempt(execution.getProcessInstanceId());
      String agentName = assignment.staffMember(caller).map(StaffMember::name).orElse(caller);
      assignment.managerOf(caller).ifPresent(manager -> notifications.requestForStaff("retention-missed-call", manager,
          execution.getProcessBusinessKey(), com.drivecare.contact.SendNotificationDelegate.stepKey(execution),
          Map.of("agentName", agentName, "attemptLabel", label, "customerName", execution.getVariable(VAR_CUSTOMER_NAME))));
    };
  }

  /** {@code Task_KeepReservation}: the reservation is active again; the case closes as kept. */
  @Bean("keepReservation")
  JavaDelegate keepReservation() {
    return execution -> {
      String number = execution.getProcessBusinessKey();
      reservations.changeStatus(number, ReservationStatus.CANCELLATION_REQUESTED, ReservationStatus.ACTIVE, clock.instant());
      cases.close(execution.getProcessInstanceId(), RetentionOutcome.KEPT, clock.instant());
      execution.setVariable(VAR_RETENTION_OUTCOME, RetentionOutcome.KEPT.name());
      contactLog.record(number, customerId(execution), Channel.WEB, Direction.OUTBOUND, "drivecare", "RESERVATION_KEPT",
          "The reservation stays active");
    };
  }

  /**
   * {@code Task_CancelReservation}: the cancellation is honoured and the deposit refund requested.
   * The outcome comes from an input parameter, or from the last call.
   */
  @Bean("cancelReservation")
  JavaDelegate cancelReservation() {
    return execution -> {
      String number = execution.getProcessBusinessKey();
      Reservation reservation = reservations.find(number).orElseThrow();
      RetentionOutcome outcome = outcome(execution);
      reservations.changeStatus(number, ReservationStatus.CANCELLATION_REQUESTED, ReservationStatus.CANCELLED, clock.instant());
      if (reservations.find(number).orElseThrow().status() != ReservationStatus.CANCELLED) {
        // kept in the meantime: no refund, no letter; an operator sees why in Cockpit
        throw new IllegalStateException("Reservation " + number + " is " + reservations.find(number).orElseThrow().status()
            + " and cannot be cancelled by this case");
      }
      cases.requestRefund(number, reservation.deposit(), reservation.currency(), clock.instant());
      cases.close(execution.getProcessInstanceId(), outcome, clock.instant());
      execution.setVariable(VAR_RETENTION_OUTCOME, outcome.name());
      execution.setVariable("deposit", reservation.deposit().toPlainString());
      execution.setVariable("currency", reservation.currency());
      contactLog.record(number, customerId(execution), Channel.WEB, Direction.OUTBOUND, "drivecare",
          "RESERVATION_CANCELLED", outcome.name() + "; refund of " + reservation.deposit().toPlainString() + " "
              + reservation.currency() + " requested");
    };
  }

  private RetentionOutcome outcome(DelegateExecution execution) {
    Object explicit = execution.getVariableLocal(VAR_RETENTION_OUTCOME);
    if (explicit != null) {
      return RetentionOutcome.valueOf(explicit.toString());
    }
    Object call = execution.getVariable(VAR_CALL_OUTCOME);
    if (CallOutcome.CANCELLATION_CONFIRMED.name().equals(call)) {
      return RetentionOutcome.CANCELLED_BY_CUSTOMER;
    }
    if (CallOutcome.STOP_CONTACT.name().equals(call)) {
      return RetentionOutcome.STOPPED_CONTACT;
    }
    return RetentionOutcome.CANCELLED_UNREACHED;
  }

  private String timeline(String businessKey, ZoneId zone) {
    List<String> entries = caseViews.timelineSentences(businessKey, zone);
    if (entries.isEmpty()) {
      return "_Nothing logged yet._";
    }
    StringBuilder sb = new StringBuilder();
    for (String e : entries) {
      sb.append("- ").append(e).append('\n');
    }
    // a string variable holds 4,000 characters: keep the most recent entries
    while (sb.length() > MAX_TIMELINE) {
      sb.delete(0, sb.indexOf("\n") + 1);
      if (sb.indexOf(EARLIER) != 0) {
        sb.insert(0, EARLIER);
      }
    }
    return sb.toString();
  }

  private LadderConfig ladder(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) execution.getVariable(VAR_LADDER);
    return LadderConfig.from(result);
  }

  private Customer customer(DelegateExecution execution) {
    long id = customerId(execution);
    return customers.find(id).orElseThrow(() -> new IllegalStateException("Customer " + id + " no longer exists"));
  }

  /** The customer of the reservation the case is about (its business key) — never from a variable. */
  private long customerId(DelegateExecution execution) {
    return reservations.find(execution.getProcessBusinessKey()).orElseThrow(
        () -> new IllegalStateException("No reservation " + execution.getProcessBusinessKey())).customerId();
  }

  /** Complete-listener of {@code Task_ReviewCallLog}: the manager's review is on the timeline, in the same transaction. */
  @Bean("recordReview")
  org.camunda.bpm.engine.delegate.TaskListener recordReview() {
    return task -> {
      Object note = task.getVariable("reviewNote");
      contactLog.record(task.getExecution().getProcessBusinessKey(), customerId(task.getExecution()), Channel.CALL,
          Direction.OUTBOUND, task.getAssignee() != null ? task.getAssignee() : String.valueOf(task.getVariable(VAR_CALLER)),
          "CALL_LOG_REVIEWED", note == null || note.toString().isBlank() ? null : note.toString());
    };
  }

  private static String reason(DelegateExecution execution) {
    return " — reason: " + execution.getVariable(VAR_REASON);
  }
}
