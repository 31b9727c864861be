package com.drivecare.contact;

import com.drivecare.customer.Channel;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications leave Drivecare: per channel a transport, how many senders work it at once and
 * how fast the provider lets us send; and how the dispatcher claims, leases and retries.
 */
@ConfigurationProperties("drivecare.notifications")
public record NotificationProperties(
    @DefaultValue Email email,
    @DefaultValue Sms sms,
    @DefaultValue Letter letter,
    @DefaultValue Dispatcher dispatcher) {

  /**
   * {@code log}: written to the log only (dev); {@code smtp}: sent over SMTP (the {@code spring.mail.*}
   * server), {@code concurrency} connections at once, each carrying up to {@code messagesPerConnection}
   * messages. {@code ratePerSecond} 0 means no limit.
   */
  public record Email(@DefaultValue("log") String transport, @DefaultValue("care@drivecare.example") String from,
      @DefaultValue("8") int concurrency, @DefaultValue("0") double ratePerSecond,
      @DefaultValue("100") int messagesPerConnection,
      @DefaultValue("PT5S") Duration connectTimeout, @DefaultValue("PT15S") Duration timeout) {}

  /**
   * {@code log} (dev) or {@code http}: POSTed as JSON to {@code gatewayUrl} with a bearer token, by
   * {@code concurrency} senders over one pooled keep-alive HTTP client. {@code ratePerSecond} 0 means no limit.
   */
  public record Sms(@DefaultValue("log") String transport, String gatewayUrl, String gatewayToken,
      @DefaultValue("16") int concurrency, @DefaultValue("0") double ratePerSecond,
      @DefaultValue("PT5S") Duration connectTimeout, @DefaultValue("PT10S") Duration timeout) {}

  /** Letters are appended to the day's print batch in bulk; {@code ratePerSecond} 0 means no limit. */
  public record Letter(@DefaultValue("0") double ratePerSecond) {}

  /**
   * @param pollInterval   how long a channel's worker sleeps when nothing is due (it never sleeps while work is due)
   * @param batchSize      messages claimed per channel at once
   * @param lease          how long a claimed message stays with its node; after that another node takes it over
   * @param throttleBackoff how long a channel pauses when its provider answers 429/5xx without a Retry-After
   * @param roundsPerChannel claim–send–record rounds a node runs at once per channel, so one round's claim
   *     and recording overlap another's sending
   */
  public record Dispatcher(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("PT1S") Duration pollInterval,
      @DefaultValue("500") int batchSize,
      @DefaultValue("5") int maxAttempts,
      @DefaultValue("PT1M") Duration initialBackoff,
      @DefaultValue("PT1H") Duration maxBackoff,
      @DefaultValue("PT1M") Duration lease,
      @DefaultValue("PT10S") Duration throttleBackoff,
      @DefaultValue("2") int roundsPerChannel) {}

  /** The channel's limit in messages per second, 0 when there is none. */
  double ratePerSecond(Channel channel) {
    return switch (channel) {
      case EMAIL -> email.ratePerSecond();
      case SMS -> sms.ratePerSecond();
      case LETTER -> letter.ratePerSecond();
      default -> 0;
    };
  }

  /** How many messages of the channel are sent at once on one node. */
  int concurrency(Channel channel) {
    return switch (channel) {
      case EMAIL -> Math.max(1, email.concurrency());
      case SMS -> Math.max(1, sms.concurrency());
      default -> 1;
    };
  }
}
