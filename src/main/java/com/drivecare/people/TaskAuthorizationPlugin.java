package com.drivecare.people;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Installs {@link TaskAuthorizationProvider} as the engine's source of default authorizations. */
@Component
class TaskAuthorizationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new TaskAuthorizationProvider());
  }
}
