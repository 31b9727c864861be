package com.drivecare.customer;

import static com.drivecare.platform.Db.instant;
import static com.drivecare.platform.Db.ts;

import com.drivecare.customer.AccessTokenService.TokenInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Customers' access tokens (table {@code customer_access_token}), by the SHA-256 of the token. */
@Repository
class AccessTokenRepository {

  private static final String INSERT = """
      insert into drivecare.customer_access_token (customer_id, token_hash, purpose, created_by, created_at, expires_at)
      values (?, ?, ?, ?, ?, ?)""";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  AccessTokenRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** Stores a token's hash; the id of the new row. */
  long insert(NewToken token) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(INSERT).params(token.row()).update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Stores many tokens' hashes in one batch. */
  void insertAll(List<NewToken> tokens) {
    batch.batchUpdate(INSERT, tokens.stream().map(NewToken::row).toList());
  }

  /** The customer of a token that is not revoked and expires after {@code now}. */
  Optional<Long> validCustomer(String tokenHash, Instant now) {
    return jdbc.sql("""
        select customer_id from drivecare.customer_access_token
        where token_hash = ? and revoked_at is null and expires_at > ?""")
        .params(tokenHash, ts(now))
        .query(Long.class).optional();
  }

  /** The customer a token was issued to, valid or not. */
  Optional<Long> customer(String tokenHash) {
    return jdbc.sql("select customer_id from drivecare.customer_access_token where token_hash = ?")
        .param(tokenHash).query(Long.class).optional();
  }

  List<TokenInfo> ofCustomer(long customerId) {
    return jdbc.sql("select * from drivecare.customer_access_token where customer_id = ? order by id")
        .param(customerId)
        .query((rs, row) -> new TokenInfo(rs.getLong("id"), rs.getString("purpose"), rs.getString("created_by"),
            instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at")))
        .list();
  }

  /** Marks the customer's token revoked at {@code now} (keeping an earlier revocation); false if he has no such token. */
  boolean revoke(long customerId, long tokenId, Instant now) {
    return jdbc.sql("""
        update drivecare.customer_access_token set revoked_at = coalesce(revoked_at, ?)
        where id = ? and customer_id = ?""")
        .params(ts(now), tokenId, customerId).update() > 0;
  }

  record NewToken(long customerId, String tokenHash, String purpose, String createdBy, Instant createdAt,
      Instant expiresAt) {

    Object[] row() {
      return new Object[] {customerId, tokenHash, purpose, createdBy, ts(createdAt), ts(expiresAt)};
    }
  }
}
