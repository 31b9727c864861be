package com.drivecare.service;

import static com.drivecare.service.ServiceCaseProcess.*;

import com.drivecare.contact.SendNotificationDelegate;
import com.drivecare.service.ServiceCaseProgress.Opened;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The steps of a service case's main path, from opening to closing. Each reads its variables, calls
 * {@link ServiceCaseProgress} and sets what comes back; those with side effects sit behind
 * {@code asyncBefore} in the diagram.
 */
final class CaseSteps {

  private CaseSteps() {}

  /**
   * {@code Task_OpenServiceCase}: the one owner of the whole case, the SLA clocks of the tier and the
   * update cadence, and plain copies of the entitlements for forms and templates.
   */
  @Component("openServiceCase")
  static class OpenServiceCase implements JavaDelegate {

    private final ServiceCaseProgress progress;

    OpenServiceCase(ServiceCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Entitlements entitlements = Entitlements.from(map(execution, VAR_ENTITLEMENTS));
      boolean pilot = Boolean.TRUE.equals(map(execution, VAR_PILOT).get("pilot"));
      Opened opened = progress.open(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
          (String) execution.getVariable(VAR_REGION), instant(execution, VAR_OPENED_AT), entitlements, pilot);
      execution.setVariable(VAR_FIRST_RESPONSE_DUE, Date.from(opened.clocks().firstResponseDue()));
      execution.setVariable(VAR_FIRST_RESPONSE_WARN_AT, Date.from(opened.clocks().firstResponseWarnAt()));
      execution.setVariable(VAR_RESOLUTION_DUE, Date.from(opened.clocks().resolutionDue()));
      execution.setVariable(VAR_RESOLUTION_WARN_AT, Date.from(opened.clocks().resolutionWarnAt()));
      execution.setVariable(VAR_UPDATE_CYCLE, opened.clocks().updateCycle());
      execution.setVariable(VAR_TIER, entitlements.tier());
      // plain copies for forms and templates, which read simple variables
      execution.setVariable(VAR_TIER_REASON, String.valueOf(entitlements.tierReason()));
      execution.setVariable(VAR_HOTEL_CLASS, String.valueOf(entitlements.hotelClass()));
      execution.setVariable(VAR_LOANER_CLASS, String.valueOf(entitlements.loanerClass()));
      execution.setVariable(VAR_COVERS_TOWING, yesNo(entitlements.coversTowing()));
      execution.setVariable(VAR_COVERS_HOTEL, yesNo(entitlements.coversHotel()));
      execution.setVariable(VAR_COVERS_TRAVEL_HOME, yesNo(entitlements.coversTravelHome()));
      execution.setVariable(VAR_COVERS_REPAIR, yesNo(entitlements.coversRepair()));
      execution.setVariable(VAR_COVERS_INCIDENTALS, yesNo(entitlements.coversIncidentals()));
      // agents read English; the customer's messages take the words of his language (coverage_fr)
      execution.setVariable(VAR_COVERAGE, opened.coverage());
      execution.setVariable(VAR_COVERAGE_FR, opened.coverageFrench());
      execution.setVariable(VAR_IN_PILOT, pilot);
      execution.setVariable(VAR_CASE_OWNER, opened.owner());
      execution.setVariable(VAR_CASE_OWNER_NAME, opened.ownerName());
    }

    private static String yesNo(boolean value) {
      return value ? "yes" : "no";
    }
  }

  /** Staff notification to the customer's sales advisor ({@code advisorEvent}: opened or closed). */
  @Component("informSalesAdvisor")
  static class InformSalesAdvisor implements JavaDelegate {

    private final ServiceCaseProgress progress;

    InformSalesAdvisor(ServiceCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      progress.informSalesAdvisor(execution.getProcessBusinessKey(), key(execution),
          text(execution, VAR_SALES_ADVISOR), text(execution, VAR_ADVISOR_EVENT), values(execution));
    }
  }

  /** {@code Task_ConfirmMobility}: what the owner arranged goes to the customer in writing. */
  @Component("confirmMobility")
  static class ConfirmMobility implements JavaDelegate {

    private final ServiceCaseProgress progress;

    ConfirmMobility(ServiceCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      progress.confirmMobility(execution.getProcessBusinessKey(), key(execution),
          Boolean.TRUE.equals(execution.getVariable(VAR_MOBILITY_NOT_NEEDED)),
          text(execution, VAR_MOBILITY_ARRANGEMENTS), values(execution));
    }
  }

  /** {@code Task_RecordFirstResponse}: the first-response clock stops. */
  @Component("recordFirstResponse")
  static class RecordFirstResponse implements JavaDelegate {

    private final ServiceCaseProgress progress;

    RecordFirstResponse(ServiceCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      // the moment the owner completed the contact task (set by its listener), not when this job ran
      Instant when = progress.firstResponse(execution.getProcessBusinessKey(),
          instant(execution, VAR_FIRST_RESPONSE_AT), text(execution, VAR_CONTACT_NOTE));
      execution.setVariable(VAR_FIRST_RESPONSE_AT, Date.from(when));
    }
  }

  /** {@code Task_SendStatusUpdate}: the customer hears where his case stands without asking. */
  @Component("sendStatusUpdate")
  static class SendStatusUpdate implements JavaDelegate {

    private final ServiceCaseProgress progress;

    SendStatusUpdate(ServiceCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      progress.sendStatusUpdate(execution.getProcessBusinessKey(), key(execution), execution.getProcessInstanceId(),
          Locale.forLanguageTag(String.valueOf(execution.getVariable(VAR_CUSTOMER_LANGUAGE))),
          text(execution, VAR_PERSONAL_LINE), values(execution));
      // the owner's line goes into one update only
      execution.getProcessInstance().removeVariable(VAR_PERSONAL_LINE);
    }
  }

  /** {@code Task_RecordResolution}: the case is resolved, the clock stops, and the customer is told. */
  @Component("recordResolution")
  static class RecordResolution implements JavaDelegate {

    private final ServiceCaseProgress progress;

    RecordResolution(ServiceCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      progress.resolved(execution.getProcessBusinessKey(), key(execution), text(execution, VAR_RESOLUTION),
          values(execution));
    }
  }

  /** {@code Task_SendPersonalReply}: customer relations answers a dissatisfied customer personally. */
  @Component("sendPersonalReply")
  static class SendPersonalReply implements JavaDelegate {

    private final ServiceCaseProgress progress;

    SendPersonalReply(ServiceCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      progress.personalReply(execution.getProcessBusinessKey(), key(execution),
          String.valueOf(execution.getVariable(VAR_REVIEWED_BY)), execution.getVariable(VAR_ROOT_CAUSE),
          values(execution));
    }
  }

  /** {@code Task_RecordSatisfaction}: the score of the satisfaction call, on the case and the timeline. */
  @Component("recordSatisfaction")
  static class RecordSatisfaction implements JavaDelegate {

    private final ServiceCaseProgress progress;

    RecordSatisfaction(ServiceCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      progress.satisfaction(execution.getProcessBusinessKey(),
          ((Number) execution.getVariable(VAR_SATISFACTION_SCORE)).intValue(),
          text(execution, VAR_SATISFACTION_COMMENT));
    }
  }

  /** {@code Task_CloseServiceCase}. */
  @Component("closeServiceCase")
  static class CloseServiceCase implements JavaDelegate {

    private final ServiceCaseProgress progress;

    CloseServiceCase(ServiceCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      progress.closed(execution.getProcessBusinessKey());
    }
  }

  // reading variables -------------------------------------------------------------------------

  /** The variable as text, null when absent. */
  static String text(DelegateExecution execution, String name) {
    return Objects.toString(execution.getVariable(name), null);
  }

  /** A date variable as an instant, null when absent. */
  static Instant instant(DelegateExecution execution, String name) {
    return execution.getVariable(name) instanceof Date d ? d.toInstant() : null;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(DelegateExecution execution, String name) {
    return (Map<String, Object>) execution.getVariable(name);
  }

  /** The simple variables of the case: what message templates may use. */
  static Map<String, Object> values(DelegateExecution execution) {
    return SendNotificationDelegate.templateValues(execution);
  }

  /** The step's idempotency key for what it sends. */
  static String key(DelegateExecution execution) {
    return SendNotificationDelegate.stepKey(execution);
  }

  /** Names a scoped event subprocess keeps: {@code copied} from the message, {@code cleared} for its own form. */
  static void scope(DelegateExecution execution, List<String> copied, List<String> cleared) {
    for (String name : copied) {
      execution.setVariableLocal(name, execution.getVariable(name));
    }
    for (String name : cleared) {
      execution.setVariableLocal(name, null);
    }
  }
}
