package com.drivecare.contact;

/** Delivers outbox messages of one channel. Throwing means "not delivered, try again later". */
public interface ChannelSender {

  Channel channel();

  /**
   * Delivers the message.
   *
   * @return the print batch a letter went into, or null
   */
  String deliver(OutboxMessage message) throws Exception;
}
