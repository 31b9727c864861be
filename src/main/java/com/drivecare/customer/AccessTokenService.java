package com.drivecare.customer;

import com.drivecare.customer.AccessTokenRepository.NewToken;
import com.drivecare.platform.CustomerTokens;
import com.drivecare.platform.NotFoundException;
import com.drivecare.platform.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' personal access tokens. A token is 32 random bytes, shown once when it is issued (and
 * carried in the links of notifications); only its SHA-256 is stored, so the table gives nothing
 * away. Tokens expire and can be revoked.
 */
@Service
public class AccessTokenService implements CustomerTokens {

  static final String PREFIX = "dct_";

  private final AccessTokenRepository tokens;
  private final CustomerRepository customers;
  private final Clock clock;
  private final Duration defaultValidity;

  AccessTokenService(AccessTokenRepository tokens, CustomerRepository customers, Clock clock,
      @Value("${drivecare.customer-access.token-validity:P90D}") Duration defaultValidity) {
    this.tokens = tokens;
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
    long id = tokens.insert(new NewToken(customerId, SecretTokens.hash(token), purpose, issuedBy, now, expiresAt));
    return new IssuedToken(id, customerId, token, purpose, expiresAt);
  }

  /**
   * Issues one new token per customer named (a customer named twice gets two), in one batch, for
   * messages written in bulk. The customers must exist (the caller read them); the tokens are
   * returned in the order of the ids.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<String> issueAll(List<Long> customerIds, String purpose, String issuedBy) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(defaultValidity);
    List<String> issued = new ArrayList<>(customerIds.size());
    List<NewToken> rows = new ArrayList<>(customerIds.size());
    for (Long customerId : customerIds) {
      String token = SecretTokens.newToken(PREFIX, 32);
      issued.add(token);
      rows.add(new NewToken(customerId, SecretTokens.hash(token), purpose, issuedBy, now, expiresAt));
    }
    tokens.insertAll(rows);
    return issued;
  }

  @Override
  public Optional<Long> authenticate(String token) {
    if (!wellFormed(token)) {
      return Optional.empty();
    }
    return tokens.validCustomer(SecretTokens.hash(token), clock.instant());
  }

  /**
   * The customer a token was issued to, whether or not it is still valid — to send him a fresh link
   * at the address on file when an old one no longer opens his page.
   */
  public Optional<Long> issuedTo(String token) {
    if (!wellFormed(token)) {
      return Optional.empty();
    }
    return tokens.customer(SecretTokens.hash(token));
  }

  public List<TokenInfo> list(long customerId) {
    return tokens.ofCustomer(customerId);
  }

  /** Revokes a token of the customer; revoking twice is harmless. */
  @Transactional
  public void revoke(long customerId, long tokenId) {
    if (!tokens.revoke(customerId, tokenId, clock.instant())) {
      throw new NotFoundException("Access token " + tokenId + " of customer " + customerId);
    }
  }

  private static boolean wellFormed(String token) {
    return token != null && token.startsWith(PREFIX) && token.length() <= 100;
  }

  public record IssuedToken(long id, long customerId, String token, String purpose, Instant expiresAt) {}

  public record TokenInfo(long id, String purpose, String createdBy, Instant createdAt, Instant expiresAt,
      Instant revokedAt) {}
}
