package com.drivecare.recall;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.TestData;
import com.drivecare.people.Groups;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
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
 * and vehicles, a campaign covering them all, approves the notice and launches; it prints vehicles per
 * second from launch until every owner's first notice is in the outbox, the heap, and database bytes
 * per vehicle (PostgreSQL). In the same run it starts {@code naiveVehicles} journeys the naive way —
 * one engine start per vehicle through the engine's REST API — and prints the ratio.
 */
@DrivecareTest
class RecallLaunchBenchmark {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired RecallCampaignService campaigns;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate jdbcTemplate;

  private double lastImportRate;

  @Test
  void launch() throws Exception {
    int vehicles = Integer.getInteger("vehicles", 100_000);
    int naive = Math.min(vehicles, Integer.getInteger("naiveVehicles", 1_000));
    boolean postgres = jdbc.sql("select 1").query(Integer.class).single() == 1
        && jdbcTemplate.getDataSource().getConnection().getMetaData().getDatabaseProductName().contains("PostgreSQL");
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
    Instant start = Instant.now();
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
      var response = admin.post("/engine-rest/process-definition/key/recall-remedy/start", Map.of(
          "businessKey", naiveCampaign + ":" + vin,
          "variables", Map.of("campaignId", Map.of("value", naiveCampaign), "vin", Map.of("value", vin))));
      if (response.status() != 200) {
        throw new IllegalStateException("Naive start failed: " + response.status() + " " + response.body());
      }
    }
    double naiveSeconds = Duration.between(naiveStart, Instant.now()).toMillis() / 1000.0;
    double naiveRate = naive / naiveSeconds;

    log("");
    log("=== Recall launch benchmark (%s) ===", postgres ? "PostgreSQL" : "H2 in memory");
    log("vehicles launched          %,d (first notices in the outbox: %,d)", vehicles, notified);
    log("launch to last notice      %.1f s", seconds);
    log("VIN import (CSV, before)   %.0f vehicles/s", importRate);
    log("vehicles per second        %.0f", rate);
    log("heap after launch          %,d MB", heap / (1024 * 1024));
    log("database bytes per vehicle %s", postgres ? String.format("%,d", (dbAfter - dbBefore) / vehicles) : "n/a (H2 in memory)");
    log("naive (REST, one start per vehicle, %,d vehicles)  %.0f vehicles/s", naive, naiveRate);
    log("ratio launch / naive       %.1f", rate / naiveRate);
  }

  private List<String> generate(String region, String tag, int n) {
    List<String> vins = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      vins.add(vin(tag, i));
    }
    int chunk = 5_000;
    for (int from = 0; from < n; from += chunk) {
      List<Object[]> customers = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + chunk); i++) {
        customers.add(new Object[] {"Owner " + tag + " " + i, "owner" + i + "." + tag.toLowerCase() + "@bench.example",
            "+3361" + String.format("%07d", i % 10_000_000), i + " rue de la Paix, 75002 Paris", region});
      }
      jdbcTemplate.batchUpdate("""
          insert into drivecare.customer (name, email, phone, address, preferred_channel, language, time_zone, region, do_not_call, created_at)
          values (?, ?, ?, ?, 'EMAIL', 'en', 'Europe/Paris', ?, false, current_timestamp)""", customers);
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
