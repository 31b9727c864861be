package com.drivecare.recall;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

/** Tests' shortcut through a campaign's four eyes: one coordinator drafts the notice, another approves it. */
final class NoticeApproval {

  private NoticeApproval() {}

  /** @return the campaign's process instance id; its launch job is next */
  static String approve(RuntimeService runtimeService, TaskService taskService, String campaignId, String drafter,
      String approver) {
    String pi = runtimeService.createProcessInstanceQuery().processDefinitionKey(RecallProcess.CAMPAIGN_KEY)
        .processInstanceBusinessKey(campaignId).singleResult().getId();
    var prepare = taskService.createTaskQuery().processInstanceId(pi).singleResult();
    taskService.claim(prepare.getId(), drafter);
    taskService.complete(prepare.getId()); // the drafts as prefilled
    var approve = taskService.createTaskQuery().processInstanceId(pi).singleResult();
    taskService.claim(approve.getId(), approver);
    taskService.complete(approve.getId(), Map.of(RecallProcess.VAR_APPROVED, true));
    return pi;
  }
}
