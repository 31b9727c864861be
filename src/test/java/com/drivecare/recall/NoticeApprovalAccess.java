package com.drivecare.recall;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.Jobs;
import com.drivecare.TestData;
import com.drivecare.customer.Vehicle;
import com.drivecare.people.Groups;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

/** For tests outside the recall package: a launched campaign with parts in stock, over the API. */
public final class NoticeApprovalAccess {

  private NoticeApprovalAccess() {}

  /** A campaign for {@code vehicles}, its notice approved and launched, and a service centre {@code center}. */
  public static String launchedCampaign(int port, TestData testData, Jobs jobs, RuntimeService runtimeService,
      TaskService taskService, String region, String center, Map<String, Object> facts, Vehicle... vehicles) {
    String drafter = testData.staff(TestData.unique("rita"), Groups.RECALL_COORDINATORS, null, null);
    String approver = testData.staff(TestData.unique("victor"), Groups.RECALL_COORDINATORS, null, null);
    String campaignId = ("B" + TestData.unique("").substring(1, 9)).toUpperCase();
    Api admin = Api.at(port).basic("test-admin", "test-admin-secret");
    assertThat(admin.put("/api/service-centers/" + center, Map.of("name", "Atelier Test", "region", region,
        "dailySlots", 5, "mobileUnits", 5)).status()).isEqualTo(200);
    Api coordinator = Api.at(port).basic(drafter, TestData.password(drafter));
    Map<String, Object> campaign = new HashMap<>(Map.of("id", campaignId, "title", "Seat belt buckle",
        "component", "Seat belt", "defectDescription", "May not latch.", "safetyRisk", "Occupant not restrained.",
        "remedy", "Replace the buckle.", "remedyOptions", List.of("DEALER", "MOBILE"), "remedyHours", 1,
        "parts", Map.of("availableNow", true)));
    campaign.putAll(facts);
    var created = coordinator.post("/api/recall-campaigns", campaign);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    StringBuilder csv = new StringBuilder();
    for (Vehicle v : vehicles) {
      csv.append(v.vin()).append('\n');
    }
    assertThat(coordinator.postCsv("/api/recall-campaigns/" + campaignId + "/vehicles", csv.toString()).status())
        .isEqualTo(200);
    jobs.runDue(NoticeApproval.approve(runtimeService, taskService, campaignId, drafter, approver));
    for (Vehicle v : vehicles) {
      jobs.runDueForBusinessKey(campaignId + ":" + v.vin());
    }
    return campaignId;
  }
}
