package com.drivecare.recall;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The allowance of the public VIN lookup per client address: {@code drivecare.recall.lookups-per-minute}
 * requests a minute, refilled continuously — a token bucket of Bucket4j. On PostgreSQL the buckets
 * live in the database ({@code drivecare.lookup_bucket}, rows expire once full again), so every node
 * of a cluster counts against the same allowance; on H2 (one node, development) they live in memory.
 * The client address is Tomcat's: behind a load balancer, trust its forwarded address with
 * {@code SERVER_FORWARD_HEADERS_STRATEGY=native} and name the balancers in
 * {@code SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES} (README, Production).
 */
@Component
class LookupRateLimiter {

  /** Local buckets beyond this many clients: the full ones are forgotten. */
  private static final int MAX_LOCAL_CLIENTS = 100_000;

  private final BucketConfiguration configuration;
  private final long capacity;
  private final ProxyManager<String> shared;
  private final Map<String, Bucket> local = new ConcurrentHashMap<>();

  @Autowired
  LookupRateLimiter(RecallProperties properties, DataSource dataSource, ProcessEngineConfigurationImpl engine) {
    this(properties.lookupsPerMinute(), "postgres".equals(engine.getDatabaseType())
        ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("drivecare.lookup_bucket")
            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
            .build()
        : null);
  }

  /** In memory, as on one node. */
  LookupRateLimiter(double perMinute) {
    this(perMinute, null);
  }

  private LookupRateLimiter(double perMinute, ProxyManager<String> shared) {
    this.capacity = Math.max(1, Math.round(perMinute));
    this.configuration = BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, Duration.ofMinutes(1)))
        .build();
    this.shared = shared;
  }

  /** Empty when the request may go ahead, otherwise how long the client should wait. */
  Optional<Duration> acquire(String client) {
    ConsumptionProbe probe = bucket(client).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()).plusMillis(1));
  }

  private Bucket bucket(String client) {
    if (shared != null) {
      return shared.getProxy(client, () -> configuration);
    }
    if (local.size() > MAX_LOCAL_CLIENTS) {
      local.values().removeIf(b -> b.getAvailableTokens() >= capacity);
    }
    return local.computeIfAbsent(client, c -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
  }

  /** The database's buckets of clients who came back to a full allowance are deleted. */
  @Scheduled(fixedDelayString = "PT1M")
  void forgetFullBuckets() {
    if (shared instanceof ExpiredEntriesCleaner cleaner) {
      while (cleaner.removeExpired(1000) == 1000) {
        // a batch at a time
      }
    }
  }
}
