package com.drivecare.contact;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The case on every task, for every journey, without a line in any diagram:
 * <ul>
 *   <li>every user task, when created, gets the task variables Tasklist's cards show and its search
 *       finds ({@link CaseTaskVariables#stored}: customer, case number, vehicle, the fact that ranks it);</li>
 *   <li>a task's form variables ({@code GET .../task/{id}/form-variables}, what a Camunda Form is
 *       filled from) carry the case's words computed at that moment ({@link CaseTaskVariables#live}):
 *       the customer's local time now, his phone and language, times with their zone, codes as words,
 *       money with its currency. They are shown by text components and are no input of the form.</li>
 * </ul>
 */
@Component
class CaseTaskPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CaseTaskVariables> variables;

  CaseTaskPlugin(ObjectProvider<CaseTaskVariables> variables) {
    this.variables = variables;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener onCreate = task -> variables.getObject().store(task);
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);

    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        if (command instanceof GetTaskFormVariablesCmd form && Context.getCommandContext() == null
            && result instanceof VariableMap map) {
          // the user may read this task's form: what its case shows is read on his behalf, not as him
          var identity = configuration.getIdentityService();
          var user = identity.getCurrentAuthentication();
          identity.clearAuthentication();
          try {
            variables.getObject().live(form.resourceId, map).forEach(map::putValue);
          } finally {
            if (user != null) {
              identity.setAuthentication(user);
            }
          }
        }
        return result;
      }
    });
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }
}
