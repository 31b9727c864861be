package com.drivecare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.TestData;
import com.drivecare.people.Groups;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every door needs a key: engine REST, Drivecare API, webapps, Actuator. */
@DrivecareTest
class SecurityTest {

  static final String ADMIN = "test-admin";
  static final String ADMIN_PASSWORD = "test-admin-secret";

  @LocalServerPort
  int port;

  @Autowired
  TestData testData;

  @Test
  void engineRestNeedsCredentials() {
    Api anonymous = Api.at(port);
    assertThat(anonymous.get("/engine-rest/engine").status()).isEqualTo(401);
    // a wrong password is refused; it does not refuse the right one (LoginThrottleTest has the throttle)
    String someone = testData.staff(TestData.unique("someone"), Groups.CASE_OWNERS, TestData.FR, null);
    assertThat(anonymous.basic(someone, "wrong").get("/engine-rest/engine").status()).isEqualTo(401);
    assertThat(anonymous.basic(someone, TestData.password(someone)).get("/engine-rest/engine").status())
        .as("not locked after a failed login").isEqualTo(200);
    var ok = anonymous.basic(ADMIN, ADMIN_PASSWORD).get("/engine-rest/engine");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get(0).get("name").asText()).isEqualTo("default");
  }

  @Test
  void evaluatingConditionsWithNoConditionalStartEventIsABadRequestForEveryone() {
    String agent = testData.staff(TestData.unique("agent"), Groups.CASE_OWNERS, TestData.FR, null);
    for (Api caller : new Api[] {Api.at(port).basic(ADMIN, ADMIN_PASSWORD), Api.at(port).basic(agent, TestData.password(agent))}) {
      for (String body : new String[] {"{}", "null", "{\"variables\": {\"a\": {\"value\": 1, \"type\": \"Integer\"}}}"}) {
        for (String path : new String[] {"/engine-rest/condition", "/engine-rest/engine/default/condition"}) {
          var answer = caller.post(path, body);
          assertThat(answer.status()).as(path + " " + body).isEqualTo(400);
          assertThat(answer.contentType()).startsWith("application/problem+json");
          assertThat(answer.json().get("detail").asText()).contains("conditional start event");
        }
      }
    }
    assertThat(Api.at(port).post("/engine-rest/condition", "{}").status()).isEqualTo(401);
  }

  @Test
  void engineRestAppliesCamundaAuthorizations() {
    String nobody = testData.staff(TestData.unique("nogroup"), null, null, null);
    // a user without rights sees no users at all; the administrator sees them
    var asNobody = Api.at(port).basic(nobody, TestData.password(nobody)).get("/engine-rest/group?id=" + Groups.MANAGERS);
    assertThat(asNobody.status()).isEqualTo(200);
    assertThat(asNobody.json()).isEmpty();
    var asAdmin = Api.at(port).basic(ADMIN, ADMIN_PASSWORD).get("/engine-rest/group?id=" + Groups.MANAGERS);
    assertThat(asAdmin.json()).hasSize(1);
  }

  @Test
  void apiNeedsCredentialsAndAStaffGroup() {
    var anonymous = Api.at(port).get("/api/regions");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(anonymous.json().get("title").asText()).isEqualTo("Authentication required");

    String nobody = testData.staff(TestData.unique("nogroup"), null, null, null);
    var forbidden = Api.at(port).basic(nobody, TestData.password(nobody)).get("/api/regions");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.contentType()).startsWith("application/problem+json");

    String owner = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, TestData.FR, null);
    var regions = Api.at(port).basic(owner, TestData.password(owner)).get("/api/regions");
    assertThat(regions.status()).isEqualTo(200);
    assertThat(regions.json().findValuesAsText("code")).contains(TestData.FR, TestData.NA);
  }

  @Test
  void organisationSetUpIsForAdministrators() {
    String owner = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, TestData.FR, null);
    var region = Map.of("name", "Test Spain", "country", "ES", "timeZone", "Europe/Madrid", "currency", "EUR");
    assertThat(Api.at(port).basic(owner, TestData.password(owner)).put("/api/regions/T-ES", region).status())
        .isEqualTo(403);
    var saved = Api.at(port).basic(ADMIN, ADMIN_PASSWORD).put("/api/regions/T-ES", region);
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().get("timeZone").asText()).isEqualTo("Europe/Madrid");
    var bad = Api.at(port).basic(ADMIN, ADMIN_PASSWORD).put("/api/regions/T-ES",
        Map.of("name", "Test Spain", "country", "Spain", "timeZone", "Mars/Olympus", "currency", "EUR"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").findValuesAsText("field")).contains("country", "timeZone");
  }

  @Test
  void healthIsOpenWithoutDetailsAndTheRestOfActuatorNeedsALogin() {
    var health = Api.at(port).get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
    assertThat(health.json().has("components")).isFalse();

    var detailed = Api.at(port).basic(ADMIN, ADMIN_PASSWORD).get("/actuator/health");
    assertThat(detailed.json().get("components").has("db")).isTrue();
    assertThat(detailed.json().get("components").has("processEngine")).isTrue();

    assertThat(Api.at(port).get("/actuator/prometheus").status()).isEqualTo(401);
    var metrics = Api.at(port).basic(ADMIN, ADMIN_PASSWORD).get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("drivecare_outbox_messages");
  }

  @Test
  void webappsLoadAfterLogin() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
      var page = browser.send(get("/camunda/app/" + app + "/"), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).containsIgnoringCase("<html");
    }
    // before login the webapps' API refuses
    var before = browser.send(get("/camunda/api/engine/engine/default/task/count"), HttpResponse.BodyHandlers.ofString());
    assertThat(before.statusCode()).isEqualTo(401);

    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    var login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + ADMIN + "&password=" + ADMIN_PASSWORD)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("\"tasklist\"", "\"cockpit\"", "\"admin\"");
    var after = browser.send(get("/camunda/api/engine/engine/default/task/count"), HttpResponse.BodyHandlers.ofString());
    assertThat(after.statusCode()).isEqualTo(200);
    var filters = browser.send(get("/camunda/api/engine/engine/default/filter"), HttpResponse.BodyHandlers.ofString());
    assertThat(filters.body()).contains("My tasks", "My group's tasks", "Overdue");
  }

  @Test
  void selfServicePageIsPublicButItsDataNeedsAToken() {
    var page = Api.at(port).get("/self-service/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("self-service.js");
    assertThat(Api.at(port).get("/self-service/self-service.js").status()).isEqualTo(200);
    assertThat(Api.at(port).get("/api/reservations").status()).isEqualTo(401);
    assertThat(Api.at(port).get("/some/other/path").status()).isIn(401, 403);
  }

  @Test
  void wrongPasswordOnTheWebappIsRefused() throws IOException, InterruptedException {
    String someone = testData.staff(TestData.unique("someone"), Groups.CASE_OWNERS, TestData.FR, null);
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
    browser.send(get("/camunda/app/tasklist/"), HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    var login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + someone + "&password=nope")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(401);
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET().build();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
