package com.drivecare.customer;

import static com.drivecare.platform.Db.instant;
import static com.drivecare.platform.Db.ts;

import com.drivecare.platform.CustomerTokens;
import com.drivecare.platform.NotFoundException;
import com.drivecare.platform.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' personal access tokens. A token is 32 random bytes, shown once when it is issued (and
 * carried in the links of notifications); only its SHA-256 is stored, so the table gives nothing
 * away. Tokens expire and can be revoked.
 */
@Service
public class AccessTokenService implements CustomerTokens {

  static final String PREFIX = "dct_";

  private final JdbcClient jdbc;
  private final org.springframework.jdbc.core.JdbcTemplate batch;
  private final CustomerRepository customers;
  private final Clock clock;
  private final Duration defaultValidity;

  AccessTokenService(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, CustomerRepository customers,
      Clock clock, @Value("${drivecare.customer-access.token-validity:P90D}") Duration defaultValidity) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.customers = customers;
    this.clock = clock;
    this.defaultValidity = defaultValidity;
  }

  /** Issues a new token for the customer; the returned value is the only time the token is seen. */
  @Transactional
  public IssuedToken issue(long customerId, String purpose, Duration validity, String issuedBy) {
    if (customers.find(customerId).isEmpty()) {
      throw new NotFoundException("Customer " + customerId);
    }
    String token = SecretTokens.newToken(PREFIX, 32);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(validity != null ? validity : defaultValidity);
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into drivecare.customer_access_token (customer_id, token_hash, purpose, created_by, created_at, expires_at)
        values (?, ?, ?, ?, ?, ?)""")
        .params(customerId, SecretTokens.hash(token), purpose, issuedBy, ts(now), ts(expiresAt))
        .update(keys, "id");
    return new IssuedToken(keys.getKey().longValue(), customerId, token, purpose, expiresAt);
  }

  /**
   * Issues one new token per customer named (a customer named twice gets two), in one batch, for
   * messages written in bulk. The customers must exist (the caller read them); the tokens are
   * returned in the order of the ids.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public List<String> issueAll(List<Long> customerIds, String purpose, String issuedBy) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(defaultValidity);
    List<String> tokens = new java.util.ArrayList<>(customerIds.size());
    List<Object[]> rows = new java.util.ArrayList<>(customerIds.size());
    for (Long customerId : customerIds) {
      String token = SecretTokens.newToken(PREFIX, 32);
      tokens.add(token);
      rows.add(new Object[] {customerId, SecretTokens.hash(token), purpose, issuedBy, ts(now), ts(expiresAt)});
    }
    batch.batchUpdate("""
        insert into drivecare.customer_access_token (customer_id, token_hash, purpose, created_by, created_at, expires_at)
        values (?, ?, ?, ?, ?, ?)""", rows);
    return tokens;
  }

  @Override
  public Optional<Long> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql("""
        select customer_id from drivecare.customer_access_token
        where token_hash = ? and revoked_at is null and expires_at > ?""")
        .params(SecretTokens.hash(token), ts(clock.instant()))
        .query(Long.class).optional();
  }

  /**
   * The customer a token was issued to, whether or not it is still valid — to send him a fresh link
   * at the address on file when an old one no longer opens his page.
   */
  public Optional<Long> issuedTo(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql("select customer_id from drivecare.customer_access_token where token_hash = ?")
        .param(SecretTokens.hash(token)).query(Long.class).optional();
  }

  public List<TokenInfo> list(long customerId) {
    return jdbc.sql("select * from drivecare.customer_access_token where customer_id = ? order by id")
        .param(customerId)
        .query((rs, row) -> new TokenInfo(rs.getLong("id"), rs.getString("purpose"), rs.getString("created_by"),
            instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at")))
        .list();
  }

  /** Revokes a token of the customer; revoking twice is harmless. */
  @Transactional
  public void revoke(long customerId, long tokenId) {
    int found = jdbc.sql("""
        update drivecare.customer_access_token set revoked_at = coalesce(revoked_at, ?)
        where id = ? and customer_id = ?""")
        .params(ts(clock.instant()), tokenId, customerId).update();
    if (found == 0) {
      throw new NotFoundException("Access token " + tokenId + " of customer " + customerId);
    }
  }


  public record IssuedToken(long id, long customerId, String token, String purpose, Instant expiresAt) {}

  public record TokenInfo(long id, String purpose, String createdBy, Instant createdAt, Instant expiresAt,
      Instant revokedAt) {}
}
