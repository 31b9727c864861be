package com.drivecare.customer;

/** ACTIVE → CANCELLATION_REQUESTED → ACTIVE (kept) or CANCELLED; DELIVERED once the car is handed over. */
public enum ReservationStatus {
  ACTIVE, CANCELLATION_REQUESTED, CANCELLED, DELIVERED
}
