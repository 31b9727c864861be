package com.drivecare.recall;

import static com.drivecare.platform.Db.instant;
import static com.drivecare.platform.Db.nullableLong;
import static com.drivecare.platform.Db.ts;

import com.drivecare.customer.Vehicle;
import com.drivecare.recall.RecallCampaign.CampaignStatus;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * Recall campaigns, the vehicles they cover ({@code recall_vehicle}), the parts per region
 * ({@code recall_parts_stock}) and the quarterly reports: the one owner of these tables.
 */
@Repository
class RecallRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  RecallRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  record Stock(String region, Integer available, LocalDate expected) {}

  record AffectedVehicle(String campaignId, String vin, RecallVehicleStatus status) {}

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

  /** Which of these VINs the campaign has already. */
  Set<String> vinsInCampaign(String campaignId, List<String> vins) {
    Set<String> found = new HashSet<>();
    for (int i = 0; i < vins.size(); i += 1000) {
      found.addAll(jdbc.sql("select vin from drivecare.recall_vehicle where campaign_id = :id and vin in (:vins)")
          .param("id", campaignId).param("vins", vins.subList(i, Math.min(vins.size(), i + 1000)))
          .query(String.class).list());
    }
    return found;
  }

  /** Adds the vehicles to the campaign, in one batch. */
  void addVehicles(String campaignId, List<Vehicle> vehicles, Instant now) {
    batch.batchUpdate("""
        insert into drivecare.recall_vehicle (campaign_id, vin, vehicle_id, region, status, imported_at)
        values (?, ?, ?, ?, ?, ?)""",
        vehicles.stream().map(v -> new Object[] {campaignId, v.vin(), v.id(), v.region(),
            RecallVehicleStatus.IMPORTED.name(), ts(now)}).toList());
  }

  /** The campaign's facts in French, as drafted (null ones are not known yet). */
  void saveFrench(String id, RecallCampaign.French fr) {
    jdbc.sql("""
        update drivecare.recall_campaign set title_fr = ?, component_fr = ?, defect_fr = ?, safety_risk_fr = ?,
          remedy_fr = ? where id = ?""")
        .params(fr.title(), fr.component(), fr.defect(), fr.safetyRisk(), fr.remedy(), id).update();
  }

  void saveNotice(String id, String en, String fr, String draftedBy, String approvedBy) {
    jdbc.sql("""
        update drivecare.recall_campaign set notice_en = ?, notice_fr = ?, drafted_by = ?, approved_by = ?,
          status = ? where id = ? and status = ?""")
        .params(en, fr, draftedBy, approvedBy, CampaignStatus.APPROVED.name(), id, CampaignStatus.DRAFT.name()).update();
  }

  /**
   * Refreshes the database's statistics of the campaigns' vehicles. An import has just added up to
   * millions of rows; the launch plans its chunk queries on these statistics, and with stale ones
   * PostgreSQL may sort what is left of the campaign for every chunk instead of walking the index.
   */
  void refreshStatistics() {
    jdbc.sql(postgres() ? "analyze drivecare.recall_vehicle" : "analyze table drivecare.recall_vehicle").update();
  }

  private boolean postgres() {
    try {
      return "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(batch.getDataSource(),
          DatabaseMetaData::getDatabaseProductName));
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell the database's product", e);
    }
  }

  /** A vehicle of a campaign as the campaign's bulk steps see it. */
  record Target(String vin, long vehicleId, String model, String region, Long ownerId, RecallVehicleStatus status,
      int remindersSent, Instant invitedAt, LocalDate partsExpectedTold) {}

  /** The vehicle's state after a bulk step. */
  record Outreach(String vin, RecallVehicleStatus status, Instant invitedAt, int remindersSent, Instant nextReminderAt,
      Instant journeyStartedAt, LocalDate partsExpectedTold) {}

  private static final String TARGET = """
      select rv.vin, rv.vehicle_id, rv.region, rv.status, rv.reminders_sent, rv.invited_at, rv.parts_expected_told,
        v.model, v.owner_id
      from drivecare.recall_vehicle rv join drivecare.vehicle v on v.id = rv.vehicle_id
      """;

  /** The approved owner notice of the campaign, by language ("en", "fr"). */
  Map<String, String> notices(String campaignId) {
    return jdbc.sql("select notice_en, notice_fr from drivecare.recall_campaign where id = ?").param(campaignId)
        .query((rs, row) -> Map.of("en", rs.getString("notice_en"), "fr", rs.getString("notice_fr"))).single();
  }

  /**
   * Locks the campaign for its launcher and says where the launch has got to: the last VIN of the
   * last chunk committed ("" before the first).
   */
  String lockLaunchCursor(String campaignId) {
    return jdbc.sql("select coalesce(launch_cursor, '') from drivecare.recall_campaign where id = ? for update")
        .param(campaignId).query(String.class).single();
  }

  void launchCursor(String campaignId, String vin) {
    jdbc.sql("update drivecare.recall_campaign set launch_cursor = ? where id = ?").params(vin, campaignId).update();
  }

  /** The next vehicles after the cursor not yet launched, in VIN order (a walk along the primary key). */
  List<Target> nextToLaunch(String campaignId, String after, int limit) {
    return jdbc.sql(TARGET + """
        where rv.campaign_id = :id and rv.vin > :after and rv.launched_at is null
        order by rv.vin limit :limit""")
        .param("id", campaignId).param("after", after).param("limit", limit).query(RecallRepository::target).list();
  }

  /** The vehicles whose campaign reminder is due, earliest first (only journeys the campaign still carries have one). */
  List<Target> dueReminders(String campaignId, Instant now, int limit) {
    return jdbc.sql(TARGET + """
        where rv.campaign_id = :id and rv.next_reminder_at <= :now
        order by rv.next_reminder_at, rv.vin limit :limit""")
        .param("id", campaignId).param("now", ts(now)).param("limit", limit).query(RecallRepository::target).list();
  }

  /** Vehicles after the cursor that wait for parts in one of these regions and have no journey of their own. */
  List<Target> waitingForParts(String campaignId, List<String> regions, String after, int limit) {
    if (regions.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(TARGET + """
        where rv.campaign_id = :id and rv.vin > :after and rv.status = :waiting
          and rv.journey_started_at is null and rv.region in (:regions)
        order by rv.vin limit :limit""")
        .param("id", campaignId).param("after", after).param("regions", regions).param("limit", limit)
        .param("waiting", RecallVehicleStatus.WAITING_FOR_PARTS.name())
        .query(RecallRepository::target).list();
  }

  /** Vehicles after the cursor that wait for parts (with or without a journey of their own), in VIN order. */
  List<Target> waitingForParts(String campaignId, String after, int limit) {
    return jdbc.sql(TARGET + """
        where rv.campaign_id = :id and rv.vin > :after and rv.status = :waiting
        order by rv.vin limit :limit""")
        .param("id", campaignId).param("after", after).param("limit", limit)
        .param("waiting", RecallVehicleStatus.WAITING_FOR_PARTS.name()).query(RecallRepository::target).list();
  }

  /** Records that the owner was told the parts are expected on this date. */
  void partsExpectedTold(String campaignId, List<String> vins, LocalDate expected) {
    batch.batchUpdate("update drivecare.recall_vehicle set parts_expected_told = ? where campaign_id = ? and vin = ?",
        vins.stream().map(vin -> new Object[] {Date.valueOf(expected), campaignId, vin}).toList());
  }

  /** A new expected date for the parts: for one region, or (region null) wherever the campaign has none in stock. */
  void partsDelayed(String campaignId, String region, LocalDate expected, String reason) {
    jdbc.sql("update drivecare.recall_campaign set parts_delay_reason = ? where id = ?").params(reason, campaignId).update();
    if (region == null) {
      jdbc.sql("update drivecare.recall_campaign set parts_expected = ? where id = ? and not parts_available")
          .params(Date.valueOf(expected), campaignId).update();
      jdbc.sql("""
          update drivecare.recall_parts_stock set expected = ?
          where campaign_id = ? and (available is null or available = 0)""").params(Date.valueOf(expected), campaignId).update();
      return;
    }
    int updated = jdbc.sql("update drivecare.recall_parts_stock set expected = ? where campaign_id = ? and region = ?")
        .params(Date.valueOf(expected), campaignId, region).update();
    if (updated == 0) {
      jdbc.sql("insert into drivecare.recall_parts_stock (campaign_id, region, available, expected) values (?, ?, 0, ?)")
          .params(campaignId, region, Date.valueOf(expected)).update();
    }
  }

  String partsDelayReason(String campaignId) {
    return jdbc.sql("select parts_delay_reason from drivecare.recall_campaign where id = ?").param(campaignId)
        .query(String.class).optional().orElse(null);
  }

  /** How many vehicles wait for parts in the region (all regions when null). */
  long waitingForPartsCount(String campaignId, String region) {
    return jdbc.sql("""
        select count(*) from drivecare.recall_vehicle where campaign_id = ? and status = ?
          and (cast(? as varchar) is null or region = ?)""")
        .params(campaignId, RecallVehicleStatus.WAITING_FOR_PARTS.name(), region, region).query(Long.class).single();
  }

  /**
   * Writes what a bulk step did to each vehicle — only where the vehicle is still where the step
   * found it (same status, no journey of its own yet: a booking may have got there first).
   *
   * @return the VINs that were updated
   */
  List<String> outreach(String campaignId, List<Outreach> rows, Instant now, boolean launch,
      RecallVehicleStatus expectedStatus) {
    String sql = """
        update drivecare.recall_vehicle set status = ?, invited_at = ?, reminders_sent = ?, next_reminder_at = ?,
          journey_started_at = ?, parts_expected_told = ?, launched_at = coalesce(launched_at, ?)
        where campaign_id = ? and vin = ? and journey_started_at is null and """
        + (launch ? " launched_at is null" : " status = ?");
    List<Object[]> args = rows.stream().map(r -> {
      Object[] a = {r.status().name(), ts(r.invitedAt()), r.remindersSent(), ts(r.nextReminderAt()), ts(r.journeyStartedAt()),
          r.partsExpectedTold() == null ? null : Date.valueOf(r.partsExpectedTold()), ts(now), campaignId, r.vin(),
          expectedStatus == null ? null : expectedStatus.name()};
      return launch ? Arrays.copyOf(a, a.length - 1) : a;
    }).toList();
    int[] counts = batch.batchUpdate(sql, args);
    List<String> updated = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      // drivers that batch without per-row counts report SUCCESS_NO_INFO (-2): the row was there
      if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) {
        updated.add(rows.get(i).vin());
      }
    }
    return updated;
  }

  /**
   * Hands the vehicle to a journey of its own (a booking, a call): true for the one caller that
   * does so; false when it has one already.
   */
  boolean claimJourney(String campaignId, String vin, Instant now) {
    return jdbc.sql("""
        update drivecare.recall_vehicle set journey_started_at = ?, next_reminder_at = null
        where campaign_id = ? and vin = ? and journey_started_at is null""")
        .params(ts(now), campaignId, vin).update() == 1;
  }

  /** How many vehicles the campaign carries (no journey of their own) that wait for parts in the region. */
  long carriedWaitingForParts(String campaignId, String region) {
    return jdbc.sql("""
        select count(*) from drivecare.recall_vehicle where campaign_id = ? and region = ? and status = ?
          and journey_started_at is null""")
        .params(campaignId, region, RecallVehicleStatus.WAITING_FOR_PARTS.name()).query(Long.class).single();
  }

  /** Whether the campaign still carries vehicles that are neither repaired nor closed and have no journey. */
  boolean carriesOpenVehicles(String campaignId) {
    return !jdbc.sql("""
        select vin from drivecare.recall_vehicle where campaign_id = :id and journey_started_at is null
          and status in (:open) fetch first 1 rows only""")
        .param("id", campaignId).param("open", RecallVehicleStatus.OPEN_WITHOUT_BOOKING.stream().map(Enum::name).toList())
        .query(String.class).list().isEmpty();
  }

  private static Target target(ResultSet rs, int row) throws SQLException {
    Long owner = nullableLong(rs, "owner_id");
    Date told = rs.getDate("parts_expected_told");
    return new Target(rs.getString("vin"), rs.getLong("vehicle_id"), rs.getString("model"), rs.getString("region"),
        owner, RecallVehicleStatus.of(rs.getString("status")), rs.getInt("reminders_sent"), instant(rs, "invited_at"),
        told == null ? null : told.toLocalDate());
  }

  void launched(String id, Instant now) {
    jdbc.sql("update drivecare.recall_campaign set status = ?, launched_at = coalesce(launched_at, ?) where id = ?")
        .params(CampaignStatus.LAUNCHED.name(), ts(now), id).update();
  }

  void close(String id, String reason, Instant now) {
    jdbc.sql("""
        update drivecare.recall_campaign set status = ?, closed_at = coalesce(closed_at, ?),
          close_reason = coalesce(close_reason, ?) where id = ?""")
        .params(CampaignStatus.CLOSED.name(), ts(now), reason, id).update();
  }

  /** The vehicle as the campaign's bulk steps see it. */
  Optional<Target> target(String campaignId, String vin) {
    return jdbc.sql(TARGET + "where rv.campaign_id = ? and rv.vin = ?").params(campaignId, vin)
        .query(RecallRepository::target).optional();
  }

  /** Locks the vehicle's row of the campaign (bookings and closings of one vehicle one after the other). */
  Optional<RecallVehicleStatus> lockVehicle(String campaignId, String vin) {
    return jdbc.sql("select status from drivecare.recall_vehicle where campaign_id = ? and vin = ? for update")
        .params(campaignId, vin).query(String.class).optional().map(RecallVehicleStatus::valueOf);
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

  void vehicleStatus(String campaignId, String vin, RecallVehicleStatus status) {
    jdbc.sql("update drivecare.recall_vehicle set status = ? where campaign_id = ? and vin = ?")
        .params(status.name(), campaignId, vin).update();
  }

  void remedied(String campaignId, String vin, Instant now) {
    jdbc.sql("""
        update drivecare.recall_vehicle set status = ?, remedied_at = coalesce(remedied_at, ?)
        where campaign_id = ? and vin = ?""").params(RecallVehicleStatus.REMEDIED.name(), ts(now), campaignId, vin).update();
  }

  void closeVehicle(String campaignId, String vin, String reason) {
    jdbc.sql("""
        update drivecare.recall_vehicle set status = ?, closed_reason = ?, next_reminder_at = null
        where campaign_id = ? and vin = ?""")
        .params(RecallVehicleStatus.CLOSED.name(), reason, campaignId, vin).update();
  }

  void updateStock(String campaignId, String region, Integer available) {
    int updated = jdbc.sql("update drivecare.recall_parts_stock set available = ?, expected = null where campaign_id = ? and region = ?")
        .params(available, campaignId, region).update();
    if (updated == 0) {
      jdbc.sql("insert into drivecare.recall_parts_stock (campaign_id, region, available) values (?, ?, ?)")
          .params(campaignId, region, available).update();
    }
  }

  /**
   * Takes one part of the region's stock for a booked vehicle.
   *
   * @return false when none is left
   */
  boolean takePart(String campaignId, String region) {
    return jdbc.sql("""
        update drivecare.recall_parts_stock set available = available - 1
        where campaign_id = ? and region = ? and available > 0""").params(campaignId, region).update() > 0;
  }

  /** A cancelled booking gives its part back to the region's stock (where stock is counted). */
  void returnPart(String campaignId, String region) {
    jdbc.sql("""
        update drivecare.recall_parts_stock set available = available + 1
        where campaign_id = ? and region = ? and available is not null""").params(campaignId, region).update();
  }

  /** Vehicles per status, in a stable order. */
  Map<String, Long> vehiclesPerStatus(String campaignId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql("select status, count(*) n from drivecare.recall_vehicle where campaign_id = ? group by status order by status")
        .param(campaignId).query((rs, row) -> counts.put(rs.getString("status"), rs.getLong("n"))).list();
    return counts;
  }

  /**
   * The open campaigns a VIN is part of, once launched: a draft awaiting its notice's approval is
   * not public. During the launch, a vehicle shows once its owner has been told.
   */
  List<AffectedVehicle> openRecallsFor(String vin) {
    return jdbc.sql("""
        select v.campaign_id, v.vin, v.status from drivecare.recall_vehicle v
          join drivecare.recall_campaign c on c.id = v.campaign_id
        where v.vin = ? and (c.status = ? or c.status = ? and v.launched_at is not null)
        order by v.campaign_id""")
        .params(vin, CampaignStatus.LAUNCHED.name(), CampaignStatus.APPROVED.name())
        .query((rs, row) -> new AffectedVehicle(rs.getString("campaign_id"), rs.getString("vin"),
            RecallVehicleStatus.of(rs.getString("status")))).list();
  }

  /** A recall of one of the owner's vehicles, as his self-service lists it (titled in his page's language by the caller). */
  record OwnerRecall(String campaignId, String vin, String model, String plate, RecallVehicleStatus status) {}

  /** The recalls of the owner's vehicles he has been told about (launched, or approved and his vehicle launched). */
  List<OwnerRecall> recallsOfOwner(long customerId) {
    return jdbc.sql("""
        select rv.campaign_id, rv.vin, rv.status, v.model, v.plate from drivecare.recall_vehicle rv
          join drivecare.vehicle v on v.id = rv.vehicle_id
          join drivecare.recall_campaign c on c.id = rv.campaign_id
        where v.owner_id = ? and (c.status = ? or c.status = ? and rv.launched_at is not null)
        order by rv.campaign_id, rv.vin""")
        .params(customerId, CampaignStatus.LAUNCHED.name(), CampaignStatus.APPROVED.name())
        .query((rs, row) -> new OwnerRecall(rs.getString("campaign_id"), rs.getString("vin"), rs.getString("model"), rs.getString("plate"), RecallVehicleStatus.of(rs.getString("status")))).list();
  }

  private static RecallCampaign campaign(ResultSet rs, int row) throws SQLException {
    Date expected = rs.getDate("parts_expected");
    return new RecallCampaign(rs.getString("id"), rs.getString("title"), rs.getString("component"),
        rs.getString("defect"), rs.getString("safety_risk"), rs.getString("remedy"),
        Arrays.stream(rs.getString("remedy_options").split(",")).map(RecallCampaign.RemedyOption::valueOf).toList(),
        rs.getInt("remedy_hours"), rs.getBoolean("parts_available"), expected == null ? null : expected.toLocalDate(),
        RecallCampaign.CampaignStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
        instant(rs, "created_at"), instant(rs, "launched_at"), instant(rs, "closed_at"),
        new RecallCampaign.French(rs.getString("title_fr"), rs.getString("component_fr"), rs.getString("defect_fr"),
            rs.getString("safety_risk_fr"), rs.getString("remedy_fr")));
  }
}
