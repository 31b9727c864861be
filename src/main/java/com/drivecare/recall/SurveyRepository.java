package com.drivecare.recall;

import static com.drivecare.platform.Db.ts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The satisfaction surveys after recall repairs ({@code recall_survey}), by their token's hash: the table's one owner. */
@Repository
class SurveyRepository {

  /** A survey: the journey it is about, the owner asked, and whether he has answered. */
  record Survey(String businessKey, long customerId, boolean answered) {}

  private final JdbcClient jdbc;

  SurveyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void open(String tokenHash, String businessKey, long customerId, Instant now) {
    jdbc.sql("insert into drivecare.recall_survey (token_hash, business_key, customer_id, created_at) values (?, ?, ?, ?)")
        .params(tokenHash, businessKey, customerId, ts(now)).update();
  }

  Optional<Survey> find(String tokenHash) {
    return query("select business_key, customer_id, answered_at from drivecare.recall_survey where token_hash = ?",
        tokenHash);
  }

  /** The survey, its row locked: one answer at a time. */
  Optional<Survey> lock(String tokenHash) {
    return query("select business_key, customer_id, answered_at from drivecare.recall_survey where token_hash = ? for update",
        tokenHash);
  }

  void answer(String tokenHash, int score, String comment, Instant now) {
    jdbc.sql("update drivecare.recall_survey set answered_at = ?, score = ?, comment = ? where token_hash = ?")
        .params(ts(now), score, comment, tokenHash).update();
  }

  private Optional<Survey> query(String sql, String tokenHash) {
    return jdbc.sql(sql).param(tokenHash).query((rs, row) -> new Survey(rs.getString("business_key"),
        rs.getLong("customer_id"), rs.getTimestamp("answered_at") != null)).optional();
  }
}
