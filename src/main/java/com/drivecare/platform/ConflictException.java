package com.drivecare.platform;

import java.util.Map;

/**
 * The request is valid but clashes with the current state (a duplicate, a closed case, a full day).
 * {@code details} become extra members of the problem (e.g. the next free dates).
 */
public class ConflictException extends RuntimeException {

  private final Map<String, Object> details;

  public ConflictException(String message) {
    this(message, Map.of());
  }

  public ConflictException(String message, Map<String, Object> details) {
    super(message);
    this.details = Map.copyOf(details);
  }

  public Map<String, Object> details() {
    return details;
  }
}
