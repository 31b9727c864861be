package com.drivecare.contact;

import java.time.Instant;

/**
 * A notification in the outbox, rendered in the recipient's language, waiting for or done with
 * delivery. {@code customerId} is null for notifications to staff.
 */
public record OutboxMessage(long id, String idempotencyKey, String template, Channel channel, Long customerId,
    String businessKey, String recipient, String language, String subject, String body, Status status, int attempts,
    Instant nextAttemptAt, String lastError, String printBatch, Instant createdAt, Instant deliveredAt) {

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
