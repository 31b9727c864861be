package com.drivecare.contact;

import static com.drivecare.platform.Db.instant;
import static com.drivecare.platform.Db.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OutboxRepository {

  private static final int BATCH = 1000;

  private final JdbcClient jdbc;
  private final org.springframework.jdbc.core.JdbcTemplate batch;

  OutboxRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  Optional<Long> idByKey(String idempotencyKey) {
    return jdbc.sql("select id from drivecare.outbox where idempotency_key = ?").param(idempotencyKey)
        .query(Long.class).optional();
  }

  /** A message to store, rendered already. */
  record NewMessage(String key, String template, Channel channel, Long customerId, String businessKey,
      String recipient, String language, String subject, String body, Instant now, Instant notBefore) {

    Object[] row() {
      return new Object[] {key, template, channel.name(), customerId, businessKey, recipient, language, subject, body,
          ts(notBefore), ts(now)};
    }
  }

  private static final String INSERT = """
      insert into drivecare.outbox (idempotency_key, template, channel, customer_id, business_key, recipient, language,
        subject, body, status, attempts, next_attempt_at, created_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""";

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
  java.util.Set<String> existingKeys(List<String> keys) {
    java.util.Set<String> found = new java.util.HashSet<>();
    for (int i = 0; i < keys.size(); i += BATCH) {
      found.addAll(jdbc.sql("select idempotency_key from drivecare.outbox where idempotency_key in (:keys)")
          .param("keys", keys.subList(i, Math.min(keys.size(), i + BATCH))).query(String.class).list());
    }
    return found;
  }

  Optional<OutboxMessage> find(long id) {
    return jdbc.sql("select * from drivecare.outbox where id = ?").param(id).query(OutboxRepository::map).optional();
  }

  /** Messages whose (next) attempt is due, and messages whose dispatcher's lease ran out (it died mid-way). */
  List<Long> due(Instant now, int limit) {
    return jdbc.sql("""
        select id from drivecare.outbox
        where (status = 'PENDING' and next_attempt_at <= :now) or (status = 'SENDING' and locked_until < :now)
        order by next_attempt_at, id limit :limit""")
        .param("now", ts(now)).param("limit", limit).query(Long.class).list();
  }

  /** Claims a due message for this dispatcher; false when another node was quicker. */
  boolean claim(long id, String node, Instant now, Instant leaseUntil) {
    return jdbc.sql("""
        update drivecare.outbox set status = 'SENDING', locked_by = :node, locked_until = :until
        where id = :id and ((status = 'PENDING' and next_attempt_at <= :now) or (status = 'SENDING' and locked_until < :now))""")
        .param("node", node).param("until", ts(leaseUntil)).param("id", id).param("now", ts(now))
        .update() == 1;
  }

  boolean markSent(long id, String node, Instant now, String printBatch) {
    return jdbc.sql("""
        update drivecare.outbox set status = 'SENT', attempts = attempts + 1, delivered_at = ?, print_batch = ?,
          locked_by = null, locked_until = null, last_error = null
        where id = ? and status = 'SENDING' and locked_by = ?""")
        .params(ts(now), printBatch, id, node).update() == 1;
  }

  void markFailedAttempt(long id, String node, OutboxMessage.Status status, Instant nextAttempt, String error) {
    jdbc.sql("""
        update drivecare.outbox set status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
          locked_by = null, locked_until = null
        where id = ? and status = 'SENDING' and locked_by = ?""")
        .params(status.name(), ts(nextAttempt), error, id, node).update();
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

  long count(OutboxMessage.Status status) {
    return jdbc.sql("select count(*) from drivecare.outbox where status = ?").param(status.name())
        .query(Long.class).single();
  }

  static OutboxMessage map(ResultSet rs, int row) throws SQLException {
    return new OutboxMessage(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("template"),
        Channel.valueOf(rs.getString("channel")), com.drivecare.platform.Db.nullableLong(rs, "customer_id"), rs.getString("business_key"),
        rs.getString("recipient"), rs.getString("language"), rs.getString("subject"), rs.getString("body"),
        OutboxMessage.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
        rs.getString("last_error"), rs.getString("print_batch"), instant(rs, "created_at"),
        instant(rs, "delivered_at"));
  }
}
