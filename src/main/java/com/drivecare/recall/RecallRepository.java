package com.drivecare.recall;

import static com.drivecare.platform.Db.instant;
import static com.drivecare.platform.Db.ts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Recall campaigns, the vehicles they cover and the parts per region. */
@Repository
class RecallRepository {

  private final JdbcClient jdbc;

  RecallRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Stock(String region, Integer available, LocalDate expected) {}

  record AffectedVehicle(String campaignId, String vin, String status) {}

  boolean exists(String id) {
    return jdbc.sql("select count(*) from drivecare.recall_campaign where id = ?").param(id).query(Long.class).single() > 0;
  }

  void insert(RecallCampaign c, List<Stock> stock) {
    jdbc.sql("""
        insert into drivecare.recall_campaign (id, title, component, defect, safety_risk, remedy, remedy_options,
          remedy_hours, parts_available, parts_expected, status, created_by, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(c.id(), c.title(), c.component(), c.defect(), c.safetyRisk(), c.remedy(),
            String.join(",", c.remedyOptions().stream().map(Enum::name).toList()), c.remedyHours(),
            c.partsAvailable(), c.partsExpected() == null ? null : Date.valueOf(c.partsExpected()), c.status().name(),
            c.createdBy(), ts(c.createdAt()))
        .update();
    for (Stock s : stock) {
      jdbc.sql("insert into drivecare.recall_parts_stock (campaign_id, region, available, expected) values (?, ?, ?, ?)")
          .params(c.id(), s.region(), s.available(), s.expected() == null ? null : Date.valueOf(s.expected())).update();
    }
  }

  Optional<RecallCampaign> find(String id) {
    return jdbc.sql("select * from drivecare.recall_campaign where id = ?").param(id)
        .query(RecallRepository::campaign).optional();
  }

  List<Stock> stock(String campaignId) {
    return jdbc.sql("select * from drivecare.recall_parts_stock where campaign_id = ? order by region").param(campaignId)
        .query((rs, row) -> {
          int available = rs.getInt("available");
          Integer a = rs.wasNull() ? null : available;
          Date expected = rs.getDate("expected");
          return new Stock(rs.getString("region"), a, expected == null ? null : expected.toLocalDate());
        }).list();
  }

  boolean containsVin(String campaignId, String vin) {
    return jdbc.sql("select count(*) from drivecare.recall_vehicle where campaign_id = ? and vin = ?")
        .params(campaignId, vin).query(Long.class).single() > 0;
  }

  void addVehicle(String campaignId, String vin, long vehicleId, String region, Instant now) {
    jdbc.sql("""
        insert into drivecare.recall_vehicle (campaign_id, vin, vehicle_id, region, status, imported_at)
        values (?, ?, ?, ?, 'IMPORTED', ?)""").params(campaignId, vin, vehicleId, region, ts(now)).update();
  }

  void saveNotice(String id, String en, String fr, String draftedBy, String approvedBy) {
    jdbc.sql("""
        update drivecare.recall_campaign set notice_en = ?, notice_fr = ?, drafted_by = ?, approved_by = ?,
          status = 'APPROVED' where id = ? and status = 'DRAFT'""").params(en, fr, draftedBy, approvedBy, id).update();
  }

  /** The next vehicles not yet launched, locked for this launcher. */
  List<String> nextToLaunch(String campaignId, int limit) {
    return jdbc.sql("""
        select vin from drivecare.recall_vehicle where campaign_id = ? and launched_at is null
        order by vin limit ? for update""").params(campaignId, limit).query(String.class).list();
  }

  void markLaunched(String campaignId, List<String> vins, Instant now) {
    for (List<String> part : partition(vins, 500)) {
      // a journey that already set its own status (notified, waiting for parts…) keeps it
      jdbc.sql("""
          update drivecare.recall_vehicle set launched_at = :now,
            status = case when status = 'IMPORTED' then 'LAUNCHED' else status end
          where campaign_id = :id and vin in (:vins)""")
          .param("now", ts(now)).param("id", campaignId).param("vins", part).update();
    }
  }

  long notLaunched(String campaignId) {
    return jdbc.sql("select count(*) from drivecare.recall_vehicle where campaign_id = ? and launched_at is null")
        .param(campaignId).query(Long.class).single();
  }

  void launched(String id, Instant now) {
    jdbc.sql("update drivecare.recall_campaign set status = 'LAUNCHED', launched_at = coalesce(launched_at, ?) where id = ?")
        .params(ts(now), id).update();
  }

  void close(String id, String reason, Instant now) {
    jdbc.sql("update drivecare.recall_campaign set status = 'CLOSED', closed_at = coalesce(closed_at, ?), close_reason = coalesce(close_reason, ?) where id = ?")
        .params(ts(now), reason, id).update();
  }

  /** Keeps the quarter's completion report (once per quarter). */
  void saveReport(String id, int quarter, Instant now, long vehicles, long remedied, long unreachable,
      long exportedOrScrapped) {
    if (jdbc.sql("select count(*) from drivecare.recall_report where campaign_id = ? and quarter = ?")
        .params(id, quarter).query(Long.class).single() > 0) {
      return;
    }
    double completion = vehicles == 0 ? 0 : Math.round(remedied * 10000.0 / vehicles) / 100.0;
    jdbc.sql("""
        insert into drivecare.recall_report (campaign_id, quarter, produced_at, vehicles, remedied, unreachable,
          exported_or_scrapped, completion_rate) values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, quarter, ts(now), vehicles, remedied, unreachable, exportedOrScrapped, completion).update();
  }

  int reportCount(String id) {
    return jdbc.sql("select count(*) from drivecare.recall_report where campaign_id = ?").param(id)
        .query(Integer.class).single();
  }

  List<Map<String, Object>> reports(String id) {
    return jdbc.sql("""
        select quarter, produced_at, vehicles, remedied, unreachable, exported_or_scrapped, completion_rate
        from drivecare.recall_report where campaign_id = ? order by quarter""").param(id).query().listOfRows();
  }

  private static <T> List<List<T>> partition(List<T> list, int size) {
    List<List<T>> parts = new java.util.ArrayList<>();
    for (int i = 0; i < list.size(); i += size) {
      parts.add(list.subList(i, Math.min(list.size(), i + size)));
    }
    return parts;
  }

  void vehicleStatus(String campaignId, String vin, String status) {
    jdbc.sql("update drivecare.recall_vehicle set status = ? where campaign_id = ? and vin = ?")
        .params(status, campaignId, vin).update();
  }

  void remedied(String campaignId, String vin, Instant now) {
    jdbc.sql("""
        update drivecare.recall_vehicle set status = 'REMEDIED', remedied_at = coalesce(remedied_at, ?)
        where campaign_id = ? and vin = ?""").params(ts(now), campaignId, vin).update();
  }

  void closeVehicle(String campaignId, String vin, String reason) {
    jdbc.sql("update drivecare.recall_vehicle set status = 'CLOSED', closed_reason = ? where campaign_id = ? and vin = ?")
        .params(reason, campaignId, vin).update();
  }

  void updateStock(String campaignId, String region, Integer available) {
    int updated = jdbc.sql("update drivecare.recall_parts_stock set available = ?, expected = null where campaign_id = ? and region = ?")
        .params(available, campaignId, region).update();
    if (updated == 0) {
      jdbc.sql("insert into drivecare.recall_parts_stock (campaign_id, region, available) values (?, ?, ?)")
          .params(campaignId, region, available).update();
    }
  }

  /** Vehicles per status, in a stable order. */
  Map<String, Long> vehiclesPerStatus(String campaignId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql("select status, count(*) n from drivecare.recall_vehicle where campaign_id = ? group by status order by status")
        .param(campaignId).query((rs, row) -> counts.put(rs.getString("status"), rs.getLong("n"))).list();
    return counts;
  }

  /** The open campaigns a VIN is part of. */
  List<AffectedVehicle> openRecallsFor(String vin) {
    return jdbc.sql("""
        select v.campaign_id, v.vin, v.status from drivecare.recall_vehicle v
          join drivecare.recall_campaign c on c.id = v.campaign_id
        where v.vin = ? and c.status <> 'CLOSED' order by v.campaign_id""")
        .param(vin).query((rs, row) -> new AffectedVehicle(rs.getString("campaign_id"), rs.getString("vin"),
            rs.getString("status"))).list();
  }

  private static RecallCampaign campaign(ResultSet rs, int row) throws SQLException {
    Date expected = rs.getDate("parts_expected");
    return new RecallCampaign(rs.getString("id"), rs.getString("title"), rs.getString("component"),
        rs.getString("defect"), rs.getString("safety_risk"), rs.getString("remedy"),
        Arrays.stream(rs.getString("remedy_options").split(",")).map(RecallCampaign.RemedyOption::valueOf).toList(),
        rs.getInt("remedy_hours"), rs.getBoolean("parts_available"), expected == null ? null : expected.toLocalDate(),
        RecallCampaign.CampaignStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
        instant(rs, "created_at"), instant(rs, "launched_at"), instant(rs, "closed_at"));
  }
}
