package com.drivecare.recall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client for the public VIN lookup: {@code drivecare.recall.lookups-per-minute}
 * requests a minute, refilled continuously. Per node: behind a load balancer each node counts its own.
 */
@Component
class LookupRateLimiter {

  private static final int MAX_CLIENTS = 100_000;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final double perMinute;
  private final Clock clock;

  @Autowired
  LookupRateLimiter(RecallProperties properties) {
    this(properties.lookupsPerMinute());
  }

  LookupRateLimiter(double perMinute) {
    this.perMinute = perMinute;
    this.clock = Clock.systemUTC();
  }

  /** Empty when the request may go ahead, otherwise how long the client should wait. */
  java.util.Optional<Duration> acquire(String client) {
    Instant now = clock.instant();
    if (buckets.size() > MAX_CLIENTS) {
      buckets.entrySet().removeIf(e -> e.getValue().isFull(now));
    }
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(perMinute, now));
    return bucket.take(now);
  }

  private final class Bucket {
    private double tokens;
    private Instant updated;

    Bucket(double tokens, Instant now) {
      this.tokens = tokens;
      this.updated = now;
    }

    synchronized java.util.Optional<Duration> take(Instant now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return java.util.Optional.empty();
      }
      long waitMillis = (long) Math.ceil((1 - tokens) * 60_000 / perMinute);
      return java.util.Optional.of(Duration.ofMillis(waitMillis));
    }

    synchronized boolean isFull(Instant now) {
      refill(now);
      return tokens >= perMinute;
    }

    private void refill(Instant now) {
      double minutes = Duration.between(updated, now).toMillis() / 60_000.0;
      tokens = Math.min(perMinute, tokens + minutes * perMinute);
      updated = now;
    }
  }
}
