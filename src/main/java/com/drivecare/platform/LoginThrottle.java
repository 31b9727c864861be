package com.drivecare.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps password guessing slow without letting anyone lock an account. Camunda's own lock-out is
 * switched off (it counts per user only, so a stranger's wrong passwords refuse the right one from
 * everywhere, and after {@code loginMaxAttempts} lock the account for good); this throttle takes its
 * place in front of every entrance that checks a password — HTTP Basic on {@code /api} and
 * {@code /engine-rest}, and the webapps' login ({@link WebappLoginThrottleFilter}).
 * <ul>
 *   <li>Per user name <em>and</em> client address: after {@code free-failures} wrong passwords, each
 *       further one refuses that user name to that address for a delay that starts at
 *       {@code delay-base} and grows by {@code delay-factor}, up to {@code max-delay}.</li>
 *   <li>Per user name over all addresses (many addresses at once): the same after
 *       {@code user-free-failures}, but never longer than {@code user-max-delay} — so the right
 *       password from another address works again within that time.</li>
 *   <li>A refused attempt is not checked and not counted: waiting is the only way on. The right
 *       password clears the streak of its address; a streak is forgotten {@code forget-after} its last
 *       failure.</li>
 * </ul>
 * The counts live in {@code drivecare.login_failure}, so every node of a cluster throttles alike.
 */
@Component
public class LoginThrottle {

  /** The client of the per-user row: every address. */
  static final String EVERY_CLIENT = "*";
  /** Camunda's user ids are at most 64 characters: a longer name is no user and is not tracked. */
  private static final int MAX_NAME = 64;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final LoginProperties properties;
  private final Clock clock;

  LoginThrottle(JdbcClient jdbc, TransactionTemplate transaction, LoginProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.properties = properties;
    this.clock = clock;
  }

  /** What the throttle says before a password is checked: how long to wait (zero: go ahead). */
  public record Verdict(Duration delay, boolean clientHasFailed) {

    public boolean refused() {
      return !delay.isZero();
    }
  }

  public Verdict before(String userId, String client) {
    if (!tracked(userId)) {
      return new Verdict(Duration.ZERO, false);
    }
    Instant now = clock.instant();
    String address = address(client);
    record Row(String client, Instant blockedUntil) {}
    List<Row> rows = jdbc.sql("""
        select client, blocked_until from drivecare.login_failure where user_id = ? and client in (?, ?)""")
        .params(userId, address, EVERY_CLIENT)
        .query((rs, n) -> new Row(rs.getString("client"), Db.instant(rs, "blocked_until"))).list();
    Instant until = rows.stream().map(Row::blockedUntil).filter(Objects::nonNull).max(Instant::compareTo).orElse(now);
    Duration wait = until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    return new Verdict(wait, rows.stream().anyMatch(r -> r.client().equals(address)));
  }

  /** A wrong password (or an unknown user name) from that address. */
  public void failed(String userId, String client) {
    if (!tracked(userId)) {
      return;
    }
    Instant now = clock.instant();
    jdbc.sql("delete from drivecare.login_failure where last_failure_at < ? and (blocked_until is null or blocked_until < ?)")
        .params(Db.ts(now.minus(properties.forgetAfter())), Db.ts(now)).update();
    count(userId, address(client), now, properties.freeFailures(), properties.maxDelay());
    count(userId, EVERY_CLIENT, now, properties.userFreeFailures(), properties.userMaxDelay());
  }

  /** The right password: the address's streak for that user is over. */
  public void succeeded(String userId, String client, Verdict before) {
    if (tracked(userId) && before.clientHasFailed()) {
      jdbc.sql("delete from drivecare.login_failure where user_id = ? and client = ?").params(userId, address(client))
          .update();
    }
  }

  /** How long a user name is refused after its {@code n}th failure past the free ones (n ≥ 1). */
  Duration delay(int n, Duration max) {
    double millis = properties.delayBase().toMillis() * Math.pow(properties.delayFactor(), n - 1);
    return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
  }

  private void count(String userId, String client, Instant now, int free, Duration max) {
    for (int attempt = 1; ; attempt++) {
      try {
        transaction.executeWithoutResult(s -> countOnce(userId, client, now, free, max));
        return;
      } catch (DuplicateKeyException e) {
        if (attempt == 3) {
          throw e; // another node inserted the row first, three times: not a race any more
        }
      }
    }
  }

  private void countOnce(String userId, String client, Instant now, int free, Duration max) {
    Instant forgetBefore = now.minus(properties.forgetAfter());
    Optional<Integer> previous = jdbc.sql("""
        select failures, last_failure_at from drivecare.login_failure where user_id = ? and client = ? for update""")
        .params(userId, client)
        .query((rs, n) -> Db.instant(rs, "last_failure_at").isBefore(forgetBefore) ? 0 : rs.getInt("failures"))
        .optional();
    int failures = previous.orElse(0) + 1;
    Instant blockedUntil = failures > free ? now.plus(delay(failures - free, max)) : null;
    if (previous.isPresent()) {
      jdbc.sql("""
          update drivecare.login_failure set failures = ?, blocked_until = ?, last_failure_at = ?
          where user_id = ? and client = ?""")
          .params(failures, Db.ts(blockedUntil), Db.ts(now), userId, client).update();
    } else {
      jdbc.sql("""
          insert into drivecare.login_failure (user_id, client, failures, blocked_until, last_failure_at)
          values (?, ?, ?, ?, ?)""")
          .params(userId, client, failures, Db.ts(blockedUntil), Db.ts(now)).update();
    }
  }

  private static boolean tracked(String userId) {
    return userId != null && !userId.isBlank() && userId.length() <= MAX_NAME;
  }

  private static String address(String client) {
    if (client == null || client.isBlank()) {
      return "unknown";
    }
    return client.length() > MAX_NAME ? client.substring(0, MAX_NAME) : client;
  }
}
