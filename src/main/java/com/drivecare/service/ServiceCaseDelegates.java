package com.drivecare.service;

import static com.drivecare.service.ServiceCaseProcess.*;

import com.drivecare.contact.ContactLog;
import com.drivecare.contact.Direction;
import com.drivecare.contact.NotificationRequest;
import com.drivecare.contact.NotificationService;
import com.drivecare.customer.Channel;
import com.drivecare.people.AssignmentService;
import com.drivecare.people.Groups;
import com.drivecare.people.OrganisationRepository;
import com.drivecare.people.Region;
import com.drivecare.people.StaffMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of {@code service-case}. Those with side effects sit behind {@code asyncBefore}
 * in the diagram; their writes are conditional or keyed, so a retried job changes nothing twice.
 */
@Configuration(proxyBeanMethods = false)
class ServiceCaseDelegates {

  /** The open steps a customer reads about (phrases {@code service-step.<task id>}); internal steps are not named. */
  private static final List<String> CUSTOMER_STEPS = List.of(TASK_CONTACT_CUSTOMER, TASK_HANDLE_CASE,
      TASK_ARRANGE_MOBILITY, TASK_REVIEW_EXPENSE, TASK_MANAGER_DECISION, TASK_PRIORITY_FOLLOW_UP);

  private final ServiceCaseRepository cases;
  private final AssignmentService assignment;
  private final OrganisationRepository organisation;
  private final WorkingCalendar calendar;
  private final NotificationService notifications;
  private final ContactLog contactLog;
  private final TaskService taskService;
  private final com.drivecare.contact.NotificationTemplates templates;
  private final Clock clock;

  private final com.drivecare.contact.Words words;

  ServiceCaseDelegates(ServiceCaseRepository cases, AssignmentService assignment, OrganisationRepository organisation,
      WorkingCalendar calendar, NotificationService notifications, ContactLog contactLog, TaskService taskService,
      com.drivecare.contact.NotificationTemplates templates, Clock clock, com.drivecare.contact.Words words) {
    this.words = words;
    this.cases = cases;
    this.assignment = assignment;
    this.organisation = organisation;
    this.calendar = calendar;
    this.notifications = notifications;
    this.contactLog = contactLog;
    this.taskService = taskService;
    this.templates = templates;
    this.clock = clock;
  }

  /**
   * {@code Task_OpenServiceCase}: the one owner of the whole case (least-loaded service advisor of
   * the region), the SLA clocks of the tier (in the region's working hours unless round the clock),
   * and the update cadence.
   */
  @Bean("openServiceCase")
  JavaDelegate openServiceCase() {
    return execution -> {
      Map<String, Object> entitlements = map(execution, VAR_ENTITLEMENTS);
      Map<String, Object> pilot = map(execution, VAR_PILOT);
      String region = (String) execution.getVariable(VAR_REGION);
      String owner = assignment.leastLoaded(region, Groups.SERVICE_ADVISORS);
      StaffMember ownerContact = assignment.staffMember(owner).orElseThrow();
      Instant opened = ((Date) execution.getVariable("openedAt")).toInstant();
      boolean roundTheClock = "ROUND_THE_CLOCK".equals(entitlements.get("slaCalendar"));
      ZoneId zone = organisation.region(region).map(Region::timeZone).map(ZoneId::of).orElse(ZoneId.of("UTC"));
      int firstResponse = number(entitlements, "firstResponseHours");
      int resolution = number(entitlements, "resolutionHours");
      execution.setVariable("firstResponseDue", Date.from(after(opened, firstResponse * 60, roundTheClock, region, zone)));
      execution.setVariable("firstResponseWarnAt", Date.from(after(opened, firstResponse * 45, roundTheClock, region, zone)));
      execution.setVariable("resolutionDue", Date.from(after(opened, resolution * 60, roundTheClock, region, zone)));
      execution.setVariable("resolutionWarnAt", Date.from(after(opened, resolution * 45, roundTheClock, region, zone)));
      execution.setVariable("updateCycle", "R/PT" + number(entitlements, "updateCadenceHours") + "H");
      execution.setVariable("tier", entitlements.get("tier"));
      // plain copies for forms and templates, which read simple variables
      for (String name : List.of("tierReason", "hotelClass", "loanerClass")) {
        execution.setVariable(name, String.valueOf(entitlements.get(name)));
      }
      for (String name : List.of("coversTowing", "coversHotel", "coversTravelHome", "coversRepair", "coversIncidentals")) {
        execution.setVariable(name, Boolean.TRUE.equals(entitlements.get(name)) ? "yes" : "no");
      }
      // agents read English; the customer's messages take the words of his language (coverage_fr)
      execution.setVariable("coverage", coverage(entitlements, words, java.util.Locale.ENGLISH));
      execution.setVariable("coverage_fr", coverage(entitlements, words, java.util.Locale.FRENCH));
      execution.setVariable("inPilot", Boolean.TRUE.equals(pilot.get("pilot")));
      execution.setVariable(VAR_CASE_OWNER, owner);
      execution.setVariable("caseOwnerName", ownerContact.name());
      cases.opened(execution.getProcessBusinessKey(), owner, (String) entitlements.get("tier"),
          Boolean.TRUE.equals(pilot.get("pilot")), execution.getProcessInstanceId());
      contactLog.record(execution.getProcessBusinessKey(), customerId(execution), Channel.WEB, Direction.OUTBOUND,
          "drivecare", "CASE_OWNER_ASSIGNED", ownerContact.name() + " owns the case; tier " + entitlements.get("tier")
              + " (" + entitlements.get("tierReason") + ")");
    };
  }

  /** Staff notification to the customer's sales advisor ({@code advisorEvent}: opened or closed). */
  @Bean("informSalesAdvisor")
  JavaDelegate informSalesAdvisor() {
    return execution -> {
      Object advisor = execution.getVariable("salesAdvisor");
      if (advisor == null) {
        return;
      }
      notifications.requestForStaff("service-advisor-" + execution.getVariable("advisorEvent"), advisor.toString(),
          execution.getProcessBusinessKey(), key(execution), templateValues(execution));
    };
  }

  /**
   * {@code Task_ConfirmMobility}: what the owner arranged goes to the customer in writing; when the
   * customer needed nothing, that is on the timeline instead.
   */
  @Bean("confirmMobility")
  JavaDelegate confirmMobility() {
    return execution -> {
      if (Boolean.TRUE.equals(execution.getVariable("mobilityNotNeeded"))) {
        contactLog.record(execution.getProcessBusinessKey(), customerId(execution), Channel.CALL, Direction.OUTBOUND,
            caseOwner(execution), "NO_MOBILITY_NEEDED", null);
        return;
      }
      Object arranged = execution.getVariable("mobilityArrangements");
      if (arranged == null || arranged.toString().isBlank()) {
        throw new IllegalStateException("Task_ArrangeMobility completed without arrangements or 'not needed'");
      }
      notifications.request(new NotificationRequest("service-mobility-confirmed", customerId(execution),
          execution.getProcessBusinessKey(), key(execution), null, caseOwner(execution),
          templateValues(execution), false));
    };
  }

  /** {@code Task_RecordFirstResponse}: the first-response clock stops. */
  @Bean("recordFirstResponse")
  JavaDelegate recordFirstResponse() {
    return execution -> {
      // the moment the owner completed the contact task (set by its listener), not when this job ran
      Object at = execution.getVariable(VAR_FIRST_RESPONSE_AT);
      Instant when = at instanceof Date d ? d.toInstant() : clock.instant();
      cases.firstResponse(execution.getProcessBusinessKey(), when);
      execution.setVariable(VAR_FIRST_RESPONSE_AT, Date.from(when));
      Object note = execution.getVariable("contactNote");
      contactLog.record(execution.getProcessBusinessKey(), customerId(execution), Channel.CALL, Direction.OUTBOUND,
          caseOwner(execution), "FIRST_RESPONSE", note == null ? null : note.toString());
    };
  }

  /** 75 % of an SLA is gone ({@code sla}: FIRST_RESPONSE or RESOLUTION): the owner is warned, unless it is met. */
  @Bean("slaWarning")
  JavaDelegate slaWarning() {
    return execution -> {
      String sla = (String) execution.getVariable("sla");
      if (met(execution, sla)) {
        return;
      }
      Map<String, Object> values = templateValues(execution);
      values.put("sla", sla.equals("FIRST_RESPONSE") ? "first response" : "resolution");
      values.put("due", execution.getVariable(sla.equals("FIRST_RESPONSE") ? "firstResponseDue" : "resolutionDue").toString());
      notifications.requestForStaff("service-sla-warning", caseOwner(execution),
          execution.getProcessBusinessKey(), key(execution), values);
    };
  }

  @Bean("recordFirstResponseBreach")
  JavaDelegate recordFirstResponseBreach() {
    return execution -> recordSlaBreach(execution, "FIRST_RESPONSE");
  }

  @Bean("recordResolutionBreach")
  JavaDelegate recordResolutionBreach() {
    return execution -> recordSlaBreach(execution, "RESOLUTION");
  }

  /** An SLA is breached, unless already met: counted, logged, and {@code slaBreached} routes to the managers. */
  private void recordSlaBreach(DelegateExecution execution, String sla) {
    {
      boolean breached = !met(execution, sla);
      // local to this breach's path: a first-response and a resolution breach never share them
      execution.setVariableLocal("slaBreached", breached);
      if (breached) {
        cases.slaBreached(execution.getProcessBusinessKey());
        execution.setVariableLocal("interventionManager",
            assignment.leastLoaded((String) execution.getVariable(VAR_REGION), Groups.SERVICE_MANAGERS));
        execution.setVariableLocal("breachedSla", sla);
        contactLog.record(execution.getProcessBusinessKey(), customerId(execution), Channel.WEB, Direction.OUTBOUND,
            "drivecare", "SLA_BREACHED", sla);
      }
    }
  }

  /** {@code Task_SendStatusUpdate}: the customer hears where his case stands without asking. */
  @Bean("sendStatusUpdate")
  JavaDelegate sendStatusUpdate() {
    return execution -> {
      List<String> open = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()
          .stream().map(Task::getTaskDefinitionKey).filter(CUSTOMER_STEPS::contains).distinct()
          .map(k -> templates.phrase("service-step." + k,
              java.util.Locale.forLanguageTag(String.valueOf(execution.getVariable("customerLanguage")))))
          .toList();
      Map<String, Object> values = templateValues(execution);
      values.put("currentStep", open.isEmpty()
          ? templates.phrase("service-step.none", java.util.Locale.forLanguageTag(String.valueOf(execution.getVariable("customerLanguage"))))
          : String.join(", ", open));
      Object line = execution.getVariable("personalLine");
      values.put("personalLine", line == null ? "" : "\n\n" + line);
      notifications.request(new NotificationRequest("service-status-update", customerId(execution),
          execution.getProcessBusinessKey(), key(execution), null, caseOwner(execution),
          values, true));
      execution.getProcessInstance().removeVariable("personalLine");
    };
  }

  /**
   * A customer's escalation arrives: in the pilot, his owner's manager decides (the customer is told
   * who and by when); elsewhere the owner gets a priority task and the customer is told so. The owner
   * stays the owner and is told either way.
   */
  @Bean("announceEscalation")
  JavaDelegate announceEscalation() {
    return execution -> {
      String owner = caseOwner(execution);
      boolean inPilot = Boolean.TRUE.equals(execution.getVariable("inPilot"));
      Map<String, Object> values = templateValues(execution);
      // in and out of the pilot, the escalation is answered within the pilot table's hours
      int hours = number(map(execution, VAR_PILOT), "managerAnswerHours");
      Instant answerBy = clock.instant().plus(Duration.ofHours(hours));
      execution.setVariable("managerAnswerDue", Date.from(answerBy));
      if (inPilot) {
        String region = (String) execution.getVariable(VAR_REGION);
        String manager = assignment.managerOf(owner).orElseGet(() -> assignment.leastLoaded(region, Groups.SERVICE_MANAGERS));
        execution.setVariable(VAR_ESCALATION_MANAGER, manager);
        values.put("managerName", assignment.staffMember(manager).map(StaffMember::name).orElse(manager));
        values.put("answerBy", answerBy.atZone(ZoneId.of((String) execution.getVariable("customerTimeZone")))
            .toLocalDateTime().withSecond(0).withNano(0).toString().replace('T', ' '));
      }
      notifications.request(new NotificationRequest(inPilot ? "service-escalation-pilot" : "service-escalation-priority",
          customerId(execution), execution.getProcessBusinessKey(), key(execution) + ":customer", null, owner, values,
          false));
      notifications.requestForStaff("service-escalation-owner", owner, execution.getProcessBusinessKey(),
          key(execution) + ":owner", values);
    };
  }

  /** The manager did not answer in time: the decision goes to the region's regional manager. */
  @Bean("handToRegionalManager")
  JavaDelegate handToRegionalManager() {
    return execution -> {
      String region = (String) execution.getVariable(VAR_REGION);
      String regional = assignment.regionalManagerOf(region).orElseThrow(
          () -> new AssignmentService.NoAgentAvailableException(region, Groups.REGIONAL_MANAGERS));
      int hours = number(map(execution, VAR_PILOT), "managerAnswerHours");
      Instant answerBy = clock.instant().plus(Duration.ofHours(hours));
      for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey(TASK_MANAGER_DECISION).list()) {
        if (!regional.equals(task.getAssignee())) {
          contactLog.record(execution.getProcessBusinessKey(), customerId(execution), Channel.WEB, Direction.OUTBOUND,
              "drivecare", "ESCALATION_HANDED_OVER", task.getAssignee() + " did not answer in time; now " + regional);
          task.setAssignee(regional);
          task.setDueDate(Date.from(answerBy));
          taskService.saveTask(task);
        }
      }
      execution.setVariable(VAR_ESCALATION_MANAGER, regional);
      Map<String, Object> values = templateValues(execution);
      values.put("managerName", assignment.staffMember(regional).map(StaffMember::name).orElse(regional));
      values.put("answerBy", answerBy.atZone(ZoneId.of((String) execution.getVariable("customerTimeZone")))
          .toLocalDateTime().withSecond(0).withNano(0).toString().replace('T', ' '));
      notifications.request(new NotificationRequest("service-escalation-pilot", customerId(execution),
          execution.getProcessBusinessKey(), key(execution), null, caseOwner(execution),
          values, false));
    };
  }

  /** The escalation's answer is recorded and sent to the customer. */
  @Bean("sendEscalationDecision")
  JavaDelegate sendEscalationDecision() {
    return execution -> {
      long id = ((Number) execution.getVariable(VAR_ESCALATION_ID)).longValue();
      String decidedBy = String.valueOf(execution.getVariable("escalationDecidedBy"));
      String decision = describeDecision(execution, java.util.Locale.ENGLISH);
      cases.decideEscalation(id, decidedBy, decision, clock.instant());
      Map<String, Object> values = templateValues(execution);
      values.put("decision", decision);
      values.put("decision_fr", describeDecision(execution, java.util.Locale.FRENCH));
      values.put("managerName", assignment.staffMember(decidedBy).map(StaffMember::name).orElse(decidedBy));
      notifications.request(new NotificationRequest("service-escalation-decision", customerId(execution),
          execution.getProcessBusinessKey(), key(execution), null, caseOwner(execution),
          values, false));
      contactLog.record(execution.getProcessBusinessKey(), customerId(execution), Channel.WEB, Direction.OUTBOUND,
          decidedBy, "ESCALATION_DECIDED", decision);
    };
  }

  /** Closes a non-pilot escalation once the owner followed it up. */
  @Bean("closePriorityEscalation")
  JavaDelegate closePriorityEscalation() {
    return execution -> {
      long id = ((Number) execution.getVariable(VAR_ESCALATION_ID)).longValue();
      Object note = execution.getVariable("followUpNote");
      cases.decideEscalation(id, caseOwner(execution),
          note == null ? "followed up by the case owner" : note.toString(), clock.instant());
    };
  }

  /**
   * Execution listener at the start of an escalation's event subprocess: its id, manager, deadline
   * and the manager's answer live in the escalation's own scope, so a later escalation starts with
   * a clean form and never shares variables with an earlier one.
   */
  @Bean("scopeEscalation")
  org.camunda.bpm.engine.delegate.ExecutionListener scopeEscalation() {
    return execution -> {
      for (String name : List.of(VAR_ESCALATION_ID, "escalationReason")) {
        execution.setVariableLocal(name, execution.getVariable(name));
      }
      for (String name : List.of(VAR_ESCALATION_MANAGER, "managerAnswerDue", "grantGoodwill", "grantLoaner",
          "grantCostCoverage", "decisionNote", "escalationDecidedBy", "followUpNote")) {
        execution.setVariableLocal(name, null);
      }
    };
  }

  /**
   * Execution listener at the start of an expense's event subprocess: each expense keeps its own
   * id, details and decision in its own scope, so two expenses under review never mix.
   */
  @Bean("scopeExpense")
  org.camunda.bpm.engine.delegate.ExecutionListener scopeExpense() {
    return execution -> {
      for (String name : List.of(VAR_EXPENSE_ID, "expenseKind", "expenseAmount", "expenseNote")) {
        execution.setVariableLocal(name, execution.getVariable(name));
      }
      execution.setVariableLocal("expenseApproved", null);
      execution.setVariableLocal("expenseDecisionNote", null);
    };
  }

  /** The expense decision is recorded and the customer told. */
  @Bean("sendExpenseDecision")
  JavaDelegate sendExpenseDecision() {
    return execution -> {
      long id = ((Number) execution.getVariable(VAR_EXPENSE_ID)).longValue();
      boolean approved = Boolean.parseBoolean(String.valueOf(execution.getVariable("expenseApproved")));
      Object reason = execution.getVariable("expenseDecisionNote");
      String decidedBy = caseOwner(execution);
      cases.decideExpense(id, approved, decidedBy, reason == null ? null : reason.toString(), clock.instant());
      Map<String, Object> values = templateValues(execution);
      values.put("expenseDecisionNote", reason == null ? "" : reason.toString());
      notifications.request(new NotificationRequest(approved ? "service-expense-approved" : "service-expense-refused",
          customerId(execution), execution.getProcessBusinessKey(), key(execution), null, decidedBy, values, false));
      contactLog.record(execution.getProcessBusinessKey(), customerId(execution), Channel.WEB, Direction.OUTBOUND,
          decidedBy, approved ? "EXPENSE_APPROVED" : "EXPENSE_REFUSED", execution.getVariable("expenseAmount") + " "
              + (reason == null ? "" : reason));
    };
  }

  /** The case is resolved: the clock stops, and the customer is told. */
  @Bean("recordResolution")
  JavaDelegate recordResolution() {
    return execution -> {
      cases.resolved(execution.getProcessBusinessKey(), clock.instant());
      notifications.request(new NotificationRequest("service-case-resolved", customerId(execution),
          execution.getProcessBusinessKey(), key(execution), null, caseOwner(execution),
          templateValues(execution), false));
      contactLog.record(execution.getProcessBusinessKey(), customerId(execution), Channel.WEB, Direction.OUTBOUND,
          caseOwner(execution), "CASE_RESOLVED", (String) execution.getVariable("resolution"));
    };
  }

  /** A manager of customer relations answers a dissatisfied customer personally, and tags the root cause. */
  @Bean("sendPersonalReply")
  JavaDelegate sendPersonalReply() {
    return execution -> {
      String reviewer = String.valueOf(execution.getVariable("reviewedBy"));
      Map<String, Object> values = templateValues(execution);
      values.put("replySignature", assignment.staffMember(reviewer).map(StaffMember::name).orElse("Customer relations"));
      notifications.request(new NotificationRequest("service-personal-reply", customerId(execution),
          execution.getProcessBusinessKey(), key(execution), null, reviewer, values, false));
      contactLog.record(execution.getProcessBusinessKey(), customerId(execution), Channel.WEB, Direction.OUTBOUND,
          reviewer, "MANAGEMENT_REVIEW", "root cause: " + execution.getVariable("rootCause"));
    };
  }

  @Bean("recordSatisfaction")
  JavaDelegate recordSatisfaction() {
    return execution -> {
      int score = ((Number) execution.getVariable(VAR_SATISFACTION_SCORE)).intValue();
      cases.satisfaction(execution.getProcessBusinessKey(), score);
      Object comment = execution.getVariable("satisfactionComment");
      contactLog.record(execution.getProcessBusinessKey(), customerId(execution), Channel.CALL, Direction.OUTBOUND,
          caseOwner(execution), "SATISFACTION_" + score,
          comment == null ? null : comment.toString());
    };
  }

  @Bean("closeServiceCase")
  JavaDelegate closeServiceCase() {
    return execution -> {
      cases.closed(execution.getProcessBusinessKey(), clock.instant());
      contactLog.record(execution.getProcessBusinessKey(), customerId(execution), Channel.WEB, Direction.OUTBOUND,
          "drivecare", "CASE_CLOSED", null);
    };
  }

  /** What the manager granted, in words of {@code locale}, then his own note as he wrote it. */
  private String describeDecision(DelegateExecution execution, java.util.Locale locale) {
    List<String> parts = new ArrayList<>();
    if (Boolean.TRUE.equals(execution.getVariable("grantGoodwill"))) {
      parts.add(words.phrase("decision.goodwill", locale));
    }
    if (Boolean.TRUE.equals(execution.getVariable("grantLoaner"))) {
      parts.add(words.phrase("decision.loaner", locale));
    }
    if (Boolean.TRUE.equals(execution.getVariable("grantCostCoverage"))) {
      parts.add(words.phrase("decision.costs", locale));
    }
    Object note = execution.getVariable("decisionNote");
    String granted = parts.isEmpty() ? words.phrase("decision.none", locale) : String.join(", ", parts);
    return granted + (note == null || note.toString().isBlank() ? "" : ". " + note);
  }


  private boolean met(DelegateExecution execution, String sla) {
    return sla.equals("FIRST_RESPONSE")
        ? execution.getVariable(VAR_FIRST_RESPONSE_AT) != null
        : cases.find(execution.getProcessBusinessKey()).map(c -> c.resolvedAt() != null).orElse(false);
  }

  private Instant after(Instant start, long minutes, boolean roundTheClock, String region, ZoneId zone) {
    Duration d = Duration.ofMinutes(minutes);
    return roundTheClock ? start.plus(d) : calendar.addWorkingTime(start, d, region, zone);
  }

  /** What the entitlements cover, in words of {@code locale} (the bundle {@code words/words}). */
  static String coverage(Map<String, Object> e, com.drivecare.contact.Words words, java.util.Locale locale) {
    List<String> covered = new ArrayList<>();
    if (Boolean.TRUE.equals(e.get("coversTowing"))) {
      covered.add(words.phrase("cover.towing", locale));
    }
    if (Boolean.TRUE.equals(e.get("coversHotel"))) {
      covered.add(words.phrase("cover.hotel", locale, mobilityClass(e.get("hotelClass"), words, locale)));
    }
    if (Boolean.TRUE.equals(e.get("coversTravelHome"))) {
      covered.add(words.phrase("cover.travel-home", locale));
    }
    if (Boolean.TRUE.equals(e.get("coversRepair"))) {
      covered.add(words.phrase("cover.repair", locale));
    }
    if (Boolean.TRUE.equals(e.get("coversIncidentals"))) {
      covered.add(words.phrase("cover.incidentals", locale));
    }
    if (e.get("loanerClass") != null && !"none".equals(e.get("loanerClass"))) {
      covered.add(words.phrase("cover.loaner", locale, mobilityClass(e.get("loanerClass"), words, locale)));
    }
    return covered.isEmpty() ? words.phrase("cover.none", locale) : String.join(", ", covered);
  }

  private static String mobilityClass(Object value, com.drivecare.contact.Words words, java.util.Locale locale) {
    return value == null ? "" : words.code("class", value.toString().replace(' ', '-'), locale);
  }


  private static Map<String, Object> templateValues(DelegateExecution execution) {
    return com.drivecare.contact.SendNotificationDelegate.templateValues(execution);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(DelegateExecution execution, String name) {
    return (Map<String, Object>) execution.getVariable(name);
  }

  private static int number(Map<String, Object> map, String name) {
    return ((Number) map.get(name)).intValue();
  }

  /** The case's customer, from the case record of the business key — never from a variable. */
  private long customerId(DelegateExecution execution) {
    return serviceCase(execution).customerId();
  }

  /** The case's one owner, as the case record holds him (the tasks' assignee expression reads the same name). */
  private String caseOwner(DelegateExecution execution) {
    return serviceCase(execution).caseOwner();
  }

  private ServiceCaseRepository.ServiceCase serviceCase(DelegateExecution execution) {
    return cases.find(execution.getProcessBusinessKey()).orElseThrow(
        () -> new IllegalStateException("No service case " + execution.getProcessBusinessKey()));
  }

  private static String key(DelegateExecution execution) {
    return com.drivecare.contact.SendNotificationDelegate.stepKey(execution);
  }
}
