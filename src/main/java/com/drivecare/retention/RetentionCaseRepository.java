package com.drivecare.retention;

import static com.drivecare.platform.Db.instant;
import static com.drivecare.platform.Db.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Retention cases (one per cancellation request of a reservation) and deposit refunds. */
@Repository
class RetentionCaseRepository {

  private final JdbcClient jdbc;

  RetentionCaseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record RetentionCase(String reservationNumber, int caseNumber, long customerId, String region, String caseOwner,
      String processInstance, Instant openedAt, Instant closedAt, String outcome, int attempts) {}

  /** Opens the reservation's next case; idempotent for the same process instance. */
  void open(String reservationNumber, long customerId, String region, String caseOwner, String processInstance,
      String reason, Instant now) {
    if (jdbc.sql("select count(*) from drivecare.retention_case where process_instance = ?").param(processInstance)
        .query(Long.class).single() > 0) {
      return;
    }
    int next = jdbc.sql("select coalesce(max(case_number), 0) + 1 from drivecare.retention_case where reservation_number = ?")
        .param(reservationNumber).query(Integer.class).single();
    jdbc.sql("""
        insert into drivecare.retention_case (reservation_number, case_number, customer_id, region, case_owner,
          process_instance, reason, opened_at, attempts) values (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
        .params(reservationNumber, next, customerId, region, caseOwner, processInstance, reason, ts(now)).update();
  }

  void countAttempt(String processInstance) {
    jdbc.sql("update drivecare.retention_case set attempts = attempts + 1 where process_instance = ?")
        .param(processInstance).update();
  }

  /** Closes the case with its outcome; a second close (a retried job) changes nothing. */
  void close(String processInstance, RetentionOutcome outcome, Instant now) {
    jdbc.sql("""
        update drivecare.retention_case set closed_at = ?, outcome = ?
        where process_instance = ? and closed_at is null""")
        .params(ts(now), outcome.name(), processInstance).update();
  }

  Optional<RetentionCase> openCase(String reservationNumber) {
    return jdbc.sql("select * from drivecare.retention_case where reservation_number = ? and closed_at is null")
        .param(reservationNumber).query(RetentionCaseRepository::map).optional();
  }


  /** The case a retention process instance works on. */
  Optional<RetentionCase> byInstance(String processInstance) {
    return jdbc.sql("select * from drivecare.retention_case where process_instance = ?")
        .param(processInstance).query(RetentionCaseRepository::map).optional();
  }

  List<RetentionCase> all() {
    return jdbc.sql("select * from drivecare.retention_case order by region").query(RetentionCaseRepository::map).list();
  }

  /** Asks finance for the deposit back, once per reservation. */
  void requestRefund(String reservationNumber, BigDecimal amount, String currency, Instant now) {
    if (jdbc.sql("select count(*) from drivecare.deposit_refund where reservation_number = ?").param(reservationNumber)
        .query(Long.class).single() == 0) {
      jdbc.sql("""
          insert into drivecare.deposit_refund (reservation_number, amount, currency, status, requested_at)
          values (?, ?, ?, 'REQUESTED', ?)""").params(reservationNumber, amount, currency, ts(now)).update();
    }
  }


  private static RetentionCase map(ResultSet rs, int row) throws SQLException {
    return new RetentionCase(rs.getString("reservation_number"), rs.getInt("case_number"), rs.getLong("customer_id"),
        rs.getString("region"), rs.getString("case_owner"), rs.getString("process_instance"),
        instant(rs, "opened_at"), instant(rs, "closed_at"), rs.getString("outcome"), rs.getInt("attempts"));
  }
}
