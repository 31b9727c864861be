package com.drivecare.contact;

import java.time.Instant;

/**
 * The consent service's answer: whether the contact may happen now and, if not, the earliest time it
 * may ({@code null} when never, e.g. a do-not-call customer asked to be called), with the reason.
 */
public record ContactDecision(boolean allowed, Instant nextAllowedAt, String reason) {

  public static final String WITHIN_WINDOW = "WITHIN_WINDOW";
  public static final String QUIET_HOURS = "QUIET_HOURS";
  public static final String DO_NOT_CALL = "DO_NOT_CALL";
  public static final String NO_CONTACT_DATA = "NO_CONTACT_DATA";
  public static final String ANY_TIME = "ANY_TIME";

  static ContactDecision now(String reason, Instant at) {
    return new ContactDecision(true, at, reason);
  }

  static ContactDecision later(Instant next) {
    return new ContactDecision(false, next, QUIET_HOURS);
  }

  static ContactDecision never(String reason) {
    return new ContactDecision(false, null, reason);
  }
}
