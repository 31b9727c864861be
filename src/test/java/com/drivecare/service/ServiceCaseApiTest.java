package com.drivecare.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.Jobs;
import com.drivecare.TestData;
import com.drivecare.customer.Customer;
import com.drivecare.customer.NewVehicle;
import com.drivecare.customer.VehicleService;
import com.drivecare.customer.Vehicle;
import com.drivecare.people.Groups;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service-case API over HTTP: the customer with his token, staff with their login. */
@DrivecareTest
class ServiceCaseApiTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired Jobs jobs;
  @Autowired VehicleService vehicles;

  String region;
  String advisor;
  Customer customer;
  Vehicle vehicle;
  Api asCustomer;
  Api asAdvisor;

  @BeforeEach
  void setUp() {
    region = testData.freshRegion();
    String manager = testData.staff(TestData.unique("svcmgr"), Groups.SERVICE_MANAGERS, region, null);
    advisor = testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, region, manager);
    customer = testData.customer().named("Paul Renard").inRegion(region, "Europe/Paris").create();
    vehicle = testData.vehicle(customer.id(), "Aurora GT", "121000");
    asCustomer = Api.at(port).bearer(testData.token(customer.id()));
    asAdvisor = Api.at(port).basic(advisor, TestData.password(advisor));
  }

  @Test
  void customerReportsABreakdownAndLearnsWhoOwnsIt() {
    var opened = asCustomer.post("/api/service-cases", Map.of("plate", vehicle.plate(), "kind", "ROADSIDE",
        "description", "Flat tyre on the A41", "location", "A41 exit 17", "reachAt", "+33612345678"));
    assertThat(opened.status()).isEqualTo(201);
    String number = opened.json().get("number").asText();
    assertThat(number).startsWith("SC-");
    assertThat(opened.json().get("tier").asText()).isEqualTo("PREMIUM");
    assertThat(opened.json().get("caseOwner").get("name").asText()).isEqualTo("First" + advisor + " Last");
    assertThat(opened.json().get("caseOwner").get("phone").asText()).isEqualTo("+33100000000");

    runJobs(number); // what the job executor does at once in production
    var mine = asCustomer.get("/api/service-cases/" + number);
    assertThat(mine.status()).isEqualTo(200);
    // Paul reads French: what happens next is in his language
    assertThat(mine.json().get("whatHappensNext").asText()).contains("va vous contacter");
    assertThat(asAdvisor.get("/api/service-cases/" + number).json().get("whatHappensNext").asText())
        .contains("will contact you");
    assertThat(mine.json().get("nextStepDue").asText()).isNotBlank();
    assertThat(mine.json().get("nextUpdateDue").asText()).isNotBlank();
    assertThat(mine.json().get("timeline").findValuesAsText("outcome")).contains("CASE_REPORTED", "CASE_OWNER_ASSIGNED");

    var found = asAdvisor.get("/api/service-cases?plate=" + vehicle.plate());
    assertThat(found.json().findValuesAsText("number")).containsExactly(number);
    assertThat(asAdvisor.get("/api/service-cases?customerName=Paul%20Renard").json().findValuesAsText("number"))
        .contains(number);

    assertThat(asCustomer.post("/api/service-cases/" + number + "/status-requests", "").status()).isEqualTo(200);
    var report = asAdvisor.get("/api/reports/escalation-pilot");
    var row = report.json().findParents("region").stream().filter(r -> r.get("region").asText().equals(region))
        .findFirst().orElseThrow();
    assertThat(row.get("cases").asInt()).isEqualTo(1);
    assertThat(row.get("pilot").asBoolean()).isFalse();
    assertThat(row.get("statusRequests").asInt()).isEqualTo(1);
  }

  @Test
  void anotherCustomersTokenSeesNothing() {
    String number = asCustomer.post("/api/service-cases", Map.of("vin", vehicle.vin(), "kind", "SERVICE",
        "description", "Noise when braking")).json().get("number").asText();
    Customer other = testData.customer().inRegion(region, "Europe/Paris").create();
    Api asOther = Api.at(port).bearer(testData.token(other.id()));
    assertThat(asOther.get("/api/service-cases/" + number).status()).isEqualTo(404);
    assertThat(asOther.post("/api/service-cases/" + number + "/escalation", Map.of("reason", "x")).status()).isEqualTo(404);
    assertThat(asOther.post("/api/service-cases", Map.of("vin", vehicle.vin(), "kind", "SERVICE",
        "description", "Not my car")).status()).isEqualTo(404);
    assertThat(asOther.get("/api/reports/escalation-pilot").status()).isEqualTo(403);
  }

  @Test
  void someoneElsesOwnerlessOrUnknownVinGetOneAnswer() {
    Customer other = testData.customer().inRegion(region, "Europe/Paris").create();
    Vehicle othersCar = testData.vehicle(other.id());
    Vehicle ownerless = vehicles.create(new NewVehicle(TestData.europeanVin(), null, "Aurora GT", 2025,
        new BigDecimal("90000"), null, region));
    String unknown = TestData.europeanVin();

    var answers = Stream.of(othersCar.vin(), ownerless.vin(), unknown)
        .map(vin -> asCustomer.post("/api/service-cases", Map.of("vin", vin, "kind", "SERVICE",
            "description", "Is this car known?")))
        .toList();

    assertThat(answers).allSatisfy(a -> {
      assertThat(a.status()).isEqualTo(404);
      assertThat(a.contentType()).startsWith("application/problem+json");
    });
    assertThat(answers).extracting(Api.Response::body).containsOnly(answers.get(0).body());
    assertThat(answers.get(0).body()).doesNotContain(othersCar.vin(), "owner");
    // staff of the vehicle's region may still learn that its owner is unknown
    var staff = asAdvisor.post("/api/service-cases", Map.of("vin", ownerless.vin(), "kind", "SERVICE",
        "description", "Whose car is this?"));
    assertThat(staff.status()).isEqualTo(400);
    assertThat(staff.body()).contains("without a known owner");
  }

  @Test
  void badVinOrPlateIsRefusedWithTheReason() {
    var badVin = asCustomer.post("/api/service-cases", Map.of("vin", "1M8GDM9A1KP042788", "kind", "SERVICE",
        "description", "x"));
    assertThat(badVin.status()).isEqualTo(400);
    assertThat(badVin.contentType()).startsWith("application/problem+json");
    assertThat(badVin.json().get("errors").get(0).get("field").asText()).isEqualTo("vin");
    var unknownPlate = asCustomer.post("/api/service-cases", Map.of("plate", "ZZ-000-ZZ", "kind", "SERVICE",
        "description", "x"));
    assertThat(unknownPlate.status()).isEqualTo(400);
    assertThat(unknownPlate.json().get("errors").get(0).get("field").asText()).isEqualTo("plate");
    var missing = asCustomer.post("/api/service-cases", Map.of("vin", vehicle.vin()));
    assertThat(missing.json().get("errors").findValuesAsText("field")).contains("kind", "description");
    var wrongKind = asCustomer.post("/api/service-cases", Map.of("vin", vehicle.vin(), "kind", "TOWING", "description", "x"));
    assertThat(wrongKind.status()).isEqualTo(400);
  }

  @Test
  void secondEscalationIsAConflictAndABadExpenseIsRefused() {
    String number = asCustomer.post("/api/service-cases", Map.of("vin", vehicle.vin(), "kind", "SERVICE",
        "description", "Engine light")).json().get("number").asText();
    var first = asCustomer.post("/api/service-cases/" + number + "/escalation", Map.of("reason", "Three days, no news"));
    assertThat(first.status()).isEqualTo(202);
    assertThat(first.json().get("pilot").asBoolean()).isFalse();
    var repeat = asCustomer.post("/api/service-cases/" + number + "/escalation", Map.of("reason", "Still nothing"));
    assertThat(repeat.status()).isEqualTo(409);
    assertThat(repeat.json().get("detail").asText()).contains("already has an open escalation");

    var badExpense = asCustomer.post("/api/service-cases/" + number + "/expenses",
        Map.of("kind", "CHAMPAGNE", "amount", -3, "currency", "euro"));
    assertThat(badExpense.status()).isEqualTo(400);
    assertThat(badExpense.json().get("errors").findValuesAsText("field")).contains("kind", "amount", "currency");
    var expense = asCustomer.post("/api/service-cases/" + number + "/expenses",
        Map.of("kind", "HOTEL", "amount", 139.5, "currency", "EUR", "note", "Ibis Annecy"));
    assertThat(expense.status()).isEqualTo(202);
    assertThat(expense.json().get("status").asText()).isEqualTo("PENDING");
  }

  private void runJobs(String number) {
    jobs.runDueForBusinessKey(number);
  }
}
