package com.drivecare.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.TestData;
import com.drivecare.contact.NotificationService;
import com.drivecare.customer.AccessTokenService;
import com.drivecare.customer.Customer;
import com.drivecare.customer.Reservation;
import com.drivecare.platform.PublicBaseUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The self-service page's links, texts, "who am I", plain timeline and "send me a fresh link", over HTTP. */
@DrivecareTest
class SelfServiceApiTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired NotificationService notifications;
  @Autowired AccessTokenService tokens;
  @Autowired PublicBaseUrl publicBaseUrl;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;

  @Test
  void linksFollowThePortTheServerListensOnAndOpenTheViewOfTheirCase() {
    Customer customer = testData.customer().create();
    assertThat(publicBaseUrl.get()).isEqualTo("http://localhost:" + port);
    String base = "http://localhost:" + port + "/self-service/#token=dct_";
    assertThat(notifications.accessLink(customer.id(), "RES-ABC123", "test")).startsWith(base)
        .endsWith("&view=reservation&case=RES-ABC123");
    assertThat(notifications.accessLink(customer.id(), "SC-000042", "test")).startsWith(base)
        .endsWith("&view=case&case=SC-000042");
    assertThat(notifications.accessLink(customer.id(), "23V-838:1DCAR5EV1RA000101", "test")).startsWith(base)
        .endsWith("&view=recall&case=23V-838:1DCAR5EV1RA000101");
    assertThat(notifications.accessLink(customer.id(), "customer-" + customer.id(), "test")).startsWith(base)
        .doesNotContain("view=").endsWith("&case=customer-" + customer.id());
    // and the link opens the page
    assertThat(Api.at(port).get("/self-service/").body()).contains("self-service.js");
  }

  @Test
  void thePageTextsComeInEnglishAndFrenchWithTheSameKeysAndNeedNoLogin() {
    var en = Api.at(port).get("/api/self-service/texts?lang=en");
    var fr = Api.at(port).get("/api/self-service/texts?lang=fr");
    assertThat(en.status()).isEqualTo(200);
    assertThat(fr.status()).isEqualTo(200);
    List<String> enKeys = iterator(en.json().fieldNames());
    assertThat(enKeys).hasSizeGreaterThan(200).containsExactlyInAnyOrderElementsOf(iterator(fr.json().fieldNames()));
    assertThat(en.json().get("res.confirm.yes").asText()).isEqualTo("Yes, cancel my reservation");
    assertThat(fr.json().get("res.confirm.yes").asText()).isEqualTo("Oui, annuler ma réservation");
    fr.json().fields().forEachRemaining(e -> assertThat(e.getValue().asText()).as(e.getKey()).isNotBlank());
    assertThat(Api.at(port).get("/api/self-service/texts?lang=de").json().get("res.confirm.yes").asText())
        .isEqualTo("Yes, cancel my reservation");
  }

  @Test
  void meIsTheCustomerHoldingTheLinkInHisLanguageAndTimeZone() {
    Customer emilie = testData.customer().named("Émilie Test").speaking("fr").inRegion(TestData.FR, "Europe/Paris")
        .create();
    var me = Api.at(port).bearer(testData.token(emilie.id())).get("/api/self-service/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("name").asText()).isEqualTo("Émilie Test");
    assertThat(me.json().get("language").asText()).isEqualTo("fr");
    assertThat(me.json().get("timeZone").asText()).isEqualTo("Europe/Paris");
    assertThat(Api.at(port).get("/api/self-service/me").status()).isEqualTo(401);
    var staff = Api.at(port).basic("test-admin", "test-admin-secret").get("/api/self-service/me");
    assertThat(staff.status()).isEqualTo(404);
    assertThat(staff.contentType()).startsWith("application/problem+json");
  }

  @Test
  void theTimelineInPlainTermsNamesWhoDidWhatAndIsNotFoundForAnotherCustomer() {
    String region = testData.freshRegion();
    testData.team(region);
    Customer customer = testData.customer().inRegion(region, "Europe/Paris").create();
    Reservation reservation = testData.reservation(customer.id());
    Api asCustomer = Api.at(port).bearer(testData.token(customer.id()));
    assertThat(asCustomer.post("/api/reservations/" + reservation.number() + "/cancellation",
        Map.of("reason", "Moving abroad")).status()).isEqualTo(201);
    var timeline = asCustomer.get("/api/self-service/timeline/" + reservation.number());
    assertThat(timeline.status()).isEqualTo(200);
    var first = timeline.json().get(0);
    assertThat(first.get("outcome").asText()).isEqualTo("CANCELLATION_REQUESTED");
    assertThat(first.get("who").asText()).isEqualTo("YOU");
    assertThat(first.get("at").asText()).isNotBlank();
    assertThat(timeline.body()).doesNotContain("Moving abroad", "customer:");

    Customer other = testData.customer().create();
    var foreign = Api.at(port).bearer(testData.token(other.id())).get("/api/self-service/timeline/" + reservation.number());
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anExpiredLinkGetsAFreshOneAtTheAddressOnFileForTheSameCaseOnceADay() {
    Customer customer = testData.customer().email("fresh-" + TestData.unique("c") + "@customer.example").create();
    Reservation reservation = testData.reservation(customer.id());
    String expired = tokens.issue(customer.id(), "test", Duration.ofSeconds(-1), "test").token();
    Api anonymous = Api.at(port);
    assertThat(anonymous.bearer(expired).get("/api/self-service/me").status()).isEqualTo(401);

    var sent = anonymous.post("/api/self-service/fresh-link", Map.of("token", expired, "caseKey", reservation.number()));
    assertThat(sent.status()).isEqualTo(202);
    assertThat(anonymous.post("/api/self-service/fresh-link", Map.of("token", expired, "caseKey", reservation.number()))
        .status()).isEqualTo(202);
    var rows = jdbc.sql("select recipient, body from drivecare.outbox where customer_id = ? and template = 'access-link'")
        .param(customer.id()).query().listOfRows();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).values()).contains(customer.email());
    String body = rows.get(0).values().stream().map(String::valueOf).filter(v -> v.contains("#token=")).findFirst()
        .orElseThrow();
    assertThat(body).contains("http://localhost:" + port + "/self-service/#token=dct_",
        "&view=reservation&case=" + reservation.number());
    String fresh = body.substring(body.indexOf("#token=") + 7, body.indexOf("&view="));
    assertThat(anonymous.bearer(fresh).get("/api/self-service/me").status()).isEqualTo(200);
  }

  @Test
  void aFreshLinkNeverOpensSomeoneElsesCaseAndAnUnknownTokenGetsTheSameAnswer() {
    Customer customer = testData.customer().create();
    Customer other = testData.customer().create();
    Reservation othersReservation = testData.reservation(other.id());
    String token = testData.token(customer.id());
    Api anonymous = Api.at(port);
    var sent = anonymous.post("/api/self-service/fresh-link", Map.of("token", token, "caseKey", othersReservation.number()));
    assertThat(sent.status()).isEqualTo(202);
    String body = jdbc.sql("select body from drivecare.outbox where customer_id = ? and template = 'access-link'")
        .param(customer.id()).query(String.class).single();
    assertThat(body).contains("&case=customer-" + customer.id()).doesNotContain(othersReservation.number());

    var unknown = anonymous.post("/api/self-service/fresh-link", Map.of("token", "dct_" + "x".repeat(40)));
    assertThat(unknown.status()).isEqualTo(202);
    assertThat(unknown.body()).isEqualTo(sent.body());
    var missing = anonymous.post("/api/self-service/fresh-link", Map.of("caseKey", "RES-1"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(missing.body()).contains("token");
    assertThat(anonymous.post("/api/self-service/fresh-link", Map.of("token", token, "email", "evil@example.com"))
        .status()).isEqualTo(400);
  }

  private static List<String> iterator(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
