package com.drivecare;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** What a member of staff may do with a task, asked of the engine as that member (authorization on). */
@Component
public class TaskRights {

  private final IdentityService identityService;
  private final TaskService taskService;

  TaskRights(IdentityService identityService, TaskService taskService) {
    this.identityService = identityService;
    this.taskService = taskService;
  }

  /** Whether {@code userId} finds the task when he queries the engine. */
  public boolean sees(String userId, String taskId) {
    login(userId);
    try {
      return taskService.createTaskQuery().taskId(taskId).count() == 1;
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Whether {@code userId} may claim the (unassigned) task; the task is left unassigned again. */
  public boolean canClaim(String userId, String taskId) {
    login(userId);
    try {
      taskService.claim(taskId, userId);
    } catch (AuthorizationException e) {
      return false;
    } finally {
      identityService.clearAuthentication();
    }
    taskService.setAssignee(taskId, null);
    return true;
  }

  private void login(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
  }
}
