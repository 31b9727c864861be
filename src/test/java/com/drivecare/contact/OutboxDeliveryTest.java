package com.drivecare.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.drivecare.Api;
import com.drivecare.TestData;
import com.drivecare.customer.Channel;
import com.drivecare.customer.Customer;
import com.drivecare.platform.EngineClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery as a cluster does it, against real receivers: a real SMTP server (GreenMail) and an HTTP
 * SMS gateway, both on free ports. Two dispatchers (two node ids) drain one outbox; a dispatcher dies
 * mid-batch; the gateway throttles; the SMTP server hangs; urgent messages overtake a campaign's bulk.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // a context of its own: its engine must not take the shared context's place as engine "default"
    "camunda.bpm.process-engine-name=delivery",
    "drivecare.notifications.email.transport=smtp",
    "spring.mail.host=127.0.0.1",
    "drivecare.notifications.email.connect-timeout=PT2S",
    "drivecare.notifications.email.timeout=PT2S",
    "drivecare.notifications.email.concurrency=3",
    "drivecare.notifications.email.messages-per-connection=4",
    "drivecare.notifications.sms.transport=http",
    "drivecare.notifications.sms.concurrency=4",
    "drivecare.notifications.dispatcher.batch-size=20",
    "drivecare.notifications.dispatcher.poll-interval=PT0.05S"})
class OutboxDeliveryTest {

  static final int SMTP_PORT = freePort();

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
      .withPerMethodLifecycle(false);

  /** The SMS gateway: records every reference it accepts; answers scripted statuses first where a test asks. */
  static final HttpServer gateway = smsGateway();
  static final Map<String, AtomicInteger> smsAccepted = new ConcurrentHashMap<>();
  static final Map<String, ConcurrentLinkedDeque<Integer>> smsScript = new ConcurrentHashMap<>();
  static final List<String> smsRequests = new CopyOnWriteArrayList<>();

  @DynamicPropertySource
  static void receivers(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("drivecare.notifications.sms.gateway-url",
        () -> "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");
  }

  @Autowired NotificationService notifications;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired OutboxRepository outbox;
  @Autowired ContactLog contactLog;
  @Autowired List<ChannelSender> senders;
  @Autowired NotificationProperties properties;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;
  @Autowired TestData testData;
  @Autowired DataSource dataSource;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;
  @LocalServerPort int port;

  @BeforeEach
  void daytime() {
    // SMS keep quiet hours: the tests run at 11:00 UTC, daytime for the (Paris) customers
    ClockUtil.setCurrentTime(Date.from(LocalDate.now(ZoneOffset.UTC).atTime(11, 0).toInstant(ZoneOffset.UTC)));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    dispatcher.resume(); // a test's throttled channel does not stay paused for the next
  }

  @AfterAll
  static void stopGateway() {
    gateway.stop(0);
  }

  @Test
  void twoDispatchersDrainingOneOutboxDeliverEveryMessageExactlyOnce() {
    String bulk = TestData.unique("TWO");
    List<Long> ids = queue(bulk, 16, 12, 4, 5); // 160 messages: 80 e-mails, 60 SMS, 20 letters
    OutboxDispatcher nodeB = node("node-b", senders);
    dispatcher.startWorkers();
    nodeB.startWorkers();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> notifications.bulkProgress(bulk).values().stream()
          .mapToLong(c -> c.get("queued")).sum() == 0);
    } finally {
      dispatcher.stop();
      nodeB.destroy();
    }
    List<OutboxMessage> rows = ids.stream().map(id -> outbox.find(id).orElseThrow()).toList();
    assertThat(rows).allSatisfy(m -> {
      assertThat(m.status()).isEqualTo(OutboxMessage.Status.SENT);
      assertThat(m.attempts()).isEqualTo(1);
      assertThat(m.interrupted()).isFalse();
    });
    Map<String, Long> mails = mailsByMessageId();
    rows.stream().filter(m -> m.channel() == Channel.EMAIL)
        .forEach(m -> assertThat(mails.get(messageId(m))).as("e-mails of %s", m.id()).isEqualTo(1L));
    rows.stream().filter(m -> m.channel() == Channel.SMS)
        .forEach(m -> assertThat(smsAccepted.get(m.deliveryId())).as("SMS of %s", m.id()).hasValue(1));
    assertThat(rows.stream().filter(m -> m.channel() == Channel.LETTER))
        .hasSize(20).allSatisfy(m -> assertThat(m.printBatch()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString()));
    assertThat(notifications.bulkProgress(bulk)).containsEntry(Channel.EMAIL,
        Map.of("queued", 0L, "delivered", 80L, "failed", 0L));
    assertThat(rows.stream().filter(m -> m.customerId() != null).map(OutboxMessage::businessKey).distinct()
        .mapToLong(key -> contactLog.timeline(key).stream().filter(e -> e.outcome().equals("DELIVERED")).count()).sum())
        .as("one timeline entry per delivered message").isEqualTo(160);
  }

  @Test
  void claimRolledBackLeavesTheMessagesToTheNextDispatcher() {
    String bulk = TestData.unique("ROLLBACK");
    List<Long> ids = queue(bulk, 3, 3, 1, 1);
    Instant now = ClockUtil.now().toInstant();
    transaction.executeWithoutResult(s -> {
      assertThat(outbox.claim(Channel.EMAIL, 100, 0, "dying-node:1", now, now.plus(Duration.ofMinutes(1)))
          .messages()).isNotEmpty();
      s.setRollbackOnly(); // the node died before its claim committed
    });
    dispatcher.dispatchDue(ids);
    assertThat(ids).allSatisfy(id -> {
      OutboxMessage m = outbox.find(id).orElseThrow();
      assertThat(m.status()).isEqualTo(OutboxMessage.Status.SENT);
      assertThat(m.attempts()).isEqualTo(1);
    });
  }

  @Test
  void messagesOfADispatcherThatDiedAfterSendingAreSentAgainWithTheSameIdentityAndRecordedAsResent() {
    Customer mailCustomer = testData.customer().email(TestData.unique("twice") + "@example.com").create();
    Customer smsCustomer = testData.customer().preferring(Channel.SMS).create();
    long mailId = request(mailCustomer, Channel.EMAIL);
    long smsId = request(smsCustomer, Channel.SMS);
    Instant now = ClockUtil.now().toInstant();
    // node A claims both, the receivers accept them… and A is killed before it records anything
    List<OutboxMessage> claimed = new ArrayList<>();
    for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
      List<OutboxMessage> mine = transaction.execute(s -> outbox.claim(channel, 500, 0, "node-a:1", now,
          now.plus(properties.dispatcher().lease())).messages());
      sender(channel).deliverAll(mine);
      claimed.addAll(mine);
    }
    assertThat(claimed).extracting(OutboxMessage::id).contains(mailId, smsId);

    dispatcher.dispatchDue(List.of(mailId, smsId)); // the lease still runs: nobody touches them
    assertThat(outbox.find(mailId).orElseThrow().status()).isEqualTo(OutboxMessage.Status.SENDING);

    ClockUtil.setCurrentTime(Date.from(now.plus(properties.dispatcher().lease()).plusSeconds(1)));
    dispatcher.dispatchDue(List.of(mailId, smsId));
    for (long id : List.of(mailId, smsId)) {
      OutboxMessage again = outbox.find(id).orElseThrow();
      assertThat(again.status()).isEqualTo(OutboxMessage.Status.SENT);
      assertThat(again.attempts()).isEqualTo(2);
      assertThat(again.interrupted()).isTrue();
      assertThat(contactLog.timeline(again.businessKey())).filteredOn(e -> e.outcome().equals("DELIVERED"))
          .singleElement().satisfies(e -> assertThat(e.note()).startsWith("re-sent (attempt 2)"));
    }
    OutboxMessage mail = outbox.find(mailId).orElseThrow();
    assertThat(mailsByMessageId().get(messageId(mail))).as("the same Message-ID twice").isEqualTo(2L);
    assertThat(smsAccepted.get(outbox.find(smsId).orElseThrow().deliveryId())).as("the same reference twice").hasValue(2);
  }

  @Test
  void gatewayAnsweringTooManyRequestsThenOkDeliversWithoutUsingUpAttempts() {
    Customer customer = testData.customer().preferring(Channel.SMS).create();
    long id = request(customer, Channel.SMS);
    String reference = outbox.find(id).orElseThrow().deliveryId();
    smsScript.put(reference, new ConcurrentLinkedDeque<>(List.of(429, 429)));

    dispatcher.dispatchDue(List.of(id));
    OutboxMessage throttled = outbox.find(id).orElseThrow();
    assertThat(throttled.status()).isEqualTo(OutboxMessage.Status.PENDING);
    assertThat(throttled.attempts()).isZero();
    assertThat(throttled.lastError()).contains("429");
    assertThat(throttled.nextAttemptAt()).isEqualTo(ClockUtil.now().toInstant().plusSeconds(2));

    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plusSeconds(3)));
    dispatcher.dispatchDue(List.of(id)); // 429 again: still no attempt used
    assertThat(outbox.find(id).orElseThrow().attempts()).isZero();
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plusSeconds(3)));
    dispatcher.dispatchDue(List.of(id));
    OutboxMessage sent = outbox.find(id).orElseThrow();
    assertThat(sent.status()).isEqualTo(OutboxMessage.Status.SENT);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(smsRequests.stream().filter(reference::equals)).hasSize(3);
    assertThat(smsAccepted.get(reference)).hasValue(1);
  }

  @Test
  void hungSmtpServerTimesOutAndIsRetriedWhileTheOtherChannelsGoOn() throws Exception {
    try (ServerSocket hung = new ServerSocket(0)) {
      List<Socket> held = new CopyOnWriteArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(hung.accept()); // accepts, then never says a word
          }
        } catch (IOException closed) {
          // test over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      JavaMailSenderImpl hungServer = new JavaMailSenderImpl();
      hungServer.setHost("127.0.0.1");
      hungServer.setPort(hung.getLocalPort());
      List<ChannelSender> hungSenders = new ArrayList<>(senders.stream().filter(s -> s.channel() != Channel.EMAIL).toList());
      hungSenders.add(new EmailSender(new StaticListableBeanFactory(
          Map.of("mail", hungServer)).getBeanProvider(JavaMailSenderImpl.class), properties));
      OutboxDispatcher node = node("node-hung", hungSenders);

      Customer mailCustomer = testData.customer().email(TestData.unique("hung") + "@example.com").create();
      Customer smsCustomer = testData.customer().preferring(Channel.SMS).create();
      long mailId = request(mailCustomer, Channel.EMAIL);
      long smsId = request(smsCustomer, Channel.SMS);
      node.startWorkers();
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(smsId).orElseThrow().status() == OutboxMessage.Status.SENT);
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.find(mailId).orElseThrow().attempts() == 1
            && outbox.find(mailId).orElseThrow().status() == OutboxMessage.Status.PENDING);
      } finally {
        node.destroy();
        for (Socket s : held) {
          s.close();
        }
      }
      OutboxMessage mail = outbox.find(mailId).orElseThrow();
      assertThat(mail.lastError()).containsIgnoringCase("timed out");
      assertThat(mail.nextAttemptAt()).isAfter(ClockUtil.now().toInstant().plusSeconds(50)); // retried with backoff
    }
  }

  @Test
  void caseUpdateQueuedBehindACampaignsHundredThousandNoticesIsDeliveredFirst() {
    String bulk = TestData.unique("CAMPAIGN");
    Instant now = ClockUtil.now().toInstant();
    List<OutboxRepository.NewMessage> campaign = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      campaign.add(new OutboxRepository.NewMessage(bulk + ":" + i, "recall-notice", Channel.EMAIL, null, bulk + ":" + i,
          "owner" + i + "@bulk.example", "en", "Recall", "Your car is recalled.", now.minusSeconds(60),
          now.minusSeconds(60)).inBulk(bulk, OutboxMessage.PRIORITY_BULK));
    }
    transaction.executeWithoutResult(s -> outbox.insertAll(campaign));
    for (int doubling = 0; doubling < 10; doubling++) { // 100 × 2^10 = 102,400 notices, queued before the update
      jdbc.sql("""
          insert into drivecare.outbox (idempotency_key, template, channel, customer_id, business_key, recipient, language,
            subject, body, status, attempts, next_attempt_at, created_at, priority, bulk_key)
          select idempotency_key || '.' || cast(? as varchar), template, channel, customer_id, business_key, recipient,
            language, subject, body, status, attempts, next_attempt_at, created_at, priority, bulk_key
          from drivecare.outbox where bulk_key = ?""").params(doubling, bulk).update();
    }
    try {
      if (isPostgres()) {
        jdbc.sql("analyze drivecare.outbox").update();
      }
      // the claim is an index range read in order, whatever the backlog
      String plan = String.join("\n", outbox.claimPlan(Channel.EMAIL, now, 20));
      assertThat(plan).containsIgnoringCase("outbox_claim_idx");
      if (isPostgres()) {
        assertThat(plan).doesNotContain("Sort").doesNotContain("Seq Scan");
      }

      // operators see the queue: depth and the oldest due message's age per channel, from one query
      assertThat(meters.get("drivecare.outbox.depth").tag("channel", "EMAIL").gauge().value()).isGreaterThanOrEqualTo(102_400);
      assertThat(meters.get("drivecare.outbox.oldest.due").tag("channel", "EMAIL").gauge().value()).isGreaterThanOrEqualTo(60);
      assertThat(meters.get("drivecare.outbox.messages").tag("status", "PENDING").gauge().value()).isGreaterThanOrEqualTo(102_400);

      Customer customer = testData.customer().email(TestData.unique("urgent") + "@example.com").create();
      String caseKey = TestData.unique("SC");
      long update = transaction.execute(s -> notifications.request(new NotificationRequest("service-status-update",
          customer.id(), caseKey, TestData.unique("key"), Channel.EMAIL, null,
          Map.of("model", "Aurora", "currentStep", "Diagnosis", "personalLine", ""), true))).orElseThrow();

      OutboxDispatcher.Round first = dispatcher.dispatchRound(Channel.EMAIL);
      assertThat(first.claimed()).isEqualTo(20);
      assertThat(outbox.find(update).orElseThrow().status()).isEqualTo(OutboxMessage.Status.SENT);
      assertThat(notifications.bulkProgress(bulk).get(Channel.EMAIL)).containsEntry("delivered", 19L)
          .containsEntry("queued", 102_400L - 19);
    } finally {
      jdbc.sql("delete from drivecare.outbox where bulk_key = ?").param(bulk).update();
    }
  }

  @Test
  void sendThatSucceededIsNeverCountedAsAFailureWhenTheDatabaseDropsBeforeItIsRecorded() {
    Customer customer = testData.customer().preferring(Channel.SMS).create();
    long id = request(customer, Channel.SMS);
    AtomicBoolean connectionLost = new AtomicBoolean();
    ChannelSender sms = sender(Channel.SMS);
    ChannelSender smsThenConnectionLoss = new ChannelSender() {
      @Override
      public Channel channel() {
        return Channel.SMS;
      }

      @Override
      public String deliver(OutboxMessage message) throws Exception {
        String result = sms.deliver(message);
        connectionLost.set(true); // the gateway took it; now the database connection drops
        return result;
      }
    };
    TransactionTemplate flaky = new TransactionTemplate(transaction.getTransactionManager()) {
      @Override
      public <T> T execute(TransactionCallback<T> action) {
        if (connectionLost.getAndSet(false)) {
          throw new DataAccessResourceFailureException("connection reset");
        }
        return super.execute(action);
      }
    };
    OutboxDispatcher node = new OutboxDispatcher(outbox, List.of(smsThenConnectionLoss), contactLog, properties, flaky,
        new EngineClock(), "node-flaky", new SimpleMeterRegistry(), false);
    try {
      node.dispatchDue(List.of(id));
    } finally {
      node.destroy();
    }
    OutboxMessage sent = outbox.find(id).orElseThrow();
    assertThat(sent.status()).isEqualTo(OutboxMessage.Status.SENT);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(sent.lastError()).isNull();
    assertThat(smsAccepted.get(sent.deliveryId())).hasValue(1);
  }

  @Test
  void rateLimitIsSharedByEveryNodeOfTheCluster() {
    jdbc.sql("delete from drivecare.outbox_channel_rate").update();
    NotificationProperties limited = new NotificationProperties(properties.email(), properties.sms(),
        new NotificationProperties.Letter(5), properties.dispatcher());
    List<ChannelSender> letters = senders.stream().filter(s -> s.channel() == Channel.LETTER).toList();
    OutboxDispatcher nodeA = new OutboxDispatcher(outbox, letters, contactLog, limited, transaction,
        new EngineClock(), "node-a", new SimpleMeterRegistry(), false);
    OutboxDispatcher nodeB = new OutboxDispatcher(outbox, letters, contactLog, limited, transaction,
        new EngineClock(), "node-b", new SimpleMeterRegistry(), false);
    String bulk = TestData.unique("RATE");
    try {
      queue(bulk, 0, 0, 4, 5); // 20 letters, 5 a second allowed
      OutboxDispatcher.Round first = nodeA.dispatchRound(Channel.LETTER);
      assertThat(first.claimed()).isZero();
      assertThat(first.rateLimited()).isTrue();
      Instant now = ClockUtil.now().toInstant();
      ClockUtil.setCurrentTime(Date.from(now.plusSeconds(1)));
      assertThat(nodeA.dispatchRound(Channel.LETTER).claimed()).isEqualTo(5);
      assertThat(nodeB.dispatchRound(Channel.LETTER).claimed()).as("the other node shares the second's budget").isZero();
      ClockUtil.setCurrentTime(Date.from(now.plusMillis(1400)));
      assertThat(nodeB.dispatchRound(Channel.LETTER).claimed()).isEqualTo(2);
      ClockUtil.setCurrentTime(Date.from(now.plusSeconds(30)));
      assertThat(nodeA.dispatchRound(Channel.LETTER).claimed()).as("a quiet spell saves up one second's worth").isEqualTo(5);
    } finally {
      nodeA.destroy();
      nodeB.destroy();
      jdbc.sql("delete from drivecare.outbox_channel_rate").update();
    }
  }

  @Test
  void printBatchHoldsEveryLetterOfTheDayWhateverItsSize() {
    String bulk = TestData.unique("PRINT");
    String day = "2100-01-0" + (1 + ThreadLocalRandom.current().nextInt(9));
    Instant now = ClockUtil.now().toInstant();
    List<OutboxRepository.NewMessage> letters = new ArrayList<>();
    for (int i = 0; i < 12_001; i++) { // more than two pages of the CSV writer
      letters.add(new OutboxRepository.NewMessage(bulk + ":" + i, "recall-notice", Channel.LETTER, null, bulk,
          "Owner " + i + "\n" + i + " rue de la Paix", "en", "Recall", "Your car is recalled.", now, now)
          .inBulk(bulk, OutboxMessage.PRIORITY_BULK));
    }
    transaction.executeWithoutResult(s -> outbox.insertAll(letters));
    jdbc.sql("update drivecare.outbox set status = 'SENT', print_batch = ? where bulk_key = ?").params(day, bulk).update();
    try {
      var csv = Api.at(port).basic("test-admin", "test-admin-secret").get("/api/outbox/print-batches/" + day);
      assertThat(csv.status()).isEqualTo(200);
      assertThat(csv.contentType()).startsWith("text/csv");
      assertThat(csv.body()).contains("Owner 0\n", "Owner 12000\n");
      assertThat(csv.body().lines().filter(l -> l.contains(",\"Owner "))).hasSize(12_001);
    } finally {
      jdbc.sql("delete from drivecare.outbox where bulk_key = ?").param(bulk).update();
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** {@code perChannel} customers preferring e-mail, SMS and letter, {@code each} messages to each, as one bulk send. */
  private List<Long> queue(String bulk, int email, int sms, int letter, int each) {
    List<NotificationRequest> requests = new ArrayList<>();
    Map<Channel, Integer> counts = Map.of(Channel.EMAIL, email, Channel.SMS, sms, Channel.LETTER, letter);
    counts.forEach((channel, n) -> {
      for (int c = 0; c < n; c++) {
        Customer customer = testData.customer().preferring(channel).address("1 rue de la Paix\n75002 Paris").create();
        for (int k = 0; k < each; k++) {
          requests.add(new NotificationRequest("access-link", customer.id(), bulk + ":" + customer.id(),
              bulk + ":" + customer.id() + ":" + k, null, null, Map.of(), true));
        }
      }
    });
    transaction.executeWithoutResult(s -> notifications.requestAll(bulk, OutboxMessage.PRIORITY_BULK, requests));
    return jdbc.sql("select id from drivecare.outbox where bulk_key = ?").param(bulk).query(Long.class).list();
  }

  private long request(Customer customer, Channel channel) {
    return transaction.execute(s -> notifications.request(new NotificationRequest("access-link", customer.id(),
        "customer-" + customer.id() + "-" + TestData.unique(""), TestData.unique("key"), channel, null, Map.of(), true)))
        .orElseThrow();
  }

  private OutboxDispatcher node(String id, List<ChannelSender> channelSenders) {
    return new OutboxDispatcher(outbox, channelSenders, contactLog, properties, transaction,
        new EngineClock(), id, new SimpleMeterRegistry(), false);
  }

  private ChannelSender sender(Channel channel) {
    return senders.stream().filter(s -> s.channel() == channel).findFirst().orElseThrow();
  }

  private static String messageId(OutboxMessage m) {
    return "<" + m.deliveryId() + "@drivecare.example>";
  }

  private static Map<String, Long> mailsByMessageId() {
    return Arrays.stream(smtp.getReceivedMessages()).collect(Collectors.groupingBy(m -> {
      try {
        return m.getMessageID();
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }, Collectors.counting()));
  }

  private boolean isPostgres() {
    try (var connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().contains("PostgreSQL");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServer smsGateway() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      ObjectMapper json = new ObjectMapper();
      server.createContext("/sms", exchange -> {
        JsonNode body = json.readTree(exchange.getRequestBody());
        String reference = body.get("reference").asText();
        smsRequests.add(reference);
        Integer scripted = smsScript.getOrDefault(reference, new ConcurrentLinkedDeque<>()).poll();
        int status = scripted == null ? 202 : scripted;
        if (status == 429) {
          exchange.getResponseHeaders().add("Retry-After", "2");
        } else if (status / 100 == 2) {
          smsAccepted.computeIfAbsent(reference, r -> new AtomicInteger()).incrementAndGet();
        }
        byte[] answer = ("{\"status\":" + status + "}").getBytes();
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
      });
      server.setExecutor(Executors.newFixedThreadPool(8));
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
