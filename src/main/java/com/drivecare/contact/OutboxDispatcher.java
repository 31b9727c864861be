package com.drivecare.contact;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox messages. Every node of a cluster runs one: a message is claimed with a
 * conditional update and a lease, so only one node sends it, and a node that dies mid-way leaves a
 * lease that runs out and lets another node take over. A failed attempt is retried with exponential
 * backoff; after the last one the message is FAILED — visible at {@code /api/outbox?status=FAILED}
 * and in the {@code drivecare.outbox.messages{status="FAILED"}} metric — until an operator retries it.
 * A delivered message is also a row in the case's contact log.
 */
@Component
public class OutboxDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final OutboxRepository outbox;
  private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
  private final ContactLog contactLog;
  private final NotificationProperties.Dispatcher settings;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final String node;
  private final MeterRegistry meters;

  OutboxDispatcher(OutboxRepository outbox, List<ChannelSender> senders, ContactLog contactLog,
      NotificationProperties properties, TransactionTemplate transaction, Clock clock,
      @Value("${drivecare.node-id:local}") String node, MeterRegistry meters) {
    this.outbox = outbox;
    senders.forEach(s -> this.senders.put(s.channel(), s));
    this.contactLog = contactLog;
    this.settings = properties.dispatcher();
    this.transaction = transaction;
    this.clock = clock;
    this.node = node + "-" + ProcessHandle.current().pid();
    this.meters = meters;
    for (OutboxMessage.Status status : OutboxMessage.Status.values()) {
      Gauge.builder("drivecare.outbox.messages", () -> outbox.count(status))
          .tag("status", status.name()).description("Notifications in the outbox by status").register(meters);
    }
  }

  @Scheduled(fixedDelayString = "${drivecare.notifications.dispatcher.poll-interval:PT5S}",
      initialDelayString = "${drivecare.notifications.dispatcher.poll-interval:PT5S}")
  void poll() {
    if (settings.enabled()) {
      dispatchDue();
    }
  }

  /** Delivers what is due now; returns how many messages were delivered. */
  public int dispatchDue() {
    Instant now = clock.instant();
    int delivered = 0;
    for (long id : outbox.due(now, settings.batchSize())) {
      if (outbox.claim(id, node, now, now.plus(settings.lease())) && deliver(id)) {
        delivered++;
      }
    }
    return delivered;
  }

  private boolean deliver(long id) {
    OutboxMessage message = outbox.find(id).orElseThrow();
    ChannelSender sender = senders.get(message.channel());
    try {
      if (sender == null) {
        throw new IllegalStateException("No sender for channel " + message.channel());
      }
      String printBatch = sender.deliver(message);
      transaction.executeWithoutResult(status -> {
        // staff notifications (no customer) are not part of a customer's timeline
        if (outbox.markSent(id, node, clock.instant(), printBatch) && message.customerId() != null) {
          contactLog.record(message.businessKey(), message.customerId(), message.channel(), Direction.OUTBOUND,
              "drivecare", "DELIVERED", message.template() + ": " + (message.subject() == null ? "" : message.subject()));
        }
      });
      meters.counter("drivecare.notifications.delivered", "channel", message.channel().name()).increment();
      return true;
    } catch (Exception e) {
      int attempts = message.attempts() + 1;
      boolean last = attempts >= settings.maxAttempts();
      Instant next = clock.instant().plus(backoff(attempts));
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      outbox.markFailedAttempt(id, node, last ? OutboxMessage.Status.FAILED : OutboxMessage.Status.PENDING, next,
          error.length() > 2000 ? error.substring(0, 2000) : error);
      meters.counter("drivecare.notifications.failed-attempts", "channel", message.channel().name()).increment();
      if (last) {
        LOG.error("Notification {} to customer {} failed for good after {} attempts: {}", id, message.customerId(),
            attempts, error);
      } else {
        LOG.warn("Notification {} attempt {} failed, next at {}: {}", id, attempts, next, error);
      }
      return false;
    }
  }

  Duration backoff(int attempts) {
    Duration backoff = settings.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
    return backoff.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff;
  }
}
