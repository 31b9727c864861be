package com.drivecare.recall;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.Jobs;
import com.drivecare.TestData;
import com.drivecare.customer.Customer;
import com.drivecare.customer.Vehicle;
import com.drivecare.people.Groups;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Setting up a recall campaign, importing its vehicles, and the public "is my car affected?". */
@DrivecareTest
class RecallCampaignApiTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired Jobs jobs;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  Api coordinator;
  String campaignId;

  @BeforeEach
  void setUp() {
    String rita = testData.staff(TestData.unique("coordinator"), Groups.RECALL_COORDINATORS, null, null);
    coordinator = Api.at(port).basic(rita, TestData.password(rita));
    campaignId = ("26V-" + TestData.unique("").substring(1, 7)).toUpperCase();
  }

  @Test
  void coordinatorCreatesACampaignOthersMayNot() {
    var created = coordinator.post("/api/recall-campaigns", campaign(campaignId, true));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("campaign").get("status").asText()).isEqualTo("DRAFT");
    assertThat(created.json().get("vehicles").asInt()).isZero();
    assertThat(coordinator.post("/api/recall-campaigns", campaign(campaignId, true)).status()).isEqualTo(409);

    String owner = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, TestData.FR, null);
    assertThat(Api.at(port).basic(owner, TestData.password(owner)).post("/api/recall-campaigns",
        campaign(campaignId + "X", true)).status()).isEqualTo(403);
  }

  @Test
  void invalidCampaignIsRefusedFieldByField() {
    Map<String, Object> bad = campaign("no spaces allowed", false);
    bad.put("remedyOptions", List.of());
    bad.put("parts", Map.of("availableNow", false, "regions", List.of(Map.of("region", "ATLANTIS", "available", 5))));
    var refused = coordinator.post("/api/recall-campaigns", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").findValuesAsText("field"))
        .contains("id", "remedyOptions", "parts.expected", "parts.regions");
    var wrongOption = campaign(campaignId, true);
    wrongOption.put("remedyOptions", List.of("TELEPORT"));
    assertThat(coordinator.post("/api/recall-campaigns", wrongOption).status()).isEqualTo(400);
  }

  @Test
  void importTakesKnownVinsOnceAndReportsTheRestByLine() {
    coordinator.post("/api/recall-campaigns", campaign(campaignId, true));
    Customer owner = testData.customer().create();
    Vehicle first = testData.vehicle(owner.id());
    Vehicle second = testData.vehicle(owner.id());
    String csv = String.join("\n", "vin,note",
        first.vin() + ",ok",
        "1M8GDM9A1KP042788,bad check digit",
        TestData.europeanVin() + ",not ours",
        first.vin().toLowerCase() + ",again",
        second.vin() + ",ok") + "\n";
    var report = coordinator.postCsv("/api/recall-campaigns/" + campaignId + "/vehicles", csv);
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.json().get("accepted").asInt()).isEqualTo(2);
    assertThat(report.json().get("rejected").findValuesAsText("line")).containsExactly("3", "4", "5");
    assertThat(report.json().get("rejected").get(0).get("reason").asText()).contains("check digit");
    assertThat(report.json().get("rejected").get(1).get("reason").asText()).contains("unknown VIN");
    assertThat(report.json().get("rejected").get(2).get("reason").asText()).contains("duplicate");

    var again = coordinator.postCsv("/api/recall-campaigns/" + campaignId + "/vehicles", first.vin() + "\n");
    assertThat(again.json().get("accepted").asInt()).isZero();
    assertThat(again.json().get("rejected").get(0).get("reason").asText()).contains("already in the campaign");

    var status = coordinator.get("/api/recall-campaigns/" + campaignId);
    assertThat(status.json().get("vehicles").asInt()).isEqualTo(2);
    assertThat(status.json().get("vehiclesPerStatus").get(RecallVehicleStatus.IMPORTED.name()).asInt()).isEqualTo(2);
    assertThat(status.json().get("completionRate").asDouble()).isZero();
    assertThat(coordinator.postCsv("/api/recall-campaigns/NOPE-1/vehicles", first.vin()).status()).isEqualTo(404);
  }

  @Test
  void aSpreadsheetsQuotedCsvIsReadAsCsvAndABrokenOneChangesNothing() {
    coordinator.post("/api/recall-campaigns", campaign(campaignId, true));
    Customer owner = testData.customer().create();
    Vehicle first = testData.vehicle(owner.id());
    Vehicle second = testData.vehicle(owner.id());
    // the VIN is the second column, quoted, after a note with a comma in it; a blank line between
    String quoted = "\"note\",\"VIN\"\n\"owner, called\",\"" + first.vin() + "\"\n\n\"\",\" " + second.vin() + " \"\n";
    var report = coordinator.postCsv("/api/recall-campaigns/" + campaignId + "/vehicles", quoted);
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.json().get("accepted").asInt()).isEqualTo(2);
    assertThat(report.json().get("rejected")).isEmpty();

    Vehicle third = testData.vehicle(owner.id());
    var broken = coordinator.postCsv("/api/recall-campaigns/" + campaignId + "/vehicles",
        third.vin() + "\n\"unterminated," + TestData.europeanVin() + "\n");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.contentType()).startsWith("application/problem+json");
    assertThat(coordinator.get("/api/recall-campaigns/" + campaignId).json().get("vehicles").asInt()).isEqualTo(2);
  }

  @Test
  void aSlippedPartsDateIsCheckedFieldByField() {
    Map<String, Object> waiting = campaign(campaignId, false);
    waiting.put("parts", Map.of("availableNow", false, "expected", "2027-02-01"));
    coordinator.post("/api/recall-campaigns", waiting);
    String path = "/api/recall-campaigns/" + campaignId + "/parts-delayed";
    var bad = coordinator.post(path, Map.of("region", "NOWHERE", "expected", "2020-01-01"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).contains("application/problem+json");
    assertThat(bad.body()).contains("region", "expected");
    var ok = coordinator.post(path, Map.of("expected", "2027-04-01", "reason", "Supplier fire"));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("ownersToTell").asInt()).isZero();
    assertThat(coordinator.get("/api/recall-campaigns/" + campaignId).body()).contains("2027-04-01");
    assertThat(coordinator.post("/api/recall-campaigns/NOPE-1/parts-delayed", Map.of("expected", "2027-04-01"))
        .status()).isEqualTo(404);
  }

  @Test
  void anyoneCanAskWhetherACarIsAffected() {
    Map<String, Object> waiting = campaign(campaignId, false);
    waiting.put("parts", Map.of("availableNow", false, "expected", "2027-02-01"));
    coordinator.post("/api/recall-campaigns", waiting);
    Customer owner = testData.customer().named("Private Person").create();
    Vehicle affected = testData.vehicle(owner.id());
    Vehicle notAffected = testData.vehicle(owner.id());
    coordinator.postCsv("/api/recall-campaigns/" + campaignId + "/vehicles", affected.vin() + "\n");

    Api anyone = Api.at(port);
    // a draft awaiting the approval of its notice is not public: neither its title nor the vehicle's status
    var draft = anyone.get("/api/recalls?vin=" + affected.vin());
    assertThat(draft.status()).isEqualTo(200);
    assertThat(draft.json().get("affected").asBoolean()).isFalse();
    assertThat(draft.json().get("recalls")).isEmpty();
    assertThat(draft.body()).doesNotContain(campaignId, "Rear-view camera");

    String drafter = testData.staff(TestData.unique("rita"), Groups.RECALL_COORDINATORS, null, null);
    String approver = testData.staff(TestData.unique("victor"), Groups.RECALL_COORDINATORS, null, null);
    jobs.runDue(NoticeApproval.approve(runtimeService, taskService, campaignId, drafter, approver));
    var yes = anyone.get("/api/recalls?vin=" + affected.vin());
    assertThat(yes.status()).isEqualTo(200);
    assertThat(yes.json().get("affected").asBoolean()).isTrue();
    var recall = yes.json().get("recalls").get(0);
    assertThat(recall.get("campaignId").asText()).isEqualTo(campaignId);
    assertThat(recall.get("remedyAvailable").asBoolean()).isFalse();
    assertThat(recall.get("partsExpected").asText()).isEqualTo("2027-02-01");
    assertThat(recall.get("vehicleStatus").asText()).isEqualTo(RecallVehicleStatus.WAITING_FOR_PARTS.name());
    assertThat(yes.body()).doesNotContain("Private Person", owner.email());

    assertThat(anyone.get("/api/recalls?vin=" + notAffected.vin()).json().get("affected").asBoolean()).isFalse();
    assertThat(anyone.get("/api/recalls?vin=" + TestData.europeanVin()).json().get("recalls")).isEmpty();
    var invalid = anyone.get("/api/recalls?vin=1M8GDM9A1KP042788");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.contentType()).startsWith("application/problem+json");
    assertThat(invalid.json().get("errors").get(0).get("reason").asText()).contains("check digit");
    assertThat(anyone.get("/api/recalls").status()).isEqualTo(400);
  }

  private static Map<String, Object> campaign(String id, boolean partsNow) {
    Map<String, Object> c = new HashMap<>();
    c.put("id", id);
    c.put("title", "Rear-view camera may not display");
    c.put("component", "Rear-view camera");
    c.put("defectDescription", "A software error can leave the rear-view camera image blank when reversing.");
    c.put("safetyRisk", "A blank image reduces the driver's rear visibility and increases the risk of a crash.");
    c.put("remedy", "A service centre updates the camera software, free of charge.");
    c.put("remedyOptions", List.of("DEALER", "MOBILE"));
    c.put("remedyHours", 1);
    c.put("parts", partsNow ? Map.of("availableNow", true) : Map.of("availableNow", false, "expected", "2027-03-01"));
    return c;
  }
}
