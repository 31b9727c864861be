package com.drivecare.contact;

import com.drivecare.customer.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Delivers outbox messages of one channel. */
public interface ChannelSender {

  Channel channel();

  /**
   * Delivers one message. Throwing means "not delivered, try again later" (a failed attempt).
   *
   * @return the print batch a letter went into, or null
   */
  String deliver(OutboxMessage message) throws Exception;

  /**
   * Delivers a group of messages, where the medium allows over one connection; one outcome per
   * message, in order. The dispatcher calls it from several threads at once with different groups.
   */
  default List<Outcome> deliverAll(List<OutboxMessage> messages) {
    List<Outcome> outcomes = new ArrayList<>(messages.size());
    for (OutboxMessage message : messages) {
      try {
        outcomes.add(new Outcome.Delivered(deliver(message)));
      } catch (ThrottledException e) {
        outcomes.add(new Outcome.Deferred(e.retryAfter(), e.getMessage()));
      } catch (Exception e) {
        outcomes.add(Outcome.failed(e));
      }
    }
    return outcomes;
  }

  /** What became of one message. */
  sealed interface Outcome {

    /** Accepted by the receiver (a letter: in the print batch {@code printBatch}). */
    record Delivered(String printBatch) implements Outcome {}

    /** Not delivered: a failed attempt, retried with backoff until the attempts are used up. */
    record Failed(String error) implements Outcome {}

    /**
     * Not attempted, or refused because the provider is busy (429/5xx): retried after
     * {@code retryAfter} without using up an attempt, and the channel slows down.
     */
    record Deferred(Duration retryAfter, String reason) implements Outcome {}

    /**
     * Nothing is known (the sender broke): the message is not recorded either way and stays leased;
     * when the lease runs out it is sent again and recorded as a re-send.
     */
    record Unknown(String reason) implements Outcome {}

    static Failed failed(Exception e) {
      StringBuilder text = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
      for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
        text.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
      }
      String error = text.toString();
      return new Failed(error.length() > 2000 ? error.substring(0, 2000) : error);
    }
  }

  /** The provider asks us to slow down (HTTP 429, 503…); null {@code retryAfter} means "the channel's default". */
  class ThrottledException extends Exception {

    private final transient Duration retryAfter;

    public ThrottledException(String message, Duration retryAfter) {
      super(message);
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }
}
