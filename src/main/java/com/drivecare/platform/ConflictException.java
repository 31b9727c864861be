package com.drivecare.platform;

/** The request is valid but clashes with the current state (a duplicate, a closed case). */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
