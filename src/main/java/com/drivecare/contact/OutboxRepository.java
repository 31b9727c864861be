package com.drivecare.contact;

import static com.drivecare.platform.Db.instant;
import static com.drivecare.platform.Db.ts;

import com.drivecare.customer.Channel;
import com.drivecare.platform.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OutboxRepository {

  private static final int BATCH = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  OutboxRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  Optional<Long> idByKey(String idempotencyKey) {
    return jdbc.sql("select id from drivecare.outbox where idempotency_key = ?").param(idempotencyKey)
        .query(Long.class).optional();
  }

  /** A message to store, rendered already. */
  record NewMessage(String key, String template, Channel channel, Long customerId, String businessKey,
      String recipient, String language, String subject, String body, Instant now, Instant notBefore,
      int priority, String bulkKey) {

    NewMessage(String key, String template, Channel channel, Long customerId, String businessKey, String recipient,
        String language, String subject, String body, Instant now, Instant notBefore) {
      this(key, template, channel, customerId, businessKey, recipient, language, subject, body, now, notBefore,
          OutboxMessage.PRIORITY_URGENT, null);
    }

    NewMessage inBulk(String bulk, int inPriority) {
      return new NewMessage(key, template, channel, customerId, businessKey, recipient, language, subject, body, now,
          notBefore, inPriority, bulk);
    }

    Object[] row() {
      return new Object[] {key, template, channel.name(), customerId, businessKey, recipient, language, subject, body,
          ts(notBefore), ts(now), priority, bulkKey};
    }
  }

  private static final String INSERT = """
      insert into drivecare.outbox (idempotency_key, template, channel, customer_id, business_key, recipient, language,
        subject, body, status, attempts, next_attempt_at, created_at, priority, bulk_key)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)""";

  long insert(NewMessage message) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(INSERT).params(message.row()).update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Stores many messages in batched statements. */
  void insertAll(List<NewMessage> messages) {
    for (int i = 0; i < messages.size(); i += BATCH) {
      batch.batchUpdate(INSERT, messages.subList(i, Math.min(messages.size(), i + BATCH)).stream().map(NewMessage::row).toList());
    }
  }

  /** Which of these idempotency keys are stored already. */
  Set<String> existingKeys(List<String> keys) {
    Set<String> found = new HashSet<>();
    for (int i = 0; i < keys.size(); i += BATCH) {
      found.addAll(jdbc.sql("select idempotency_key from drivecare.outbox where idempotency_key in (:keys)")
          .param("keys", keys.subList(i, Math.min(keys.size(), i + BATCH))).query(String.class).list());
    }
    return found;
  }

  Optional<OutboxMessage> find(long id) {
    return jdbc.sql("select * from drivecare.outbox where id = ?").param(id).query(OutboxRepository::map).optional();
  }

  /** What a claim took: the messages now leased to the claim's token, and whether the rate limit held it back. */
  record Claim(List<OutboxMessage> messages, boolean rateLimited) {}

  /**
   * Which due messages a claim may take: all (the dispatcher's rounds), or only some — given ones, or
   * one case's (by business key) — the rest of the outbox keeps its turn.
   */
  record Scope(Collection<Long> ids, String businessKey) {

    static final Scope ALL = new Scope(null, null);

    static Scope of(Collection<Long> ids) {
      return new Scope(List.copyOf(ids), null);
    }

    static Scope ofCase(String businessKey) {
      return new Scope(null, businessKey);
    }

    /** Whether the scope can hold no message at all (no ids given). */
    boolean isEmpty() {
      return ids != null && ids.isEmpty();
    }

    private String condition() {
      return ids != null ? " and id in (:ids)" : businessKey != null ? " and business_key = :businessKey" : "";
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
      return ids != null ? statement.param("ids", ids)
          : businessKey != null ? statement.param("businessKey", businessKey) : statement;
    }
  }

  private static final String DUE_IDS = """
      select id from drivecare.outbox
      where status = :status and channel = :channel and priority = :priority and next_attempt_at <= :now%s
      order by next_attempt_at, id
      fetch first %d rows only for update skip locked""";

  /**
   * Claims up to {@code limit} due messages of a channel for one dispatcher round (its {@code token}),
   * in the caller's transaction: first messages whose lease ran out (their node died mid-send), then
   * urgent ones, then bulk. Rows another node is claiming are skipped ({@code FOR UPDATE SKIP LOCKED}),
   * never waited for. Each query is a range of {@code outbox_claim_idx} read in order and stops after
   * {@code limit} rows, so a claim costs the same with a hundred or two million due messages. While a
   * message is claimed its {@code next_attempt_at} is the end of the lease. The claim counts an attempt.
   * With a rate limit, the channel's shared token bucket decides how many may be taken now.
   */
  Claim claim(Channel channel, int limit, double ratePerSecond, String token, Instant now, Instant leaseUntil) {
    return claim(channel, limit, ratePerSecond, token, now, leaseUntil, Scope.ALL);
  }

  /** {@link #claim(Channel, int, double, String, Instant, Instant) A claim} of due messages in {@code scope} only. */
  Claim claim(Channel channel, int limit, double ratePerSecond, String token, Instant now, Instant leaseUntil,
      Scope scope) {
    int allowed = limit;
    if (ratePerSecond > 0) {
      allowed = Math.min(limit, takeTokens(channel, limit, ratePerSecond, now));
      if (allowed <= 0) {
        return new Claim(List.of(), true);
      }
    }
    List<Long> ids = new ArrayList<>();
    // a lease that ran out: SENDING and its next_attempt_at (the lease's end) passed
    for (int priority = 0; priority <= OutboxMessage.PRIORITY_BULK && ids.size() < allowed; priority++) {
      ids.addAll(dueIds("SENDING", channel, priority, now, allowed - ids.size(), scope));
    }
    for (int priority = 0; priority <= OutboxMessage.PRIORITY_BULK && ids.size() < allowed; priority++) {
      ids.addAll(dueIds("PENDING", channel, priority, now, allowed - ids.size(), scope));
    }
    if (ratePerSecond > 0 && ids.size() < allowed) {
      returnTokens(channel, allowed - ids.size());
    }
    if (ids.isEmpty()) {
      return new Claim(List.of(), false);
    }
    jdbc.sql("""
        update drivecare.outbox set
          interrupted = case when status = 'SENDING' then true else interrupted end,
          last_error = case when status = 'SENDING'
            then 'delivery by ' || locked_by || ' was interrupted (its lease ran out): it may have reached the recipient'
            else last_error end,
          status = 'SENDING', attempts = attempts + 1, locked_by = :token, locked_until = :lease, next_attempt_at = :lease
        where id in (:ids) and status in ('PENDING', 'SENDING') and next_attempt_at <= :now
          and (status = 'PENDING' or locked_until is null or locked_until <= :now)""")
        .param("token", token).param("lease", ts(leaseUntil)).param("ids", ids).param("now", ts(now)).update();
    List<OutboxMessage> claimed = jdbc.sql("""
        select * from drivecare.outbox where id in (:ids) and locked_by = :token
        order by priority, id""").param("ids", ids).param("token", token).query(OutboxRepository::map).list();
    return new Claim(claimed, false);
  }

  private List<Long> dueIds(String status, Channel channel, int priority, Instant now, int limit, Scope scope) {
    return scope.bind(jdbc.sql(DUE_IDS.formatted(scope.condition(), limit))).param("status", status)
        .param("channel", channel.name()).param("priority", priority).param("now", ts(now)).query(Long.class).list();
  }

  /** The query plan of a claim's main query, for operators and the test that keeps it an index range. */
  List<String> claimPlan(Channel channel, Instant now, int limit) {
    return jdbc.sql("explain " + DUE_IDS.formatted("", limit).replace(":status", "'PENDING'")
            .replace(":channel", "'" + channel.name() + "'").replace(":priority", "1"))
        .param("now", ts(now)).query((rs, row) -> rs.getString(1)).list();
  }

  /**
   * Takes up to {@code wanted} tokens from the channel's bucket, shared by every node: it refills at
   * {@code rate} per second up to one second's worth. The bucket's row is locked until the claim commits.
   */
  private int takeTokens(Channel channel, int wanted, double rate, Instant now) {
    var bucket = jdbc.sql("select tokens, refilled_at from drivecare.outbox_channel_rate where channel = ? for update")
        .param(channel.name()).query((rs, row) -> new Object[] {rs.getDouble(1), instant(rs, "refilled_at")}).optional();
    if (bucket.isEmpty()) {
      jdbc.sql("insert into drivecare.outbox_channel_rate (channel, tokens, refilled_at) values (?, ?, ?)")
          .params(channel.name(), 0.0, ts(now)).update();
      bucket = Optional.of(new Object[] {0.0, now});
    }
    double tokens = (double) bucket.get()[0];
    Instant refilled = (Instant) bucket.get()[1];
    double elapsed = Math.max(0, Duration.between(refilled, now).toNanos() / 1e9);
    tokens = Math.min(Math.max(1, rate), tokens + elapsed * rate);
    int taken = (int) Math.min(wanted, Math.floor(tokens));
    jdbc.sql("update drivecare.outbox_channel_rate set tokens = ?, refilled_at = ? where channel = ?")
        .params(tokens - Math.max(0, taken), ts(now.isAfter(refilled) ? now : refilled), channel.name()).update();
    return taken;
  }

  private void returnTokens(Channel channel, int unused) {
    jdbc.sql("update drivecare.outbox_channel_rate set tokens = tokens + ? where channel = ?")
        .params(unused, channel.name()).update();
  }

  /** Creates the channel's rate bucket once (its own transaction, before claims lock it). */
  void ensureRateBucket(Channel channel, Instant now) {
    try {
      jdbc.sql("""
          insert into drivecare.outbox_channel_rate (channel, tokens, refilled_at)
          select ?, 0, ? from drivecare.outbox_channel_rate where channel = ? having count(*) = 0""")
          .params(channel.name(), ts(now), channel.name()).update();
    } catch (DuplicateKeyException e) {
      // another node created it at the same moment
    }
  }

  /**
   * Records delivered messages of one claim in two statements; returns the ids that were still this
   * claim's (a lease that ran out and was taken over by another node is not overwritten).
   */
  List<Long> markSent(List<Long> ids, String token, Instant now, String printBatch) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Long> owned = jdbc.sql("""
        select id from drivecare.outbox where id in (:ids) and status = 'SENDING' and locked_by = :token for update""")
        .param("ids", ids).param("token", token).query(Long.class).list();
    if (!owned.isEmpty()) {
      jdbc.sql("""
          update drivecare.outbox set status = 'SENT', delivered_at = :now, print_batch = :batch,
            locked_by = null, locked_until = null, last_error = null
          where id in (:ids)""").param("now", ts(now)).param("batch", printBatch).param("ids", owned).update();
    }
    return owned;
  }

  /** A failed attempt to record: back to PENDING at {@code nextAttempt}, or FAILED after the last one. */
  record FailedAttempt(long id, OutboxMessage.Status status, Instant nextAttempt, String error) {}

  void markFailedAttempts(List<FailedAttempt> failures, String token) {
    if (!failures.isEmpty()) {
      batch.batchUpdate("""
          update drivecare.outbox set status = ?, next_attempt_at = ?, last_error = ?, locked_by = null, locked_until = null
          where id = ? and status = 'SENDING' and locked_by = ?""", failures.stream()
          .map(f -> new Object[] {f.status().name(), ts(f.nextAttempt()), f.error(), f.id(), token}).toList());
    }
  }

  /** Messages not sent because the provider was busy: back in line at {@code at}, the claim's attempt given back. */
  void defer(List<Long> ids, String token, Instant at, String reason) {
    if (!ids.isEmpty()) {
      jdbc.sql("""
          update drivecare.outbox set status = 'PENDING', attempts = attempts - 1, next_attempt_at = :at,
            last_error = :reason, locked_by = null, locked_until = null
          where id in (:ids) and status = 'SENDING' and locked_by = :token""")
          .param("at", ts(at)).param("reason", reason.length() > 2000 ? reason.substring(0, 2000) : reason)
          .param("ids", ids).param("token", token).update();
    }
  }

  /** Per status and channel: how many messages, and the earliest next attempt (one query for every gauge). */
  record Depth(OutboxMessage.Status status, Channel channel, long count, Instant oldestDue) {}

  List<Depth> depth() {
    return jdbc.sql("""
        select status, channel, count(*) as n, min(next_attempt_at) as oldest from drivecare.outbox
        where status in ('PENDING', 'SENDING', 'FAILED') group by status, channel""")
        .query((rs, row) -> new Depth(OutboxMessage.Status.valueOf(rs.getString("status")),
            Channel.valueOf(rs.getString("channel")), rs.getLong("n"), instant(rs, "oldest")))
        .list();
  }

  /** A bulk send's messages per channel and status (a recall campaign's notices). */
  Map<Channel, Map<OutboxMessage.Status, Long>> bulkProgress(String bulkKey) {
    Map<Channel, Map<OutboxMessage.Status, Long>> progress = new EnumMap<>(Channel.class);
    jdbc.sql("select channel, status, count(*) from drivecare.outbox where bulk_key = ? group by channel, status")
        .param(bulkKey).query((rs, row) -> progress.computeIfAbsent(Channel.valueOf(rs.getString(1)),
            c -> new EnumMap<>(OutboxMessage.Status.class)).put(OutboxMessage.Status.valueOf(rs.getString(2)), rs.getLong(3)))
        .list();
    return progress;
  }

  boolean requeue(long id, Instant now) {
    return jdbc.sql("""
        update drivecare.outbox set status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = null
        where id = ? and status = 'FAILED'""").params(ts(now), id).update() == 1;
  }

  List<OutboxMessage> search(OutboxMessage.Status status, Channel channel, String businessKey, Long customerId,
      String region, String printBatch, int limit, int offset) {
    return jdbc.sql("""
        select o.* from drivecare.outbox o left join drivecare.customer c on c.id = o.customer_id
        where (cast(:status as varchar) is null or o.status = :status)
          and (cast(:channel as varchar) is null or o.channel = :channel)
          and (cast(:businessKey as varchar) is null or o.business_key = :businessKey)
          and (cast(:customerId as bigint) is null or o.customer_id = :customerId)
          and (cast(:region as varchar) is null or c.region = :region)
          and (cast(:printBatch as varchar) is null or o.print_batch = :printBatch)
        order by o.id desc limit :limit offset :offset""")
        .param("status", status == null ? null : status.name())
        .param("channel", channel == null ? null : channel.name())
        .param("businessKey", businessKey).param("customerId", customerId).param("region", region)
        .param("printBatch", printBatch).param("limit", limit).param("offset", offset)
        .query(OutboxRepository::map).list();
  }

  /** A page of a print batch's letters after id {@code after}, by id (an index range of {@code outbox_print_batch_idx}). */
  List<OutboxMessage> printBatch(String printBatch, String region, long after, int limit) {
    return jdbc.sql("""
        select o.* from drivecare.outbox o left join drivecare.customer c on c.id = o.customer_id
        where o.print_batch = :batch and o.id > :after and o.status = 'SENT' and o.channel = 'LETTER'
          and (cast(:region as varchar) is null or c.region = :region)
        order by o.id fetch first %d rows only""".formatted(limit))
        .param("batch", printBatch).param("after", after).param("region", region)
        .query(OutboxRepository::map).list();
  }

  static OutboxMessage map(ResultSet rs, int row) throws SQLException {
    return new OutboxMessage(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("template"),
        Channel.valueOf(rs.getString("channel")), Db.nullableLong(rs, "customer_id"), rs.getString("business_key"),
        rs.getString("recipient"), rs.getString("language"), rs.getString("subject"), rs.getString("body"),
        OutboxMessage.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
        rs.getString("last_error"), rs.getString("print_batch"), instant(rs, "created_at"),
        instant(rs, "delivered_at"), rs.getInt("priority"), rs.getString("bulk_key"), rs.getBoolean("interrupted"));
  }
}
