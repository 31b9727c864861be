package com.drivecare.platform;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * A customer's request that correlates a message (confirm or withdraw a cancellation, escalate, submit
 * an expense, book or cancel a recall appointment, answer a survey) can meet the engine carrying the
 * same case on — a job of the instance commits first, and the engine refuses the request's transaction
 * with an {@link OptimisticLockingException}. That is no race for the customer to see: the whole
 * transaction runs again, a bounded number of times with growing, jittered pauses (Spring Retry), and
 * he gets one answer. Call it outside the transaction (from the controller), so each attempt is a new one.
 * When every attempt lost, the conflict goes to the caller as before (409, "please try again").
 */
@Component
public class EngineConflictRetry {

  /**
   * {@code drivecare.engine-conflict-retry.*}
   *
   * @param attempts       how often the request runs at most
   * @param initialBackoff the first pause; each next one doubles, with jitter
   * @param maxBackoff     the longest pause
   */
  @ConfigurationProperties("drivecare.engine-conflict-retry")
  public record Properties(
      @DefaultValue("5") int attempts,
      @DefaultValue("PT0.05S") Duration initialBackoff,
      @DefaultValue("PT1S") Duration maxBackoff) {}

  private final RetryTemplate retry;

  EngineConflictRetry(Properties properties) {
    this.retry = RetryTemplate.builder()
        .maxAttempts(properties.attempts())
        .exponentialBackoff(properties.initialBackoff(), 2, properties.maxBackoff(), true)
        .retryOn(List.of(OptimisticLockingException.class, PessimisticLockingFailureException.class))
        .traversingCauses()
        .build();
  }

  public <T> T call(Supplier<T> request) {
    return retry.execute(context -> request.get());
  }

  public void run(Runnable request) {
    retry.execute(context -> {
      request.run();
      return null;
    });
  }
}
