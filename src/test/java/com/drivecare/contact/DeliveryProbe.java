package com.drivecare.contact;

import com.drivecare.customer.Channel;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** For benchmarks outside this package: runs the dispatcher's workers and times one claim. */
@Component
public class DeliveryProbe {

  private final OutboxDispatcher dispatcher;
  private final OutboxRepository outbox;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final NotificationProperties properties;

  DeliveryProbe(OutboxDispatcher dispatcher, OutboxRepository outbox, TransactionTemplate transaction, Clock clock,
      NotificationProperties properties) {
    this.dispatcher = dispatcher;
    this.outbox = outbox;
    this.transaction = transaction;
    this.clock = clock;
    this.properties = properties;
  }

  public void startDispatcher() {
    dispatcher.startWorkers();
  }

  public void stopDispatcher() {
    dispatcher.stop();
  }

  /** Milliseconds one claim of a full batch takes (rolled back, so nothing changes), best of three. */
  public double claimMillis(Channel channel) {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      transaction.executeWithoutResult(s -> {
        Instant now = clock.instant();
        outbox.claim(channel, properties.dispatcher().batchSize(), 0, "probe:" + System.nanoTime(), now,
            now.plus(properties.dispatcher().lease()));
        s.setRollbackOnly();
      });
      best = Math.min(best, (System.nanoTime() - start) / 1e6);
    }
    return best;
  }
}
