package com.drivecare.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

/** The retry policy on its own: bounded, and only for the engine's concurrency conflicts. */
class EngineConflictRetryTest {

  private final EngineConflictRetry retry = new EngineConflictRetry(
      new EngineConflictRetry.Properties(3, Duration.ofMillis(1), Duration.ofMillis(2)));

  @Test
  void aConflictThatClearsIsAnsweredOnce() {
    AtomicInteger runs = new AtomicInteger();
    String answer = retry.call(() -> {
      if (runs.incrementAndGet() < 3) {
        throw new OptimisticLockingException("a job committed first");
      }
      return "done";
    });
    assertThat(answer).isEqualTo("done");
    assertThat(runs).hasValue(3);
  }

  @Test
  void aConflictThatPersistsGivesUpAfterTheLastAttempt() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(() -> retry.run(() -> {
      runs.incrementAndGet();
      throw new OptimisticLockingException("always first");
    })).isInstanceOf(OptimisticLockingException.class);
    assertThat(runs).hasValue(3);
  }

  @Test
  void aRefusalIsNotRetried() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(() -> retry.run(() -> {
      runs.incrementAndGet();
      throw new ConflictException("Case SC-1 already has an open escalation");
    })).isInstanceOf(ConflictException.class);
    assertThat(runs).hasValue(1);
  }
}
