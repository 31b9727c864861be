package com.drivecare.contact;

import static com.drivecare.platform.Db.instant;
import static com.drivecare.platform.Db.nullableLong;
import static com.drivecare.platform.Db.ts;

import com.drivecare.customer.Channel;
import com.drivecare.platform.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The contact log: every touchpoint of every case, kept after the process ends. It is what a
 * manager reviews before he calls, and the timeline a customer sees. Rows are written in the
 * caller's transaction — with the engine's state when a delegate writes them.
 */
@Service
public class ContactLog {

  private static final int MAX_NOTE = 2000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final Clock clock;

  ContactLog(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.clock = clock;
  }

  /** One touchpoint to record. */
  public record Entry(String businessKey, Long customerId, Channel channel, Direction direction, String actor,
      String outcome, String note) {

    Object[] row(Instant at) {
      return new Object[] {businessKey, customerId, channel.name(), direction.name(), actor, outcome,
          note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE - 1) + "…", ts(at)};
    }
  }

  private static final String INSERT = """
      insert into drivecare.contact_log (business_key, customer_id, channel, direction, actor, outcome, note, occurred_at)
      values (?, ?, ?, ?, ?, ?, ?, ?)""";

  public void record(String businessKey, Long customerId, Channel channel, Direction direction, String actor,
      String outcome, String note) {
    jdbc.sql(INSERT).params(new Entry(businessKey, customerId, channel, direction, actor, outcome, note)
        .row(clock.instant())).update();
  }

  /** Many touchpoints at once, in one batched statement. */
  public void recordAll(List<Entry> entries) {
    if (!entries.isEmpty()) {
      Instant now = clock.instant();
      batch.batchUpdate(INSERT, entries.stream().map(e -> e.row(now)).toList());
    }
  }

  /**
   * Entries for staff eyes only: internal notes, reviews, hand-overs, breaches. Customers see the
   * rest of their timeline.
   */
  public static final Set<String> INTERNAL_OUTCOMES = Set.of("SLA_BREACHED",
      "ESCALATION_HANDED_OVER", "MANAGEMENT_REVIEW", "CALL_LOG_REVIEWED", "MISSED");

  /** The timeline as the caller may see it: whole for staff, without internal entries for the customer. */
  public List<ContactEntry> timelineFor(String businessKey, Caller caller) {
    List<ContactEntry> entries = timeline(businessKey);
    return caller instanceof Caller.Customer
        ? entries.stream().filter(e -> !INTERNAL_OUTCOMES.contains(e.outcome())).toList()
        : entries;
  }

  /** The case's touchpoints, oldest first. */
  public List<ContactEntry> timeline(String businessKey) {
    return jdbc.sql("select * from drivecare.contact_log where business_key = ? order by occurred_at, id")
        .param(businessKey)
        .query((rs, row) -> new ContactEntry(rs.getLong("id"), rs.getString("business_key"),
            nullableLong(rs, "customer_id"), Channel.valueOf(rs.getString("channel")),
            Direction.valueOf(rs.getString("direction")), rs.getString("actor"), rs.getString("outcome"),
            rs.getString("note"), instant(rs, "occurred_at")))
        .list();
  }
}
