package com.drivecare.contact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * Letters go into the day's print batch (UTC date), which the print shop fetches from
 * {@code GET /api/outbox/print-batches/{date}}.
 */
@Component
class LetterSender implements ChannelSender {

  private final Clock clock;

  LetterSender(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Channel channel() {
    return Channel.LETTER;
  }

  @Override
  public String deliver(OutboxMessage message) {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
  }
}
