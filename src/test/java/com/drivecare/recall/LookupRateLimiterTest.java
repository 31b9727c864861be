package com.drivecare.recall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LookupRateLimiterTest {

  @Test
  void eachClientGetsItsOwnAllowance() {
    LookupRateLimiter limiter = new LookupRateLimiter(3);
    assertThat(limiter.acquire("10.0.0.1")).isEmpty();
    assertThat(limiter.acquire("10.0.0.1")).isEmpty();
    assertThat(limiter.acquire("10.0.0.1")).isEmpty();
    assertThat(limiter.acquire("10.0.0.1")).hasValueSatisfying(wait ->
        assertThat(wait.toSeconds()).isBetween(1L, 20L));
    assertThat(limiter.acquire("10.0.0.2")).isEmpty();
  }
}
