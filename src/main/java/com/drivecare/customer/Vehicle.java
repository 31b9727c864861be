package com.drivecare.customer;

import java.math.BigDecimal;
import java.time.Instant;

/** A vehicle of the brand, known by its VIN, and its owner when known. */
public record Vehicle(long id, String vin, String plate, String model, int modelYear, BigDecimal listPrice,
    Long ownerId, String region, Instant createdAt) {}
