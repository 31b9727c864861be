package com.drivecare.contact;

import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A journey's own words for its tasks' forms, computed when a form is loaded (see
 * {@link CaseTaskPlugin}): e.g. whether a recall campaign's facts are translated yet.
 */
public interface LiveFormVariables {

  /** The variables to add for this task; {@code current} holds the task's variables. */
  Map<String, Object> live(String processDefinitionKey, String taskDefinitionKey, VariableMap current);
}
