package com.drivecare.recall;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

/** Tests' shortcut through a campaign's four eyes: one coordinator drafts the notice, another approves it. */
public final class NoticeApproval {

  private NoticeApproval() {}

  /** The campaign's facts in French, as the drafter fills them in {@code Task_PrepareOwnerNotice}. */
  public static final Map<String, Object> FRENCH_FACTS = Map.of("campaignTitle_fr", "Boucle de ceinture",
      "component_fr", "Ceinture de sécurité", "defect_fr", "Peut ne pas se verrouiller.",
      "safetyRisk_fr", "Occupant non retenu.", "remedy_fr", "Remplacement de la boucle.");

  /** @return the campaign's process instance id; its launch job is next */
  public static String approve(RuntimeService runtimeService, TaskService taskService, String campaignId, String drafter,
      String approver) {
    String pi = runtimeService.createProcessInstanceQuery().processDefinitionKey(RecallProcess.CAMPAIGN_KEY)
        .processInstanceBusinessKey(campaignId).singleResult().getId();
    var prepare = taskService.createTaskQuery().processInstanceId(pi).singleResult();
    taskService.claim(prepare.getId(), drafter);
    // the drafts as prefilled; the French facts the campaign does not have yet filled in
    taskService.complete(prepare.getId(), missingFrench(runtimeService, pi));
    var approve = taskService.createTaskQuery().processInstanceId(pi).singleResult();
    taskService.claim(approve.getId(), approver);
    taskService.complete(approve.getId(), Map.of(RecallProcess.VAR_APPROVED, true));
    return pi;
  }

  /** The French facts a campaign's instance still lacks, as the drafter fills them. */
  static Map<String, Object> missingFrench(RuntimeService runtimeService, String pi) {
    Map<String, Object> missing = new HashMap<>();
    FRENCH_FACTS.forEach((name, value) -> {
      if (runtimeService.getVariable(pi, name) == null) {
        missing.put(name, value);
      }
    });
    return missing;
  }
}
