package com.drivecare.recall;

import java.util.Set;

/**
 * Where a vehicle of a recall campaign stands ({@code recall_vehicle.status}, stored by name).
 * IMPORTED until the launch; then OWNER_UNKNOWN, WAITING_FOR_PARTS or NOTIFIED (invited to book);
 * BOOKED; at the end REMEDIED or CLOSED (sold, exported, scrapped).
 */
public enum RecallVehicleStatus {
  IMPORTED, OWNER_UNKNOWN, WAITING_FOR_PARTS, NOTIFIED, BOOKED, REMEDIED, CLOSED;

  /** The states of a vehicle the campaign itself may still have to act on (tell, invite, remind, close). */
  public static final Set<RecallVehicleStatus> OPEN_WITHOUT_BOOKING = Set.of(NOTIFIED, WAITING_FOR_PARTS);

  /** The vehicle's status as stored, or null for none. */
  static RecallVehicleStatus of(String stored) {
    return stored == null ? null : valueOf(stored);
  }
}
