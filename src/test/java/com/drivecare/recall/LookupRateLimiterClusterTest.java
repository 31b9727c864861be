package com.drivecare.recall;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.DrivecareTest;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** On PostgreSQL the nodes of a cluster share one allowance per client: two limiters, one bucket. */
@DrivecareTest
class LookupRateLimiterClusterTest {

  @Autowired DataSource dataSource;
  @Autowired ProcessEngineConfigurationImpl engine;

  @Test
  void twoNodesCountAgainstOneAllowance() {
    Assumptions.assumeTrue("postgres".equals(engine.getDatabaseType()),
        "the buckets are shared through PostgreSQL; on H2 each node keeps its own");
    RecallProperties threeAMinute = new RecallProperties(3, 1000, 1000, "R/P1D", List.of(30, 60), 90);
    LookupRateLimiter nodeA = new LookupRateLimiter(threeAMinute, dataSource, engine);
    LookupRateLimiter nodeB = new LookupRateLimiter(threeAMinute, dataSource, engine);
    String client = "203.0.113." + System.nanoTime() % 250;
    assertThat(nodeA.acquire(client)).isEmpty();
    assertThat(nodeB.acquire(client)).isEmpty();
    assertThat(nodeA.acquire(client)).isEmpty();
    assertThat(nodeB.acquire(client)).as("the fourth lookup a minute, on the other node")
        .hasValueSatisfying(wait -> assertThat(wait.toSeconds()).isBetween(1L, 20L));
    assertThat(nodeA.acquire("198.51.100.7")).isEmpty();
  }
}
