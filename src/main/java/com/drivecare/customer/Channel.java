package com.drivecare.customer;

/** How Drivecare and a customer reach each other. */
public enum Channel {
  CALL, EMAIL, SMS, LETTER, WEB;

  /** Whether a customer may choose it as his preferred channel (web is where he answers, not where we reach him). */
  public boolean isReachable() {
    return this != WEB;
  }
}
