package com.drivecare.contact;

import com.drivecare.customer.Channel;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Letters go into the day's print batch (UTC date), which the print shop fetches from
 * {@code GET /api/outbox/print-batches/{date}}. A claimed group is appended at once: the dispatcher
 * records the whole group with the batch in one statement.
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
    return today();
  }

  @Override
  public List<Outcome> deliverAll(List<OutboxMessage> messages) {
    return Collections.nCopies(messages.size(), new Outcome.Delivered(today()));
  }

  private String today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
  }
}
