package com.drivecare.recall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.history.HistoryLevelAudit;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * Drivecare's history level ({@code camunda.bpm.history-level: drivecare}): the audit level, except
 * that recall vehicle journeys — millions per campaign — keep only their process instance, tasks,
 * incidents and jobs in history, not every activity and variable. What a journey did for its owner
 * is in the contact log, which is kept anyway; the campaign's figures are in Drivecare's tables.
 */
public class JourneyHistoryLevel extends HistoryLevelAudit {

  public static final String NAME = "drivecare";
  static final int ID = 23;
  private static final String JOURNEY_DEFINITION_PREFIX = RecallProcess.REMEDY_KEY + ":";

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (isJourneyDetail(eventType) && isJourney(entity)) {
      return false;
    }
    return super.isHistoryEventProduced(eventType, entity);
  }

  private static boolean isJourneyDetail(HistoryEventType type) {
    return type == HistoryEventTypes.ACTIVITY_INSTANCE_START || type == HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE
        || type == HistoryEventTypes.ACTIVITY_INSTANCE_END || type == HistoryEventTypes.VARIABLE_INSTANCE_CREATE
        || type == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE || type == HistoryEventTypes.VARIABLE_INSTANCE_DELETE;
  }

  private static boolean isJourney(Object entity) {
    String definition = null;
    if (entity instanceof VariableInstanceEntity variable) {
      definition = variable.getProcessDefinitionId();
    } else if (entity instanceof DelegateExecution execution) {
      definition = execution.getProcessDefinitionId();
    }
    return definition != null && definition.startsWith(JOURNEY_DEFINITION_PREFIX);
  }
}
