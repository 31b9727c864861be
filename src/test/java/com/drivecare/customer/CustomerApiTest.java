package com.drivecare.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.TestData;
import com.drivecare.contact.ContactLog;
import com.drivecare.contact.Direction;
import com.drivecare.people.Groups;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The staff API for customers, vehicles and reservations, and what a customer's token opens — over HTTP. */
@DrivecareTest
class CustomerApiTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired ContactLog contactLog;
  @Autowired IdentityService identityService;

  Api staff;

  @BeforeEach
  void login() {
    String owner = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, TestData.FR, null);
    staff = Api.at(port).basic(owner, TestData.password(owner));
  }

  @Test
  void createsAndReadsACustomer() {
    var created = staff.post("/api/customers", customerJson("Camille Durand"));
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(created.json().get("timeZone").asText()).isEqualTo("Europe/Paris"); // the region's by default
    var read = staff.get("/api/customers/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("name").asText()).isEqualTo("Camille Durand");
    assertThat(read.json().get("preferredChannel").asText()).isEqualTo("EMAIL");
    assertThat(read.json().get("doNotCall").asBoolean()).isFalse();
  }

  @Test
  void invalidCustomerIsRefusedFieldByFieldAndNothingIsWritten() {
    Map<String, Object> bad = customerJson("Nobody Written");
    bad.put("phone", "0612345678");
    bad.put("language", "de");
    bad.put("region", "ATLANTIS");
    bad.remove("email");
    var refused = staff.post("/api/customers", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("phone", "language", "region", "email");
    assertThat(refused.json().get("detail").asText()).contains("phone must be an E.164 number");
    assertThat(staff.get("/api/customers?name=Nobody%20Written").json()).isEmpty();
  }

  @Test
  void unknownFieldsAndBrokenJsonAreRefused() {
    Map<String, Object> typo = customerJson("Typo");
    typo.put("emial", "x@example.com");
    var unknown = staff.post("/api/customers", typo);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("emial");
    Map<String, Object> wrongEnum = customerJson("Wrong enum");
    wrongEnum.put("preferredChannel", "PIGEON");
    assertThat(staff.post("/api/customers", wrongEnum).json().get("errors").get(0).get("field").asText())
        .isEqualTo("preferredChannel");
    assertThat(staff.post("/api/customers", "{not json").status()).isEqualTo(400);
  }

  @Test
  void vehicleVinIsValidatedAndUnique() {
    long owner = testData.customer().create().id();
    var badCheckDigit = staff.post("/api/vehicles", vehicleJson("1M8GDM9A1KP042788", owner));
    assertThat(badCheckDigit.status()).isEqualTo(400);
    assertThat(badCheckDigit.json().get("errors").get(0).get("field").asText()).isEqualTo("vin");
    assertThat(badCheckDigit.json().get("errors").get(0).get("reason").asText()).contains("check digit");

    String vin = TestData.europeanVin();
    var created = staff.post("/api/vehicles", vehicleJson(vin.toLowerCase(), owner));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("vin").asText()).isEqualTo(vin);
    assertThat(created.json().get("region").asText()).isEqualTo(TestData.FR);
    assertThat(staff.post("/api/vehicles", vehicleJson(vin, owner)).status()).isEqualTo(409);
    assertThat(staff.get("/api/vehicles?vin=" + vin).json()).hasSize(1);
  }

  @Test
  void reservationGetsANumberAndTheRegionsCurrency() {
    long customer = testData.customer().create().id();
    var created = staff.post("/api/reservations", Map.of("customerId", customer, "model", "Aurora GT", "deposit", 2500));
    assertThat(created.status()).isEqualTo(201);
    String number = created.json().get("number").asText();
    assertThat(number).startsWith("RES-");
    assertThat(created.json().get("currency").asText()).isEqualTo("EUR");
    assertThat(created.json().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(staff.get("/api/reservations/" + number).json().get("customerId").asLong()).isEqualTo(customer);
    assertThat(staff.post("/api/reservations", Map.of("number", number, "customerId", customer, "model", "X",
        "deposit", 1)).status()).isEqualTo(409);
    assertThat(staff.post("/api/reservations", Map.of("customerId", 999_999_999, "model", "X", "deposit", -1))
        .json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("customerId", "deposit");
  }

  @Test
  void csvImportTakesTheGoodRowsAndReportsTheBadOnesByLine() {
    String tag = TestData.unique("csv");
    String csv = """
        name,email,phone,preferredChannel,language,region,doNotCall
        Alice %1$s,alice-%1$s@example.com,+33611111111,EMAIL,fr,T-FR,false
        Bob %1$s,bob-%1$s@example.com,06 11 11 11 11,SMS,fr,T-FR,no
        Carol %1$s,carol-%1$s@example.com,+14155550101,SMS,en,T-NA,yes
        Dave %1$s,,+33622222222,EMAIL,fr,T-FR,maybe
        """.formatted(tag);
    var report = staff.postCsv("/api/customers/import", csv);
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.json().get("accepted").asInt()).isEqualTo(1);
    // Carol is in another region than this case owner: he writes, like he reads, his own region only
    assertThat(report.json().get("rejected").findValuesAsText("line")).containsExactly("3", "4", "5");
    assertThat(report.json().get("rejected").get(0).get("reason").asText()).contains("phone");
    assertThat(report.json().get("rejected").get(1).get("reason").asText()).contains("region");
    assertThat(report.json().get("rejected").get(2).get("reason").asText()).contains("doNotCall");
    assertThat(staff.get("/api/customers?name=" + tag).json().findValuesAsText("name"))
        .containsExactlyInAnyOrder("Alice " + tag);
  }

  @Test
  void csvImportOfVehiclesReportsBadVinsAndDuplicates() {
    long owner = testData.customer().create().id();
    String vin = TestData.europeanVin();
    String csv = """
        vin,model,modelYear,ownerId
        %1$s,Aurora Sedan,2025,%2$d
        1M8GDM9A1KP042788,Aurora Sedan,2025,%2$d
        %1$s,Aurora Sedan,2025,%2$d
        %3$s,Aurora Sedan,next year,%2$d
        """.formatted(vin, owner, TestData.europeanVin());
    var report = staff.postCsv("/api/vehicles/import", csv);
    assertThat(report.json().get("accepted").asInt()).isEqualTo(1);
    assertThat(report.json().get("rejected").findValuesAsText("line")).containsExactly("3", "4", "5");
    assertThat(report.json().get("rejected").get(1).get("reason").asText()).contains("already registered");
    assertThat(staff.postCsv("/api/vehicles/import", "vin,colour\nX,red\n").status()).isEqualTo(400);
  }

  @Test
  void customerTokenOpensOnlyHisOwnData() {
    Customer alice = testData.customer().create();
    Customer bob = testData.customer().create();
    Reservation aliceReservation = testData.reservation(alice.id());
    Reservation bobReservation = testData.reservation(bob.id());
    Vehicle aliceCar = testData.vehicle(alice.id());
    Vehicle bobCar = testData.vehicle(bob.id());
    var tokenResponse = staff.post("/api/customers/" + alice.id() + "/access-tokens", Map.of("purpose", "test"));
    assertThat(tokenResponse.status()).isEqualTo(201);
    String token = tokenResponse.json().get("token").asText();
    Api asAlice = Api.at(port).bearer(token);

    assertThat(asAlice.get("/api/reservations/" + aliceReservation.number()).status()).isEqualTo(200);
    assertThat(asAlice.get("/api/reservations/" + bobReservation.number()).status()).isEqualTo(404);
    assertThat(asAlice.get("/api/vehicles/" + aliceCar.id()).status()).isEqualTo(200);
    assertThat(asAlice.get("/api/vehicles/" + bobCar.id()).status()).isEqualTo(404);
    assertThat(asAlice.get("/api/vehicles").json().findValuesAsText("vin")).containsExactly(aliceCar.vin());
    assertThat(asAlice.get("/api/reservations").json().findValuesAsText("number")).containsExactly(aliceReservation.number());
    assertThat(asAlice.get("/api/customers/" + bob.id()).status()).isEqualTo(404);
    assertThat(asAlice.get("/api/customers").status()).isEqualTo(403);
    assertThat(asAlice.post("/api/customers/" + alice.id() + "/access-tokens", Map.of()).status()).isEqualTo(403);
    assertThat(asAlice.get("/engine-rest/engine").status()).isEqualTo(403);

    contactLog.record("CASE-" + alice.id(), alice.id(), Channel.CALL, Direction.OUTBOUND, "someone", "REACHED", "hello");
    contactLog.record("CASE-" + bob.id(), bob.id(), Channel.CALL, Direction.OUTBOUND, "someone", "REACHED", "hello");
    assertThat(asAlice.get("/api/cases/CASE-" + alice.id() + "/timeline").json()).hasSize(1);
    assertThat(asAlice.get("/api/cases/CASE-" + bob.id() + "/timeline").status()).isEqualTo(404);

    long tokenId = tokenResponse.json().get("id").asLong();
    assertThat(staff.delete("/api/customers/" + alice.id() + "/access-tokens/" + tokenId).status()).isEqualTo(204);
    var revoked = asAlice.get("/api/reservations/" + aliceReservation.number());
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.contentType()).startsWith("application/problem+json");
    assertThat(Api.at(port).bearer("dct_made-up").get("/api/reservations").status()).isEqualTo(401);
  }

  @Test
  void staffSeeOnlyTheirRegionsCustomers() {
    Customer inNorthAmerica = testData.customer().inRegion(TestData.NA, "America/Los_Angeles").speaking("en").create();
    assertThat(staff.get("/api/customers/" + inNorthAmerica.id()).status()).isEqualTo(404);
    String naOwner = testData.staff(TestData.unique("owner-na"), Groups.CASE_OWNERS, TestData.NA, null);
    assertThat(Api.at(port).basic(naOwner, TestData.password(naOwner)).get("/api/customers/" + inNorthAmerica.id())
        .status()).isEqualTo(200);
    String national = testData.staff(TestData.unique("relations"), Groups.CUSTOMER_RELATIONS, null, null);
    assertThat(Api.at(port).basic(national, TestData.password(national)).get("/api/customers/" + inNorthAmerica.id())
        .status()).isEqualTo(200);
  }

  @Test
  void staffNotYetInTheDirectorySeeNoCustomer() {
    Customer customer = testData.customer().create();
    String newcomer = TestData.unique("newcomer");
    var user = identityService.newUser(newcomer);
    user.setPassword("pw-" + newcomer);
    identityService.saveUser(user);
    identityService.createMembership(newcomer, Groups.CASE_OWNERS);
    Api asNewcomer = Api.at(port).basic(newcomer, "pw-" + newcomer);
    assertThat(asNewcomer.get("/api/customers/" + customer.id()).status()).isEqualTo(404);
    assertThat(asNewcomer.get("/api/customers?limit=500").json()).isEmpty();
    assertThat(asNewcomer.get("/api/outbox").json()).isEmpty();
  }

  private static Map<String, Object> customerJson(String name) {
    Map<String, Object> json = new HashMap<>();
    json.put("name", name);
    json.put("email", TestData.unique("c") + "@example.com");
    json.put("phone", "+33612345678");
    json.put("preferredChannel", "EMAIL");
    json.put("language", "fr");
    json.put("region", TestData.FR);
    return json;
  }

  private static Map<String, Object> vehicleJson(String vin, long owner) {
    return Map.of("vin", vin, "model", "Aurora Sedan", "modelYear", 2025, "listPrice", 64900, "ownerId", owner);
  }
}
