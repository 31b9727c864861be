package com.drivecare.people;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Installs {@link TaskAuthorizationProvider} as the engine's source of default authorizations, and
 * {@link GroupsAsGivenAuthorizationManager} as its authorization manager (docs/tasklist-visibility.md).
 */
@Component
class TaskAuthorizationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new TaskAuthorizationProvider());
    List<SessionFactory> sessionFactories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    sessionFactories.add(new GroupsAsGivenAuthorizationManager.Factory());
    configuration.setCustomSessionFactories(sessionFactories);
  }
}
