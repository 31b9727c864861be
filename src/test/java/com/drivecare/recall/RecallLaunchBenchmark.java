package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.*;

import com.drivecare.Api;
import com.drivecare.TestData;
import com.drivecare.customer.Channel;
import com.drivecare.people.Groups;
import com.drivecare.contact.DeliveryProbe;
import com.drivecare.contact.NotificationProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The recall launch benchmark — figures, not a pass/fail test. Run it with
 * {@code mvn -Pbenchmark verify [-Dbenchmark.vehicles=N] [-Ppostgres]}. It creates N synthetic owners
 * and vehicles, a campaign covering them all, approves the notice and launches, with the outbox
 * dispatcher running as in production, and measures <b>end to end</b>: from the approval until every
 * owner's first notice has reached its receiver — e-mails accepted by a real SMTP server (GreenMail),
 * SMS by a local HTTP gateway, letters in the print batch, all in this JVM. It prints the time until
 * every notice is queued and until every one is delivered, delivered messages per second per channel,
 * the heap, the time of one claim with a small and with the full backlog, and — in the same run — the
 * receivers' own intake ceiling: a sample of the same messages sent straight at them by a plain client
 * with the dispatcher's concurrency, so the dispatcher's rate is shown as a share of what the receivers
 * take. In the same run it also starts {@code naiveVehicles} journeys the naive way — one engine start
 * per vehicle through the engine's REST API — and prints the ratio.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // a context of its own: its engine must not take the shared context's place as engine "default"
    "camunda.bpm.process-engine-name=benchmark",
    "drivecare.notifications.email.transport=smtp",
    "spring.mail.host=127.0.0.1",
    "drivecare.notifications.sms.transport=http",
    "logging.level.com.drivecare.contact=warn"})
class RecallLaunchBenchmark {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired RecallCampaignService campaigns;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngine processEngine;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired Clock clock;

  @Autowired DeliveryProbe delivery;
  @Autowired MeterRegistry meters;
  @Autowired NotificationProperties notificationProperties;

  private double lastImportRate;

  static final int SMTP_PORT = freePort();
  /** The SMTP server: GreenMail speaks SMTP and parses every message; this counts them instead of keeping them. */
  static final GreenMail smtp = smtpSink();
  static final AtomicLong mailsAccepted = new AtomicLong();
  static final Set<String> mailIds = ConcurrentHashMap.newKeySet();
  static final AtomicLong mailDuplicates = new AtomicLong();
  /** The SMS gateway: accepts every POST, counts the references. */
  static final Tomcat gateway = smsSink();
  static final AtomicLong smsAccepted = new AtomicLong();
  static final Set<String> smsReferences = ConcurrentHashMap.newKeySet();
  static final AtomicLong smsDuplicates = new AtomicLong();

  @DynamicPropertySource
  static void receivers(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("drivecare.notifications.sms.gateway-url",
        () -> "http://127.0.0.1:" + gateway.getConnector().getLocalPort() + "/sms");
  }

  @AfterAll
  static void stopReceivers() {
    smtp.stop();
    try {
      gateway.stop();
      gateway.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void launch() throws Exception {
    int vehicles = Integer.getInteger("vehicles", 100_000);
    int naive = Math.min(vehicles, Integer.getInteger("naiveVehicles", 1_000));
    boolean postgres = jdbc.sql("select 1").query(Integer.class).single() == 1
        && jdbcTemplate.getDataSource().getConnection().getMetaData().getDatabaseProductName().contains("PostgreSQL");
    String autovacuum = postgres ? jdbc.sql("show autovacuum").query(String.class).single() : "n/a";
    if ("off".equals(autovacuum)) {
      // a production server vacuums the outbox while it drains; without it every claimed and delivered row
      // leaves a dead entry at the front of the claim's index range, and the planner keeps stale statistics
      log("WARNING: autovacuum is off on this server (production servers have it on): the outbox's dead rows "
          + "are never removed and the drain slows down as they pile up. For a production-like run: "
          + "ALTER SYSTEM SET autovacuum = on; SELECT pg_reload_conf();");
    }
    String region = testData.freshRegion();
    testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, region, null);
    String drafter = testData.staff(TestData.unique("rita"), Groups.RECALL_COORDINATORS, null, null);
    String approver = testData.staff(TestData.unique("victor"), Groups.RECALL_COORDINATORS, null, null);
    String tag = TestData.unique("").substring(1, 7).toUpperCase();

    int warmUp = Integer.getInteger("warmUpVehicles", 5_000);
    log("Generating %,d owners and vehicles…", warmUp + vehicles + naive);
    List<String> all = generate(region, tag, warmUp + vehicles + naive);
    // a small campaign first, untimed, so the JIT has compiled the launch before the clock runs
    String warmUpPi = approvedCampaign("BW-" + tag, all.subList(0, warmUp), drafter, approver);
    while (!managementService.createJobQuery().processInstanceId(warmUpPi).executable().list().isEmpty()) {
      managementService.executeJob(managementService.createJobQuery().processInstanceId(warmUpPi).executable().list()
          .get(0).getId());
    }
    long warmUpNotices = queued("BW-" + tag);
    double smallClaim = delivery.claimMillis(Channel.EMAIL);
    // the warm-up's notices are delivered too, untimed: dispatcher, SMTP and HTTP paths compiled
    delivery.startDispatcher();
    while (queued("BW-" + tag) > 0) {
      Thread.sleep(500);
    }
    delivery.stopDispatcher();
    List<String> vins = all.subList(warmUp, all.size());
    String campaignId = "BM-" + tag;
    String pi = approvedCampaign(campaignId, vins.subList(0, vehicles), drafter, approver);
    double importRate = lastImportRate;

    if (postgres) {
      // in real life owners and vehicles are in the database long before a recall, and autovacuum has
      // analysed them; the generated ones are new (the approval analyses the campaign's vehicles itself)
      jdbc.sql("analyze drivecare.vehicle, drivecare.customer").update();
    }
    long dbBefore = postgres ? databaseSize() : -1;
    System.gc();
    Map<Channel, Double> deliveredBefore = delivered();
    long mailsBefore = mailsAccepted.get();
    long smsBefore = smsAccepted.get();
    HeapSampler heapSampler = new HeapSampler();
    heapSampler.start();
    // "after" (default): the launch runs alone, then the dispatcher drains the whole backlog — its own
    // rate, comparable with the receivers' ceiling. "during": it drains while the launch queues.
    boolean during = "during".equals(System.getProperty("dispatch", "after"));
    Instant start = Instant.now();
    if (during) {
      delivery.startDispatcher();
    }
    int launchJobs = 0;
    int chunk = ((Number) runtimeService.getVariable(pi, "launchChunkSize")).intValue();
    Instant interval = start;
    while (true) {
      var job = managementService.createJobQuery().processInstanceId(pi).executable().list();
      if (job.isEmpty()) {
        break;
      }
      managementService.executeJob(job.get(0).getId());
      if (++launchJobs % 100 == 0) { // progress from the job count: counting the outbox is not free
        Instant now = Instant.now();
        log("  ~%,d vehicles notified, %.0f vehicles/s over the last %,d", (long) launchJobs * chunk,
            100.0 * chunk * 1000 / Duration.between(interval, now).toMillis(), 100 * chunk);
        interval = now;
      }
    }
    double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    long notified = notices(campaignId);
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long heap = rt.totalMemory() - rt.freeMemory();
    long dbAfter = postgres ? databaseSize() : -1;
    double rate = vehicles / seconds;

    // until every first notice has reached its receiver
    Map<Channel, Long> expected = new EnumMap<>(Channel.class);
    campaignsProgress(campaignId).forEach((channel, counts) -> expected.put(channel, counts.values().stream()
        .mapToLong(Long::longValue).sum()));
    long backlogAtQueued = queued(campaignId);
    double bigClaim = delivery.claimMillis(Channel.EMAIL);
    Instant drainStart = Instant.now();
    if (!during) {
      delivery.startDispatcher();
    }
    log("All %,d notices queued after %.1f s; %,d still to deliver (one claim of %d: %.1f ms)",
        expected.values().stream().mapToLong(Long::longValue).sum(), seconds, backlogAtQueued,
        notificationProperties.dispatcher().batchSize(), bigClaim);
    Map<Channel, Double> doneAt = new EnumMap<>(Channel.class);
    Map<Channel, Double> drainedAt = new EnumMap<>(Channel.class);
    Instant lastLog = Instant.now();
    // -DdrainMessages=N: measure the drain over the first N messages only (the backlog stays large throughout)
    long drainLimit = Long.getLong("drainMessages", 0);
    long queuedTotal = expected.values().stream().mapToLong(Long::longValue).sum();
    boolean partial = false;
    while (doneAt.size() < expected.size()) {
      Thread.sleep(200);
      Map<Channel, Double> now = delivered();
      double sofar = expected.keySet().stream()
          .mapToDouble(c -> now.getOrDefault(c, 0.0) - deliveredBefore.getOrDefault(c, 0.0)).sum();
      if (drainLimit > 0 && sofar >= drainLimit && sofar < queuedTotal) {
        partial = true;
        double at = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        double drained = Duration.between(drainStart, Instant.now()).toMillis() / 1000.0;
        for (Channel channel : List.copyOf(expected.keySet())) {
          expected.put(channel, Math.round(now.getOrDefault(channel, 0.0) - deliveredBefore.getOrDefault(channel, 0.0)));
          doneAt.put(channel, at);
          drainedAt.put(channel, drained);
        }
        break;
      }
      for (Channel channel : expected.keySet()) {
        if (!doneAt.containsKey(channel)
            && now.getOrDefault(channel, 0.0) - deliveredBefore.getOrDefault(channel, 0.0) >= expected.get(channel)) {
          doneAt.put(channel, Duration.between(start, Instant.now()).toMillis() / 1000.0);
          drainedAt.put(channel, Duration.between(drainStart, Instant.now()).toMillis() / 1000.0);
        }
      }
      if (Duration.between(lastLog, Instant.now()).toSeconds() >= 30) {
        lastLog = Instant.now();
        log("  %.0f s: delivered %s", Duration.between(start, lastLog).toMillis() / 1000.0,
            expected.keySet().stream().map(c -> c + " " + String.format("%,.0f/%,d",
                now.getOrDefault(c, 0.0) - deliveredBefore.getOrDefault(c, 0.0), expected.get(c))).toList());
      }
    }
    double deliveredSeconds = doneAt.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    delivery.stopDispatcher();
    heapSampler.stop();
    System.gc();
    long heapAfterDelivery = rt.totalMemory() - rt.freeMemory();
    Map<String, Long> leftOver = campaignsProgress(campaignId).values().stream()
        .flatMap(m -> m.entrySet().stream()).collect(Collectors.groupingBy(Map.Entry::getKey,
            Collectors.summingLong(Map.Entry::getValue)));
    long mails = mailsAccepted.get() - mailsBefore;
    long sms = smsAccepted.get() - smsBefore;

    // the receivers' own ceiling: a sample of the same messages straight at them, same concurrency
    int sample = Integer.getInteger("ceilingSample", 100_000);
    Ceiling ceiling = ceiling(campaignId, sample);

    // the naive way: one engine start per vehicle through the engine REST API
    String naiveCampaign = "BN-" + tag;
    campaigns.create(new RecallCampaignService.NewCampaign(naiveCampaign, "Benchmark recall (naive)", "Camera",
        "Blank image.", "Reduced visibility.", "Software update.", List.of(RecallCampaign.RemedyOption.DEALER), 1,
        new RecallCampaignService.Parts(true, null, null)), drafter);
    addToCampaign(naiveCampaign, vins.subList(vehicles, vehicles + naive));
    // the same approved notice as the launched campaign's
    jdbc.sql("update drivecare.recall_campaign set (notice_en, notice_fr) = (select notice_en, notice_fr from "
        + "drivecare.recall_campaign where id = ?), status = 'LAUNCHED' where id = ?").params(campaignId, naiveCampaign).update();
    Api admin = Api.at(port).basic("test-admin", "test-admin-secret");
    Instant naiveStart = Instant.now();
    for (String vin : vins.subList(vehicles, vehicles + naive)) {
      var response = admin.post("/engine-rest/engine/" + processEngine.getName() + "/process-definition/key/recall-remedy/start", Map.of(
          "businessKey", naiveCampaign + ":" + vin,
          "variables", Map.of(VAR_CAMPAIGN_ID, Map.of("value", naiveCampaign), "vin", Map.of("value", vin))));
      if (response.status() != 200) {
        throw new IllegalStateException("Naive start failed: " + response.status() + " " + response.body());
      }
    }
    double naiveSeconds = Duration.between(naiveStart, Instant.now()).toMillis() / 1000.0;
    double naiveRate = naive / naiveSeconds;

    // per channel: its messages over the time the dispatcher took for them (from the drain's start; with
    // "during", from the approval, so the launch's pace is part of it)
    Map<Channel, Double> took = during ? doneAt : drainedAt;
    double emailRate = expected.getOrDefault(Channel.EMAIL, 0L) / took.getOrDefault(Channel.EMAIL, Double.NaN);
    double smsRate = expected.getOrDefault(Channel.SMS, 0L) / took.getOrDefault(Channel.SMS, Double.NaN);
    double letterRate = expected.getOrDefault(Channel.LETTER, 0L) / took.getOrDefault(Channel.LETTER, Double.NaN);
    long total = expected.values().stream().mapToLong(Long::longValue).sum();
    double overall = total / deliveredSeconds;
    double drainSeconds = took.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);

    log("");
    log("=== Recall launch benchmark (%s) ===", postgres ? "PostgreSQL" : "H2 in memory");
    log("vehicles launched          %,d (first notices in the outbox: %,d)", vehicles, notified);
    log("launch to last notice      %.1f s", seconds);
    log("--- delivery, end to end (dispatcher %s the launch: batches of %d, %d SMTP connections, %d SMS senders) ---",
        during ? "during" : "after", notificationProperties.dispatcher().batchSize(),
        notificationProperties.email().concurrency(), notificationProperties.sms().concurrency());
    log("messages                   %,d (e-mail %,d, SMS %,d, letter %,d)", total, expected.getOrDefault(Channel.EMAIL, 0L),
        expected.getOrDefault(Channel.SMS, 0L), expected.getOrDefault(Channel.LETTER, 0L));
    log("time to queued             %.1f s", seconds);
    if (partial) {
      log("PARTIAL DRAIN              the figures below are for the first %,d of %,d messages (-DdrainMessages); "
          + "%,d were still due when it stopped", total, queuedTotal, queuedTotal - total);
    }
    log("time to delivered          %.1f s (e-mail %.1f s, SMS %.1f s, letters %.1f s)", deliveredSeconds,
        doneAt.getOrDefault(Channel.EMAIL, Double.NaN), doneAt.getOrDefault(Channel.SMS, Double.NaN),
        doneAt.getOrDefault(Channel.LETTER, Double.NaN));
    log("delivered per second       %.0f from approval to last delivery; the dispatcher: %.0f overall "
        + "(e-mail %.0f, SMS %.0f, letter %.0f)", overall, total / drainSeconds, emailRate, smsRate, letterRate);
    log("receivers accepted         e-mail %,d (%,d twice), SMS %,d (%,d twice); outbox after: %s", mails,
        mailDuplicates.get(), sms, smsDuplicates.get(), leftOver);
    log("receivers' own ceiling     e-mail %.0f/s, SMS %.0f/s, both at once %.0f/s (plain client, %,d + %,d of the same messages)",
        ceiling.emailRate(), ceiling.smsRate(), ceiling.bothRate(), ceiling.emails(), ceiling.sms());
    log("dispatcher / ceiling       e-mail %.0f %%, SMS %.0f %%, e-mail+SMS %.0f %%", 100 * emailRate / ceiling.emailRate(),
        100 * smsRate / ceiling.smsRate(),
        100 * (expected.getOrDefault(Channel.EMAIL, 0L) + expected.getOrDefault(Channel.SMS, 0L))
            / Math.max(took.getOrDefault(Channel.EMAIL, 0.0), took.getOrDefault(Channel.SMS, 0.0)) / ceiling.bothRate());
    log("one claim of %d           %.1f ms with %,d due (warm-up), %.1f ms with %,d due",
        notificationProperties.dispatcher().batchSize(), smallClaim, warmUpNotices, bigClaim, backlogAtQueued);
    log("heap                       %,d MB after launch, %,d MB after delivery (after GC), %,d MB at most during the run",
        heap / (1024 * 1024), heapAfterDelivery / (1024 * 1024), heapSampler.max() / (1024 * 1024));
    double scale = 2_030_000.0 / vehicles;
    double projected = during ? scale * queuedTotal / overall : scale * seconds + scale * queuedTotal / (total / drainSeconds);
    log("projection, 2.03M vehicles %.0f min from approval to the last of %,d first notices delivered (launch at "
        + "this rate, then the dispatcher at %.0f/s)", projected / 60, Math.round(scale * queuedTotal), total / drainSeconds);
    if (postgres) {
      var vacuum = jdbc.sql("select n_live_tup, n_dead_tup, autovacuum_count, autoanalyze_count from pg_stat_user_tables "
          + "where schemaname = 'drivecare' and relname = 'outbox'").query().singleRow();
      log("outbox maintenance         autovacuum %s: %,d live rows, %,d dead, vacuumed %s times and analysed %s "
          + "times by autovacuum", autovacuum, vacuum.get("n_live_tup"), vacuum.get("n_dead_tup"),
          vacuum.get("autovacuum_count"), vacuum.get("autoanalyze_count"));
    }
    log("VIN import (CSV, before)   %.0f vehicles/s", importRate);
    log("vehicles per second        %.0f", rate);
    log("heap after launch          %,d MB", heap / (1024 * 1024));
    log("database bytes per vehicle %s", postgres ? String.format("%,d", (dbAfter - dbBefore) / vehicles) : "n/a (H2 in memory)");
    log("naive (REST, one start per vehicle, %,d vehicles)  %.0f vehicles/s", naive, naiveRate);
    log("ratio launch / naive       %.1f", rate / naiveRate);
  }

  private Map<Channel, Double> delivered() {
    Map<Channel, Double> counts = new EnumMap<>(Channel.class);
    for (Channel channel : List.of(Channel.EMAIL, Channel.SMS, Channel.LETTER)) {
      var counter = meters.find("drivecare.notifications.delivered").tag("channel", channel.name()).counter();
      counts.put(channel, counter == null ? 0 : counter.count());
    }
    return counts;
  }

  private Map<Channel, Map<String, Long>> campaignsProgress(String campaignId) {
    return campaigns.view(campaignId).messagesPerChannel();
  }

  private long queued(String campaignId) {
    return campaignsProgress(campaignId).values().stream().mapToLong(m -> m.getOrDefault("queued", 0L)).sum();
  }

  record Ceiling(long emails, double emailRate, long sms, double smsRate, double bothRate) {}

  /**
   * The receivers' intake: up to {@code sample} of the campaign's e-mails and SMS, sent again straight
   * at GreenMail and the gateway by a plain client — e-mail over as many connections, each carrying as
   * many messages, as the dispatcher uses; SMS from as many threads over one keep-alive client — both
   * channels at once, as the dispatcher sends them.
   */
  private Ceiling ceiling(String campaignId, int sample) throws Exception {
    record Row(long id, String recipient, String subject, String body) {}
    List<Row> mails = jdbc.sql("select id, recipient, subject, body from drivecare.outbox where bulk_key = ? and "
            + "channel = 'EMAIL' order by id fetch first " + sample + " rows only").param(campaignId)
        .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    List<Row> texts = jdbc.sql("select id, recipient, subject, body from drivecare.outbox where bulk_key = ? and "
            + "channel = 'SMS' order by id fetch first " + sample + " rows only").param(campaignId)
        .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    var email = notificationProperties.email();
    int mailThreads = email.concurrency();
    int smsThreads = notificationProperties.sms().concurrency();
    Properties settings = new Properties();
    settings.put("mail.smtp.connectiontimeout", "5000");
    settings.put("mail.smtp.timeout", "15000");
    Session session = Session.getInstance(settings);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String url = "http://127.0.0.1:" + gateway.getConnector().getLocalPort() + "/sms";
    ObjectMapper json = new ObjectMapper();
    ExecutorService pool = Executors.newFixedThreadPool(mailThreads + smsThreads);
    AtomicLong mailEnd = new AtomicLong();
    AtomicLong smsEnd = new AtomicLong();
    long begin = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < mailThreads; t++) {
      int from = t;
      work.add(pool.submit(() -> {
        Transport transport = null;
        int onConnection = 0;
        for (int i = from; i < mails.size(); i += mailThreads) {
          Row row = mails.get(i);
          if (transport == null || onConnection == email.messagesPerConnection()) {
            if (transport != null) {
              transport.close();
            }
            transport = session.getTransport("smtp");
            transport.connect("127.0.0.1", SMTP_PORT, null, null);
            onConnection = 0;
          }
          MimeMessage mime = new MimeMessage(session);
          // a plain client writes the message with Jakarta Mail itself (Spring's MimeMessageHelper on a bare
          // MimeMessage would load the MIME type map from every jar for each message)
          mime.setFrom(new InternetAddress(email.from()));
          mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(row.recipient()));
          mime.setSubject(row.subject(), "UTF-8");
          mime.setText(row.body(), "UTF-8");
          mime.saveChanges();
          mime.setHeader("Message-ID", "<ceiling-" + row.id() + "@bench.example>");
          transport.sendMessage(mime, mime.getAllRecipients());
          onConnection++;
        }
        if (transport != null) {
          transport.close();
        }
        mailEnd.accumulateAndGet(System.nanoTime(), Math::max);
        return null;
      }));
    }
    for (int t = 0; t < smsThreads; t++) {
      int from = t;
      work.add(pool.submit(() -> {
        for (int i = from; i < texts.size(); i += smsThreads) {
          Row row = texts.get(i);
          HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(
                  Map.of("to", row.recipient(), "text", row.body(), "reference", "ceiling-" + row.id())))).build();
          for (int attempt = 1; ; attempt++) {
            try { // like any client: a keep-alive connection the server has just closed is tried again
              if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() / 100 != 2) {
                throw new IllegalStateException("gateway refused");
              }
              break;
            } catch (IOException e) {
              if (attempt == 3) {
                throw e;
              }
            }
          }
        }
        smsEnd.accumulateAndGet(System.nanoTime(), Math::max);
        return null;
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    double mailSeconds = (mailEnd.get() - begin) / 1e9;
    double smsSeconds = (smsEnd.get() - begin) / 1e9;
    return new Ceiling(mails.size(), mails.size() / mailSeconds, texts.size(), texts.size() / smsSeconds,
        (mails.size() + texts.size()) / Math.max(mailSeconds, smsSeconds));
  }

  private static GreenMail smtpSink() {
    GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    server.start();
    GreenMailUser counter = new CountingUser();
    server.getUserManager().setMessageDeliveryHandler((message, address) -> counter);
    return server;
  }

  /** Where every e-mail GreenMail accepts goes: counted (and its Message-ID checked for repeats), not kept. */
  static final class CountingUser implements GreenMailUser {
    @Override
    public void deliver(MovingMessage message) {
      deliver(message.getMessage());
    }

    @Override
    public void deliver(MimeMessage message) {
      mailsAccepted.incrementAndGet();
      try {
        String id = message.getMessageID();
        if (id != null && !id.startsWith("<ceiling-") && !mailIds.add(id)) {
          mailDuplicates.incrementAndGet();
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override public String getEmail() { return "sink@bench.example"; }
    @Override public String getLogin() { return "sink"; }
    @Override public void create() {}
    @Override public void delete() {}
    @Override public String getPassword() { return ""; }
    @Override public void setPassword(String password) {}
    @Override public void authenticate(String password) {}
    @Override public String getQualifiedMailboxName() { return "sink"; }
  }

  /**
   * The SMS gateway: an embedded Tomcat (the JDK's own {@code HttpServer} takes only about 300 keep-alive
   * requests a second here, which would make it, not Drivecare, the figure) that accepts every POST.
   */
  private static Tomcat smsSink() {
    try {
      Tomcat server = new Tomcat();
      server.setBaseDir(Files.createTempDirectory("sms-gateway").toString());
      server.setHostname("127.0.0.1");
      server.setPort(0);
      server.getConnector().setProperty("address", "127.0.0.1");
      server.getConnector().setProperty("maxKeepAliveRequests", "-1");
      ObjectMapper json = new ObjectMapper();
      Context context = server.addContext("", null);
      Tomcat.addServlet(context, "sms", new HttpServlet() {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
          JsonNode body = json.readTree(request.getInputStream());
          String reference = body.get("reference").asText();
          smsAccepted.incrementAndGet();
          if (!reference.startsWith("ceiling-") && !smsReferences.add(reference)) {
            smsDuplicates.incrementAndGet();
          }
          response.setStatus(202);
          response.setContentType("application/json");
          response.getWriter().write("{\"status\":\"accepted\"}");
        }
      });
      context.addServletMappingDecoded("/sms", "sms");
      server.start();
      return server;
    } catch (Exception e) {
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

  /** The largest heap in use, sampled every second while the campaign is launched and delivered. */
  static final class HeapSampler {
    private final AtomicLong max = new AtomicLong();
    private final Thread thread = new Thread(() -> {
      Runtime rt = Runtime.getRuntime();
      while (!Thread.currentThread().isInterrupted()) {
        max.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");

    void start() {
      thread.setDaemon(true);
      thread.start();
    }

    void stop() {
      thread.interrupt();
    }

    long max() {
      return max.get();
    }
  }

  private List<String> generate(String region, String tag, int n) {
    // the owners live where it is midday now: their SMS are not held back by quiet hours
    int utcHour = clock.instant().atOffset(ZoneOffset.UTC).getHour();
    String zone = ZoneOffset.ofHours(Math.max(-12, Math.min(14, 12 - utcHour))).getId();
    List<String> vins = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      vins.add(vin(tag, i));
    }
    int chunk = 5_000;
    for (int from = 0; from < n; from += chunk) {
      List<Object[]> customers = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + chunk); i++) {
        customers.add(new Object[] {"Owner " + tag + " " + i, "owner" + i + "." + tag.toLowerCase() + "@bench.example",
            "+3361" + String.format("%07d", i % 10_000_000), i + " rue de la Paix, 75002 Paris", zone, region});
      }
      jdbcTemplate.batchUpdate("""
          insert into drivecare.customer (name, email, phone, address, preferred_channel, language, time_zone, region, do_not_call, created_at)
          values (?, ?, ?, ?, 'EMAIL', 'en', ?, ?, false, current_timestamp)""", customers);
      List<Object[]> cars = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + chunk); i++) {
        cars.add(new Object[] {vins.get(i), region, "owner" + i + "." + tag.toLowerCase() + "@bench.example"});
      }
      jdbcTemplate.batchUpdate("""
          insert into drivecare.vehicle (vin, model, model_year, owner_id, region, created_at)
          select ?, 'Aurora Sedan', 2025, id, ?, current_timestamp from drivecare.customer where email = ?""", cars);
    }
    return vins;
  }

  /** A campaign of these vehicles with its notice drafted and approved: the launch job is next. */
  private String approvedCampaign(String campaignId, List<String> vins, String drafter, String approver) {
    campaigns.create(new RecallCampaignService.NewCampaign(campaignId, "Benchmark recall", "Camera", "Blank image.",
        "Reduced visibility.", "Software update.", List.of(RecallCampaign.RemedyOption.DEALER), 1,
        new RecallCampaignService.Parts(true, null, null)), drafter);
    addToCampaign(campaignId, vins);
    return NoticeApproval.approve(runtimeService, taskService, campaignId, drafter, approver);
  }

  /** The VINs go in as a coordinator's CSV would, through the import (its rate is printed). */
  private void addToCampaign(String campaignId, List<String> vins) {
    StringBuilder csv = new StringBuilder(vins.size() * 18 + 4).append("vin\n");
    vins.forEach(v -> csv.append(v).append('\n'));
    Instant start = Instant.now();
    var report = campaigns.importVehicles(campaignId, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
    if (report.accepted() != vins.size()) {
      throw new IllegalStateException("Import refused " + report.rejectedCount() + " VINs: " + report.rejected().get(0));
    }
    lastImportRate = vins.size() * 1000.0 / Math.max(1, Duration.between(start, Instant.now()).toMillis());
  }

  /** A European VIN (no check digit applies), unique per run and index. */
  private static String vin(String tag, int i) {
    String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    StringBuilder suffix = new StringBuilder();
    long v = i;
    for (int k = 0; k < 8; k++) {
      suffix.append(alphabet.charAt((int) (v % alphabet.length())));
      v /= alphabet.length();
    }
    String t = tag.replaceAll("[IOQ]", "X");
    return ("WBM" + (t + "XXXXXX").substring(0, 6) + suffix).substring(0, 17);
  }

  private long notices(String campaignId) {
    return jdbc.sql("select count(distinct business_key) from drivecare.outbox where template = 'recall-notice' "
        + "and business_key like ?").param(campaignId + ":%").query(Long.class).single();
  }

  private long databaseSize() {
    return jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
  }

  private static void log(String format, Object... args) {
    System.out.println(String.format(format, args));
  }
}
