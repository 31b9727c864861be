package com.drivecare.recall;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.Jobs;
import com.drivecare.TestData;
import com.drivecare.customer.Customer;
import com.drivecare.customer.Vehicle;
import com.drivecare.people.Groups;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The recall as its owner reads and books it on his page: facts, parts, free days, calendar file, survey subject. */
@DrivecareTest
class RecallSelfServiceApiTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired Clock clock;
  @Autowired RecallCampaignService campaigns;
  @Autowired SurveyService surveys;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired Jobs jobs;
  @Autowired JdbcClient jdbc;

  String campaignId;
  String center;
  List<Customer> owners = new ArrayList<>();
  List<Vehicle> vehicles = new ArrayList<>();
  LocalDate tomorrow;

  @BeforeEach
  void launchedCampaign() {
    String region = testData.freshRegion();
    testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, region, null);
    String drafter = testData.staff(TestData.unique("rita"), Groups.RECALL_COORDINATORS, null, null);
    String approver = testData.staff(TestData.unique("victor"), Groups.RECALL_COORDINATORS, null, null);
    campaignId = ("S" + TestData.unique("").substring(1, 9)).toUpperCase();
    center = ("C" + TestData.unique("").substring(1, 9)).toUpperCase();
    Api.at(port).basic("test-admin", "test-admin-secret").put("/api/service-centers/" + center,
        Map.of("name", "Atelier Test", "region", region, "dailySlots", 1, "mobileUnits", 1));
    campaigns.create(new RecallCampaignService.NewCampaign(campaignId, "Seat belt buckle", "Seat belt", "May not latch.",
        "Occupant not restrained.", "Replace the buckle.", List.of(RecallCampaign.RemedyOption.DEALER,
        RecallCampaign.RemedyOption.MOBILE), 2, new RecallCampaignService.Parts(true, null,
        List.of(new RecallCampaignService.RegionStock(region, 10, null)))), drafter);
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 2; i++) {
      Customer owner = testData.customer().speaking(i == 0 ? "fr" : "en").inRegion(region, "Europe/Paris").create();
      owners.add(owner);
      Vehicle v = testData.vehicle(owner.id());
      vehicles.add(v);
      csv.append(v.vin()).append('\n');
    }
    campaigns.importVehicles(campaignId, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
    jobs.runDue(NoticeApproval.approve(runtimeService, taskService, campaignId, drafter, approver));
    tomorrow = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris"))).plusDays(1);
  }

  @Test
  void theOwnerReadsTheRecallSeesOnlyFreeDaysBooksAndGetsACalendarFile() {
    var file = owner(0).get(self(0));
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.json().get("title").asText()).isEqualTo("Seat belt buckle");
    assertThat(file.json().get("safetyRisk").asText()).isEqualTo("Occupant not restrained.");
    assertThat(file.json().get("remedyHours").asInt()).isEqualTo(2);
    assertThat(file.json().get("parts").get("available").asBoolean()).isTrue();
    assertThat(file.json().get("status").asText()).isEqualTo(RecallVehicleStatus.NOTIFIED.name());
    assertThat(file.json().get("serviceCenters").findValuesAsText("id")).containsExactly(center);
    assertThat(file.json().get("options").toString()).contains("DEALER", "MOBILE").doesNotContain("PICKUP");
    assertThat(file.json().get("firstDay").asText()).isEqualTo(tomorrow.toString());
    assertThat(owner(0).get("/api/self-service/recalls").json().findValuesAsText("campaignId")).contains(campaignId);
    assertThat(owner(0).get(self(0) + "/appointment.ics").status()).isEqualTo(404);

    assertThat(owner(1).post(booking(1), Map.of("option", "DEALER", "serviceCenter", center, "date", tomorrow.toString()))
        .status()).isEqualTo(201);
    var days = owner(0).get(self(0) + "/availability?option=DEALER&serviceCenter=" + center);
    assertThat(days.status()).isEqualTo(200);
    assertThat(days.json().get(0).get("date").asText()).isEqualTo(tomorrow.toString());
    assertThat(days.json().get(0).get("free").asBoolean()).isFalse(); // the one dealer slot is taken
    assertThat(days.json().get(1).get("free").asBoolean()).isTrue();
    assertThat(owner(0).get(self(0) + "/availability?option=MOBILE&serviceCenter=" + center).json().get(0).get("free")
        .asBoolean()).isTrue(); // mobile units are counted apart

    assertThat(owner(0).post(booking(0), Map.of("option", "DEALER", "serviceCenter", center,
        "date", tomorrow.plusDays(1).toString())).status()).isEqualTo(201);
    var booked = owner(0).get(self(0)).json();
    assertThat(booked.get("appointment").get("day").asText()).isEqualTo(tomorrow.plusDays(1).toString());
    assertThat(booked.get("appointment").get("serviceCenterName").asText()).isEqualTo("Atelier Test");
    var ics = owner(0).get(self(0) + "/appointment.ics");
    assertThat(ics.status()).isEqualTo(200);
    assertThat(ics.contentType()).startsWith("text/calendar");
    assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VEVENT", "END:VCALENDAR",
        "DTSTART:" + tomorrow.plusDays(1).toString().replace("-", ""), "LOCATION:Atelier Test");
    // the French owner's calendar names the repair by the campaign's French title, as his notice did
    assertThat(unfolded(ics.body())).contains("SUMMARY:Réparation de sécurité de votre Aurora Sedan : Boucle de ceinture",
        "DESCRIPTION:Réparation de sécurité gratuite (rappel " + campaignId + ") : Boucle de ceinture.")
        .doesNotContain("Seat belt buckle");
  }

  @Test
  void aCampaignWithoutAllItsFrenchFactsNamesTheRepairInEnglishInTheFrenchOwnersCalendarAndSurvey() {
    assertThat(owner(0).post(booking(0), Map.of("option", "DEALER", "serviceCenter", center, "date", tomorrow.toString()))
        .status()).isEqualTo(201);
    String token = surveys.open(campaignId + ":" + vehicles.get(0).vin(), owners.get(0).id());
    // kept from before the French-facts rule: the English facts, the whole set, as on his page
    jdbc.sql("update drivecare.recall_campaign set defect_fr = null where id = ?").param(campaignId).update();

    assertThat(unfolded(owner(0).get(self(0) + "/appointment.ics").body()))
        .contains("SUMMARY:Réparation de sécurité de votre Aurora Sedan : Seat belt buckle")
        .doesNotContain("Boucle de ceinture");
    var about = Api.at(port).get("/api/surveys/" + token).json();
    assertThat(about.get("title").asText()).isEqualTo("Seat belt buckle");
    assertThat(about.get("factsLanguage").asText()).isEqualTo("en");
    assertThat(about.get("language").asText()).isEqualTo("fr");
  }

  @Test
  void theFrenchPageGetsTheFrenchFactsAndIsToldWhenTheCampaignHasThemOnlyInEnglish() {
    var french = owner(0).get(self(0) + "?lang=fr").json();
    assertThat(french.get("factsLanguage").asText()).isEqualTo("fr");
    assertThat(french.get("title").asText()).isEqualTo("Boucle de ceinture");
    assertThat(french.get("component").asText()).isEqualTo("Ceinture de sécurité");
    assertThat(french.get("defect").asText()).isEqualTo("Peut ne pas se verrouiller.");
    assertThat(french.get("safetyRisk").asText()).isEqualTo("Occupant non retenu.");
    assertThat(french.get("remedy").asText()).isEqualTo("Remplacement de la boucle.");
    var english = owner(0).get(self(0) + "?lang=en").json();
    assertThat(english.get("factsLanguage").asText()).isEqualTo("en");
    assertThat(english.get("defect").asText()).isEqualTo("May not latch.");
    // "is my car affected?" in French, and the owner's list of his recalls
    var lookup = Api.at(port).get("/api/recalls?vin=" + vehicles.get(0).vin() + "&lang=fr").json().get("recalls").get(0);
    assertThat(lookup.get("factsLanguage").asText()).isEqualTo("fr");
    assertThat(lookup.get("safetyRisk").asText()).isEqualTo("Occupant non retenu.");
    assertThat(owner(0).get("/api/self-service/recalls?lang=fr").json().findValuesAsText("title"))
        .contains("Boucle de ceinture");
    assertThat(listed(0, "fr").get("factsLanguage").asText()).isEqualTo("fr");

    // a campaign whose French facts are incomplete (kept from before the French-facts rule): the
    // English facts, all of them, and the page is told which language they are in — never a silent mix
    jdbc.sql("update drivecare.recall_campaign set defect_fr = null where id = ?").param(campaignId).update();
    var fallback = owner(0).get(self(0) + "?lang=fr").json();
    assertThat(fallback.get("factsLanguage").asText()).isEqualTo("en");
    assertThat(fallback.get("title").asText()).isEqualTo("Seat belt buckle");
    assertThat(fallback.get("defect").asText()).isEqualTo("May not latch.");
    assertThat(fallback.get("safetyRisk").asText()).isEqualTo("Occupant not restrained.");
    // his list says so too, for the page to mark the English title
    var listed = listed(0, "fr");
    assertThat(listed.get("title").asText()).isEqualTo("Seat belt buckle");
    assertThat(listed.get("factsLanguage").asText()).isEqualTo("en");
  }

  /** This campaign's entry in owner {@code i}'s list of his recalls, in {@code lang}. */
  private JsonNode listed(int i, String lang) {
    for (JsonNode recall : owner(i).get("/api/self-service/recalls?lang=" + lang).json()) {
      if (recall.get("campaignId").asText().equals(campaignId)) {
        return recall;
      }
    }
    throw new AssertionError("campaign " + campaignId + " not in owner " + i + "'s list");
  }

  @Test
  void anotherOwnersTokenGetsNotFoundAndBadChoicesAreProblems() {
    for (String path : List.of(self(0), self(0) + "/availability?option=DEALER&serviceCenter=" + center,
        self(0) + "/appointment.ics", "/api/self-service/timeline/" + campaignId + ":" + vehicles.get(0).vin())) {
      var foreign = owner(1).get(path);
      assertThat(foreign.status()).as(path).isEqualTo(404);
      assertThat(foreign.contentType()).as(path).startsWith("application/problem+json");
    }
    assertThat(owner(1).get("/api/self-service/recalls").json().findValuesAsText("vin"))
        .doesNotContain(vehicles.get(0).vin());
    var badOption = owner(0).get(self(0) + "/availability?option=PICKUP&serviceCenter=" + center);
    assertThat(badOption.status()).isEqualTo(400);
    assertThat(badOption.json().get("errors").get(0).get("field").asText()).isEqualTo("option");
    var badCenter = owner(0).get(self(0) + "/availability?option=DEALER&serviceCenter=NOWHERE");
    assertThat(badCenter.status()).isEqualTo(400);
    assertThat(badCenter.json().get("errors").get(0).get("field").asText()).isEqualTo("serviceCenter");
    assertThat(owner(0).get("/api/self-service/recalls/" + campaignId + "/vehicles/NOT-A-VIN").status()).isEqualTo(400);
    assertThat(Api.at(port).get(self(0)).status()).isEqualTo(401);
  }

  @Test
  void aSurveyLinkSaysWhichCarAndRepairItIsAboutWithoutALogin() {
    String token = surveys.open(campaignId + ":" + vehicles.get(0).vin(), owners.get(0).id());
    var about = Api.at(port).get("/api/surveys/" + token);
    assertThat(about.status()).isEqualTo(200);
    // the French owner reads the campaign's French title; the page in English (his choice) the English one
    assertThat(about.json().get("title").asText()).isEqualTo("Boucle de ceinture");
    assertThat(about.json().get("factsLanguage").asText()).isEqualTo("fr");
    assertThat(Api.at(port).get("/api/surveys/" + token + "?lang=en").json().get("title").asText())
        .isEqualTo("Seat belt buckle");
    assertThat(about.json().get("model").asText()).isEqualTo("Aurora Sedan");
    assertThat(about.json().get("answered").asBoolean()).isFalse();
    assertThat(about.json().get("language").asText()).isEqualTo("fr");
    assertThat(about.body()).doesNotContain(owners.get(0).name(), vehicles.get(0).vin());
    assertThat(Api.at(port).get("/api/surveys/srv_unknown").status()).isEqualTo(404);
  }

  /** iCalendar lines as one: folded lines (75 octets) continue after a line break and a space. */
  private static String unfolded(String ics) {
    return ics.replace("\r\n ", "");
  }

  private Api owner(int i) {
    return Api.at(port).bearer(testData.token(owners.get(i).id()));
  }

  private String self(int i) {
    return "/api/self-service/recalls/" + campaignId + "/vehicles/" + vehicles.get(i).vin();
  }

  private String booking(int i) {
    return "/api/recalls/" + campaignId + "/vehicles/" + vehicles.get(i).vin() + "/appointment";
  }
}
