package com.drivecare.customer;

import java.math.BigDecimal;
import java.time.Instant;

/** A customer's reservation of a car, with the deposit he paid. */
public record Reservation(String number, long customerId, String model, BigDecimal deposit, String currency,
    ReservationStatus status, Instant createdAt, Instant updatedAt) {}
