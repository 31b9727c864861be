package com.drivecare.service;

import static com.drivecare.service.ServiceCaseProcess.*;

import com.drivecare.customer.Channel;
import com.drivecare.contact.ContactLog;
import com.drivecare.contact.Direction;
import com.drivecare.contact.NotificationRequest;
import com.drivecare.contact.NotificationService;
import com.drivecare.people.StaffMember;
import com.drivecare.service.ServiceCaseWording.Grants;
import com.drivecare.service.SlaCalculator.SlaClocks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What happens to a service case as its process moves on: the case record, the customer's timeline
 * and the messages to him and to staff. The process steps call it with what they read from the
 * process and set what it returns; it knows nothing of executions. Each write is conditional or
 * keyed ({@code key}: the step's idempotency key), so a retried job changes nothing twice.
 * {@code values} are the simple variables of the case that message templates may use.
 */
@Service
class ServiceCaseProgress {

  private static final String SYSTEM = "drivecare";

  private final ServiceCaseRepository cases;
  private final ServiceCaseStaffing staffing;
  private final SlaCalculator sla;
  private final ServiceCaseWording wording;
  private final NotificationService notifications;
  private final ContactLog contactLog;
  private final TaskService taskService;
  private final Clock clock;

  ServiceCaseProgress(ServiceCaseRepository cases, ServiceCaseStaffing staffing, SlaCalculator sla,
      ServiceCaseWording wording, NotificationService notifications, ContactLog contactLog, TaskService taskService,
      Clock clock) {
    this.cases = cases;
    this.staffing = staffing;
    this.sla = sla;
    this.wording = wording;
    this.notifications = notifications;
    this.contactLog = contactLog;
    this.taskService = taskService;
    this.clock = clock;
  }

  /** The case as opened: its owner, SLA clocks and what it covers in English and French. */
  record Opened(String owner, String ownerName, SlaClocks clocks, String coverage, String coverageFrench) {}

  /** The escalation announced: by when it is answered, and who decides in the pilot (null elsewhere). */
  record Announced(Instant answerBy, String manager) {}

  /** The case gets its one owner and its SLA clocks; the timeline says who owns it and at which tier. */
  Opened open(String number, String processInstance, String region, Instant openedAt, Entitlements entitlements,
      boolean pilot) {
    String owner = staffing.owner(region);
    StaffMember ownerContact = staffing.member(owner);
    SlaClocks clocks = sla.clocks(entitlements, openedAt, region);
    cases.opened(number, owner, entitlements.tier(), pilot, processInstance);
    contactLog.record(number, serviceCase(number).customerId(), Channel.WEB, Direction.OUTBOUND, SYSTEM,
        "CASE_OWNER_ASSIGNED", ownerContact.name() + " owns the case; tier " + entitlements.tier() + " ("
            + entitlements.tierReason() + ")");
    return new Opened(owner, ownerContact.name(), clocks, wording.coverage(entitlements, Locale.ENGLISH),
        wording.coverage(entitlements, Locale.FRENCH));
  }

  /** Staff notification to the customer's sales advisor, if he has one ({@code event}: opened or closed). */
  void informSalesAdvisor(String number, String key, String advisor, String event, Map<String, Object> values) {
    if (advisor != null) {
      notifications.requestForStaff("service-advisor-" + event, advisor, number, key, values);
    }
  }

  /** What the owner arranged goes to the customer in writing; when he needed nothing, that is on the timeline. */
  void confirmMobility(String number, String key, boolean notNeeded, String arranged, Map<String, Object> values) {
    ServiceCaseRepository.ServiceCase c = serviceCase(number);
    if (notNeeded) {
      contactLog.record(number, c.customerId(), Channel.CALL, Direction.OUTBOUND, c.caseOwner(), "NO_MOBILITY_NEEDED",
          null);
      return;
    }
    if (arranged == null || arranged.isBlank()) {
      throw new IllegalStateException(TASK_ARRANGE_MOBILITY + " completed without arrangements or 'not needed'");
    }
    notifications.request(new NotificationRequest("service-mobility-confirmed", c.customerId(), number, key, null,
        c.caseOwner(), values, false));
  }

  /**
   * The first-response clock stops at {@code at}, the moment the owner completed the contact task
   * (not when this job ran), or now when that is unknown. Returns the moment recorded.
   */
  Instant firstResponse(String number, Instant at, String note) {
    Instant when = at != null ? at : clock.instant();
    ServiceCaseRepository.ServiceCase c = serviceCase(number);
    cases.firstResponse(number, when);
    contactLog.record(number, c.customerId(), Channel.CALL, Direction.OUTBOUND, c.caseOwner(), "FIRST_RESPONSE", note);
    return when;
  }

  /**
   * Whether an SLA ({@link ServiceCaseProcess#SLA_FIRST_RESPONSE} or {@link ServiceCaseProcess#SLA_RESOLUTION})
   * is met: the first response once given (the contact task completed), the resolution once recorded.
   */
  boolean met(String number, String slaName, boolean firstResponseGiven) {
    return SLA_FIRST_RESPONSE.equals(slaName)
        ? firstResponseGiven
        : cases.find(number).map(c -> c.resolvedAt() != null).orElse(false);
  }

  /** 75 % of an SLA is gone: the owner is warned, unless it is met. */
  void warn(String number, String key, String slaName, boolean firstResponseGiven, Object due,
      Map<String, Object> values) {
    if (met(number, slaName, firstResponseGiven)) {
      return;
    }
    Map<String, Object> warning = new HashMap<>(values);
    warning.put("sla", ServiceCaseWording.slaName(slaName));
    warning.put("due", String.valueOf(due));
    notifications.requestForStaff("service-sla-warning", serviceCase(number).caseOwner(), number, key, warning);
  }

  /**
   * An SLA is breached, unless already met: counted and logged, and the service manager who steps
   * in is returned; empty when the SLA was met after all.
   */
  Optional<String> breach(String number, String slaName, boolean firstResponseGiven, String region) {
    if (met(number, slaName, firstResponseGiven)) {
      return Optional.empty();
    }
    cases.slaBreached(number);
    String manager = staffing.interventionManager(region);
    contactLog.record(number, serviceCase(number).customerId(), Channel.WEB, Direction.OUTBOUND, SYSTEM,
        "SLA_BREACHED", slaName);
    return Optional.of(manager);
  }

  /** The customer hears where his case stands without asking: the open steps he reads about, and the owner's line. */
  void sendStatusUpdate(String number, String key, String processInstance, Locale locale, String personalLine,
      Map<String, Object> values) {
    List<String> open = taskService.createTaskQuery().processInstanceId(processInstance).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
    Map<String, Object> update = new HashMap<>(values);
    update.put("currentStep", wording.currentSteps(open, locale));
    update.put(VAR_PERSONAL_LINE, personalLine == null ? "" : "\n\n" + personalLine);
    ServiceCaseRepository.ServiceCase c = serviceCase(number);
    notifications.request(new NotificationRequest("service-status-update", c.customerId(), number, key, null,
        c.caseOwner(), update, true));
  }

  /**
   * A customer's escalation arrives: in the pilot, his owner's manager decides (the customer is told
   * who and by when); elsewhere the owner gets a priority task and the customer is told so. The
   * owner stays the owner and is told either way. In and out of the pilot, the escalation is
   * answered within {@code answerHours}.
   */
  Announced announceEscalation(String number, String key, boolean inPilot, int answerHours, String region,
      ZoneId customerZone, Map<String, Object> values) {
    ServiceCaseRepository.ServiceCase c = serviceCase(number);
    String owner = c.caseOwner();
    Instant answerBy = sla.answerDue(clock.instant(), answerHours);
    Map<String, Object> message = new HashMap<>(values);
    String manager = null;
    if (inPilot) {
      manager = staffing.escalationManager(owner, region);
      message.put("managerName", staffing.name(manager, manager));
      message.put("answerBy", ServiceCaseWording.localTime(answerBy, customerZone));
    }
    notifications.request(new NotificationRequest(inPilot ? "service-escalation-pilot" : "service-escalation-priority",
        c.customerId(), number, key + ":customer", null, owner, message, false));
    notifications.requestForStaff("service-escalation-owner", owner, number, key + ":owner", message);
    return new Announced(answerBy, manager);
  }

  /**
   * The manager did not answer in time: the decision task goes to the region's regional manager
   * with a new deadline, the timeline says so and the customer hears who decides now. Returns him.
   */
  String handToRegionalManager(String number, String key, String processInstance, String region, int answerHours,
      ZoneId customerZone, Map<String, Object> values) {
    ServiceCaseRepository.ServiceCase c = serviceCase(number);
    String regional = staffing.regionalManager(region);
    Instant answerBy = sla.answerDue(clock.instant(), answerHours);
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstance)
        .taskDefinitionKey(TASK_MANAGER_DECISION).list()) {
      if (!regional.equals(task.getAssignee())) {
        contactLog.record(number, c.customerId(), Channel.WEB, Direction.OUTBOUND, SYSTEM, "ESCALATION_HANDED_OVER",
            task.getAssignee() + " did not answer in time; now " + regional);
        task.setAssignee(regional);
        task.setDueDate(Date.from(answerBy));
        taskService.saveTask(task);
      }
    }
    Map<String, Object> message = new HashMap<>(values);
    message.put("managerName", staffing.name(regional, regional));
    message.put("answerBy", ServiceCaseWording.localTime(answerBy, customerZone));
    notifications.request(new NotificationRequest("service-escalation-pilot", c.customerId(), number, key, null,
        c.caseOwner(), message, false));
    return regional;
  }

  /** The escalation's answer is recorded and sent to the customer (in English and French), and logged. */
  void decideEscalation(String number, String key, long escalationId, String decidedBy, Grants grants,
      Map<String, Object> values) {
    ServiceCaseRepository.ServiceCase c = serviceCase(number);
    String decision = wording.decision(grants, Locale.ENGLISH);
    cases.decideEscalation(escalationId, decidedBy, decision, clock.instant());
    Map<String, Object> message = new HashMap<>(values);
    message.put("decision", decision);
    message.put("decision_fr", wording.decision(grants, Locale.FRENCH));
    message.put("managerName", staffing.name(decidedBy, decidedBy));
    notifications.request(new NotificationRequest("service-escalation-decision", c.customerId(), number, key, null,
        c.caseOwner(), message, false));
    contactLog.record(number, c.customerId(), Channel.WEB, Direction.OUTBOUND, decidedBy, "ESCALATION_DECIDED",
        decision);
  }

  /** Closes a non-pilot escalation once the owner followed it up. */
  void closePriorityEscalation(String number, long escalationId, String followUpNote) {
    cases.decideEscalation(escalationId, serviceCase(number).caseOwner(),
        followUpNote == null ? "followed up by the case owner" : followUpNote, clock.instant());
  }

  /** The owner's decision on an expense is recorded, the customer told and the timeline written. */
  void decideExpense(String number, String key, long expenseId, boolean approved, String reason, Object amount,
      Map<String, Object> values) {
    ServiceCaseRepository.ServiceCase c = serviceCase(number);
    String decidedBy = c.caseOwner();
    cases.decideExpense(expenseId, approved, decidedBy, reason, clock.instant());
    Map<String, Object> message = new HashMap<>(values);
    message.put(VAR_EXPENSE_DECISION_NOTE, reason == null ? "" : reason);
    notifications.request(new NotificationRequest(approved ? "service-expense-approved" : "service-expense-refused",
        c.customerId(), number, key, null, decidedBy, message, false));
    contactLog.record(number, c.customerId(), Channel.WEB, Direction.OUTBOUND, decidedBy,
        approved ? "EXPENSE_APPROVED" : "EXPENSE_REFUSED", amount + " " + (reason == null ? "" : reason));
  }

  /** The case is resolved: the clock stops, and the customer is told. */
  void resolved(String number, String key, String resolution, Map<String, Object> values) {
    ServiceCaseRepository.ServiceCase c = serviceCase(number);
    cases.resolved(number, clock.instant());
    notifications.request(new NotificationRequest("service-case-resolved", c.customerId(), number, key, null,
        c.caseOwner(), values, false));
    contactLog.record(number, c.customerId(), Channel.WEB, Direction.OUTBOUND, c.caseOwner(), "CASE_RESOLVED",
        resolution);
  }

  /** A manager of customer relations answers a dissatisfied customer personally, and tags the root cause. */
  void personalReply(String number, String key, String reviewer, Object rootCause, Map<String, Object> values) {
    ServiceCaseRepository.ServiceCase c = serviceCase(number);
    Map<String, Object> message = new HashMap<>(values);
    message.put("replySignature", staffing.name(reviewer, "Customer relations"));
    notifications.request(new NotificationRequest("service-personal-reply", c.customerId(), number, key, null,
        reviewer, message, false));
    contactLog.record(number, c.customerId(), Channel.WEB, Direction.OUTBOUND, reviewer, "MANAGEMENT_REVIEW",
        "root cause: " + rootCause);
  }

  void satisfaction(String number, int score, String comment) {
    ServiceCaseRepository.ServiceCase c = serviceCase(number);
    cases.satisfaction(number, score);
    contactLog.record(number, c.customerId(), Channel.CALL, Direction.OUTBOUND, c.caseOwner(), "SATISFACTION_" + score,
        comment);
  }

  void closed(String number) {
    cases.closed(number, clock.instant());
    contactLog.record(number, serviceCase(number).customerId(), Channel.WEB, Direction.OUTBOUND, SYSTEM,
        "CASE_CLOSED", null);
  }

  /** The case record of the business key: its customer and owner come from here, never from a variable. */
  private ServiceCaseRepository.ServiceCase serviceCase(String number) {
    return cases.find(number).orElseThrow(() -> new IllegalStateException("No service case " + number));
  }
}
