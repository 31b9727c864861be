package com.drivecare;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Open tasks in the shapes the journeys create them, without walking each journey up to the task:
 * the instance starts right before the user task, with the variables the task, its form and its
 * boundary events read. For visibility tests and the worklist benchmark.
 */
@Component
public class Worklist {

  private final RuntimeService runtimeService;

  Worklist(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** A retention call (reservation {@code prefix-…}) for the case owner or manager {@code caller}, due at {@code deadline}. */
  public String retentionCall(String prefix, String caller, String region, Instant deadline) {
    Map<String, Object> variables = common(region);
    variables.put("caller", caller);
    variables.put("callDeadline", Date.from(deadline));
    return start("reservation-retention", prefix + "-" + shortId(), "Task_CaseOwnerCall", variables);
  }

  /** A vehicle of a recall whose owner is unknown: offered to the recall coordinators. */
  public String findOwner(String campaignId, String region) {
    Map<String, Object> variables = common(region);
    variables.put("campaignId", campaignId);
    variables.put("vin", "VIN" + shortId());
    return start("recall-remedy", campaignId + ":" + variables.get("vin"), "Task_FindOwner", variables);
  }

  /** A booked recall repair, assigned to the service advisor {@code advisor}. */
  public String remedy(String campaignId, String advisor, String region, Instant appointment) {
    Map<String, Object> variables = common(region);
    variables.put("campaignId", campaignId);
    variables.put("vin", "VIN" + shortId());
    variables.put("remedyAdvisor", advisor);
    variables.put("appointmentAt", Date.from(appointment));
    variables.put("appointmentReminderAt", Date.from(appointment.minusSeconds(86_400)));
    return start("recall-remedy", campaignId + ":" + variables.get("vin"), "Task_PerformRemedy", variables);
  }

  /** A dissatisfied recall owner: offered to customer relations. */
  public String recallFollowUp(String campaignId, String region) {
    Map<String, Object> variables = common(region);
    variables.put("campaignId", campaignId);
    variables.put("vin", "VIN" + shortId());
    return start("recall-remedy", campaignId + ":" + variables.get("vin"), "Task_FollowUpDissatisfied", variables);
  }

  /** A dissatisfied service case (case number {@code prefix-…}): offered to customer relations. */
  public String managementReview(String prefix, String region) {
    return start("service-case", prefix + "-" + shortId(), "Task_ManagementReview", common(region));
  }

  private Map<String, Object> common(String region) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("region", region);
    variables.put("customerName", "Customer " + shortId());
    return variables;
  }

  private String start(String processKey, String businessKey, String activityId, Map<String, Object> variables) {
    return runtimeService.createProcessInstanceByKey(processKey).businessKey(businessKey).setVariables(variables)
        .startBeforeActivity(activityId)
        .execute(true, true)
        .getId();
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 13).replace("-", "").toUpperCase();
  }
}
