package com.drivecare.people;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's default task authorizations, less one kind: when a task of a journey is offered to a
 * national team that already holds {@code READ_TASK} and {@code TASK_WORK} on that journey's process
 * definition ({@link Groups#TEAM_JOURNEYS}), no authorization row is written for that task and group.
 * Such a row would add nothing the team does not already have, and one row per task per group is what
 * made every Tasklist query of the team grow with the number of open tasks (issue 15). Everything else
 * — rows for assignees, owners, candidate users, other candidate groups and standalone tasks — is the
 * engine's default.
 */
class TaskAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (Groups.worksAcrossJourney(groupId, processDefinitionKey(task))) {
      return null;
    }
    return super.newTaskGroupIdentityLink(task, groupId, type);
  }

  private static String processDefinitionKey(Task task) {
    if (task.getProcessDefinitionId() == null) {
      return null;
    }
    ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
    return definition == null ? null : definition.getKey();
  }
}
