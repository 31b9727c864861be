package com.drivecare.contact;

/** Who started a touchpoint: Drivecare (outbound) or the customer (inbound). */
public enum Direction {
  INBOUND, OUTBOUND
}
