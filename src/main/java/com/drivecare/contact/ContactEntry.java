package com.drivecare.contact;

import com.drivecare.customer.Channel;
import java.time.Instant;

/** One touchpoint of a case: who reached whom, how, with what outcome. */
public record ContactEntry(long id, String businessKey, Long customerId, Channel channel, Direction direction,
    String actor, String outcome, String note, Instant occurredAt) {}
