package com.drivecare.contact;

import com.drivecare.customer.Channel;
import java.time.Instant;

/**
 * A notification in the outbox, rendered in the recipient's language, waiting for or done with
 * delivery. {@code customerId} is null for notifications to staff. {@code attempts} counts every
 * time a dispatcher took it to send (a send cut short by a crash included); {@code interrupted} says
 * such a send happened, so the message may have reached the recipient more than once.
 * {@code priority} 0 is a message to one person, 1 a campaign's bulk; {@code bulkKey} names the bulk
 * send (a recall campaign).
 */
public record OutboxMessage(long id, String idempotencyKey, String template, Channel channel, Long customerId,
    String businessKey, String recipient, String language, String subject, String body, Status status, int attempts,
    Instant nextAttemptAt, String lastError, String printBatch, Instant createdAt, Instant deliveredAt,
    int priority, String bulkKey, boolean interrupted) {

  /** Priority of a message to one person: claimed before any bulk. */
  public static final int PRIORITY_URGENT = 0;
  /** Priority of a campaign's notices to thousands. */
  public static final int PRIORITY_BULK = 1;

  /**
   * The message's identity towards its receiver — the e-mail's Message-ID (local part), the SMS's
   * reference: the same for every send of this row, so a resend after a crash is recognisable.
   */
  public String deliveryId() {
    return "outbox-" + id + "." + Integer.toHexString(idempotencyKey.hashCode());
  }

  public enum Status {
    /** waiting for its (next) delivery attempt */
    PENDING,
    /** claimed by a dispatcher that is delivering it now */
    SENDING,
    /** delivered (a letter: put into a print batch) */
    SENT,
    /** every attempt failed; an operator can retry it */
    FAILED
  }
}
