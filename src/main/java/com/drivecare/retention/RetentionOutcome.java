package com.drivecare.retention;

/** How a retention case ended, as the report counts it. */
public enum RetentionOutcome {
  KEPT, CANCELLED_BY_CUSTOMER, CANCELLED_UNREACHED, STOPPED_CONTACT
}
