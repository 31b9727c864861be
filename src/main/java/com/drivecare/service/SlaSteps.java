package com.drivecare.service;

import static com.drivecare.service.CaseSteps.key;
import static com.drivecare.service.CaseSteps.values;
import static com.drivecare.service.ServiceCaseProcess.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The steps of a service case's SLA clocks: the owner's warning and the breach that brings in a manager. */
final class SlaSteps {

  private SlaSteps() {}

  /** 75 % of an SLA is gone ({@code sla}: FIRST_RESPONSE or RESOLUTION): the owner is warned, unless it is met. */
  @Component("slaWarning")
  static class SlaWarning implements JavaDelegate {

    private final ServiceCaseProgress progress;

    SlaWarning(ServiceCaseProgress progress) {
      this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String sla = (String) execution.getVariable(VAR_SLA);
      Object due = execution.getVariable(SLA_FIRST_RESPONSE.equals(sla) ? VAR_FIRST_RESPONSE_DUE : VAR_RESOLUTION_DUE);
      progress.warn(execution.getProcessBusinessKey(), key(execution), sla, firstResponseGiven(execution), due,
          values(execution));
    }
  }

  @Component("recordFirstResponseBreach")
  static class RecordFirstResponseBreach extends RecordBreach {

    RecordFirstResponseBreach(ServiceCaseProgress progress) {
      super(progress, SLA_FIRST_RESPONSE);
    }
  }

  @Component("recordResolutionBreach")
  static class RecordResolutionBreach extends RecordBreach {

    RecordResolutionBreach(ServiceCaseProgress progress) {
      super(progress, SLA_RESOLUTION);
    }
  }

  /**
   * An SLA is breached, unless already met: {@code slaBreached} routes to the intervening manager.
   * The variables are local to this breach's path: a first-response and a resolution breach never share them.
   */
  abstract static class RecordBreach implements JavaDelegate {

    private final ServiceCaseProgress progress;
    private final String sla;

    RecordBreach(ServiceCaseProgress progress, String sla) {
      this.progress = progress;
      this.sla = sla;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Optional<String> manager = progress.breach(execution.getProcessBusinessKey(), sla,
          firstResponseGiven(execution), (String) execution.getVariable(VAR_REGION));
      execution.setVariableLocal(VAR_SLA_BREACHED, manager.isPresent());
      if (manager.isPresent()) {
        execution.setVariableLocal(VAR_INTERVENTION_MANAGER, manager.get());
        execution.setVariableLocal(VAR_BREACHED_SLA, sla);
      }
    }
  }

  /** The contact task's listener sets {@code firstResponseAt} the moment the owner completes it. */
  private static boolean firstResponseGiven(DelegateExecution execution) {
    return execution.getVariable(VAR_FIRST_RESPONSE_AT) != null;
  }
}
