package com.drivecare.retention;

/** How a retention case ended, as the report counts it. */
public enum RetentionOutcome {
  KEPT, CANCELLED_BY_CUSTOMER, CANCELLED_UNREACHED, STOPPED_CONTACT;

  /**
   * How a cancellation ends after the last call's outcome (null when nobody was ever reached): the
   * customer confirmed it, asked us to stop calling, or was never reached.
   */
  public static RetentionOutcome ofCancellationAfter(CallOutcome lastCall) {
    if (lastCall == CallOutcome.CANCELLATION_CONFIRMED) {
      return CANCELLED_BY_CUSTOMER;
    }
    if (lastCall == CallOutcome.STOP_CONTACT) {
      return STOPPED_CONTACT;
    }
    return CANCELLED_UNREACHED;
  }
}
