package com.drivecare.contact;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How notifications leave Drivecare: per channel a transport, and how the dispatcher retries. */
@ConfigurationProperties("drivecare.notifications")
public record NotificationProperties(
    @DefaultValue Email email,
    @DefaultValue Sms sms,
    @DefaultValue Dispatcher dispatcher) {

  /** {@code log}: written to the log only (dev); {@code smtp}: sent with Spring Mail. */
  public record Email(@DefaultValue("log") String transport, @DefaultValue("care@drivecare.example") String from) {}

  /** {@code log} (dev) or {@code http}: POSTed as JSON to {@code gatewayUrl} with a bearer token. */
  public record Sms(@DefaultValue("log") String transport, String gatewayUrl, String gatewayToken) {}

  public record Dispatcher(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("PT5S") Duration pollInterval,
      @DefaultValue("100") int batchSize,
      @DefaultValue("5") int maxAttempts,
      @DefaultValue("PT1M") Duration initialBackoff,
      @DefaultValue("PT1H") Duration maxBackoff,
      @DefaultValue("PT5M") Duration lease) {}
}
