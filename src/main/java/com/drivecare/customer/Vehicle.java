package com.drivecare.customer;

import com.drivecare.platform.Caller;
import java.math.BigDecimal;
import java.time.Instant;

/** A vehicle of the brand, known by its VIN, and its owner when known. */
public record Vehicle(long id, String vin, String plate, String model, int modelYear, BigDecimal listPrice,
    Long ownerId, String region, Instant createdAt) {

  /**
   * Whether {@code caller} may see this vehicle — the one rule every module asks: a customer sees his
   * own vehicles, staff the vehicles of their region (administrators and national teams all).
   */
  public boolean visibleTo(Caller caller) {
    if (caller instanceof Caller.Customer customer) {
      return ownerId != null && ownerId == customer.customerId();
    }
    return caller.maySee(ownerId == null ? -1 : ownerId, region);
  }
}
