package com.drivecare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.TestData;
import com.drivecare.people.Groups;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Wrong passwords slow their sender down and lock nobody out: HTTP Basic on {@code /api} and
 * {@code /engine-rest} and the webapps' login share one throttle, per user name and client address.
 * Delays are waited out by moving the engine clock, never by sleeping.
 */
@DrivecareTest
class LoginThrottleTest {

  /** Another client than the tests' own HTTP client: a second loopback address (Linux routes all of 127/8). */
  static final String OTHER_ADDRESS = "127.0.0.2";

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired LoginThrottle throttle;
  @Autowired LoginProperties properties;
  @Autowired IdentityService identityService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void elevenAnonymousWrongPasswordsLockNobodyOut() throws IOException {
    String user = staff();
    Api stranger = Api.at(port).basic(user, "wrong");
    for (int attempt = 1; attempt <= 11; attempt++) {
      assertThat(stranger.get("/engine-rest/engine").status()).as("wrong password %d", attempt).isEqualTo(401);
      waitFor(properties.maxDelay());
    }
    // the right password, from another address at once, on both Basic entrances
    assertThat(getFrom(OTHER_ADDRESS, "/engine-rest/engine", user, TestData.password(user))).isEqualTo(200);
    assertThat(getFrom(OTHER_ADDRESS, "/api/regions", user, TestData.password(user))).isEqualTo(200);
    // and from the stranger's own address once his delay is over: Camunda has not locked the account
    assertThat(Api.at(port).basic(user, TestData.password(user)).get("/engine-rest/engine").status()).isEqualTo(200);
    assertThat(identityService.checkPassword(user, TestData.password(user))).isTrue();
  }

  @Test
  void oneWrongPasswordDoesNotRefuseTheRightOne() {
    String user = staff();
    assertThat(Api.at(port).basic(user, "typo").get("/api/regions").status()).isEqualTo(401);
    assertThat(Api.at(port).basic(user, TestData.password(user)).get("/api/regions").status()).isEqualTo(200);
  }

  @Test
  void wrongPasswordsFromOneAddressGetGrowingDelays() throws IOException {
    String user = staff();
    Api wrong = Api.at(port).basic(user, "guess");
    Api right = Api.at(port).basic(user, TestData.password(user));
    for (int free = 0; free < properties.freeFailures(); free++) {
      assertThat(wrong.get("/api/regions").status()).isEqualTo(401);
    }
    assertThat(wrong.get("/api/regions").status()).isEqualTo(401);

    long previous = 0;
    for (int delay = 0; delay < 4; delay++) {
      var refused = right.get("/api/regions");
      assertThat(refused.status()).as("refused unchecked, even with the right password").isEqualTo(429);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      long retryAfter = Long.parseLong(refused.json().get("detail").asText().replaceAll("\\D+", ""));
      assertThat(retryAfter).isGreaterThan(previous);
      previous = retryAfter;
      // another address is not slowed down
      assertThat(getFrom(OTHER_ADDRESS, "/api/regions", user, TestData.password(user))).isEqualTo(200);
      waitFor(Duration.ofSeconds(retryAfter));
      assertThat(wrong.get("/api/regions").status()).isEqualTo(401);
    }
    assertThat(previous).isEqualTo(8); // 1, 2, 4, 8 seconds
    waitFor(properties.maxDelay());
    assertThat(right.get("/api/regions").status()).isEqualTo(200);
    assertThat(wrong.get("/api/regions").status()).as("the right password ended the streak").isEqualTo(401);
  }

  @Test
  void manyAddressesAtOnceHoldTheUserBackForAtMostTheUserDelay() {
    String user = TestData.unique("target");
    for (int address = 1; address <= 100; address++) {
      throttle.failed(user, "10.0.0." + address);
    }
    var elsewhere = throttle.before(user, "192.0.2.1");
    assertThat(elsewhere.refused()).isTrue();
    assertThat(elsewhere.delay()).isLessThanOrEqualTo(properties.userMaxDelay());
    waitFor(properties.userMaxDelay());
    assertThat(throttle.before(user, "192.0.2.1").refused()).isFalse();
  }

  @Test
  void webappLoginSharesTheThrottle() throws Exception {
    String user = staff();
    Browser browser = new Browser();
    for (int attempt = 0; attempt <= properties.freeFailures(); attempt++) {
      assertThat(browser.login(user, "guess").statusCode()).isEqualTo(401);
    }
    var refused = browser.login(user, TestData.password(user));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(Api.at(port).basic(user, TestData.password(user)).get("/api/regions").status())
        .as("same address over HTTP Basic").isEqualTo(429);
    waitFor(Duration.ofSeconds(1));
    assertThat(browser.login(user, TestData.password(user)).statusCode()).isEqualTo(200);
  }

  @Test
  void verifyingAPasswordIsForAdministrators() throws Exception {
    String agent = staff();
    String victim = staff();
    Map<String, String> guess = Map.of("username", victim, "password", TestData.password(victim));
    var asAgent = Api.at(port).basic(agent, TestData.password(agent)).post("/engine-rest/identity/verify", guess);
    assertThat(asAgent.status()).isEqualTo(403);
    assertThat(asAgent.body()).doesNotContain("authenticated");
    assertThat(Api.at(port).basic(agent, TestData.password(agent))
        .post("/engine-rest/engine/default/identity/verify", guess).status()).isEqualTo(403);

    Browser browser = new Browser();
    assertThat(browser.login(agent, TestData.password(agent)).statusCode()).isEqualTo(200);
    var throughWebapp = browser.postJson("/camunda/api/engine/engine/default/identity/verify",
        "{\"username\":\"" + victim + "\",\"password\":\"" + TestData.password(victim) + "\"}");
    assertThat(throughWebapp.statusCode()).isEqualTo(403);
    assertThat(throughWebapp.body()).doesNotContain("authenticated");

    var asAdmin = Api.at(port).basic(SecurityTest.ADMIN, SecurityTest.ADMIN_PASSWORD)
        .post("/engine-rest/identity/verify", guess);
    assertThat(asAdmin.status()).isEqualTo(200);
    assertThat(asAdmin.json().get("authenticated").asBoolean()).isTrue();
  }

  private String staff() {
    return testData.staff(TestData.unique("agent"), Groups.CASE_OWNERS, TestData.FR, null);
  }

  private static void waitFor(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis() + 1));
  }

  /** A GET with HTTP Basic from another local address: Java's HttpClient cannot choose its source address. */
  private int getFrom(String address, String path, String user, String password) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(address, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(30_000);
      String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
          + credentials + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  /** The webapps as a browser uses them: session and CSRF cookies, Camunda's login form. */
  private final class Browser {
    final CookieManager cookies = new CookieManager();
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NORMAL).build();

    Browser() throws IOException, InterruptedException {
      client.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
    }

    HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
      return client.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf())
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
      return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .header("X-XSRF-TOKEN", csrf()).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private String csrf() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }
  }
}
