package com.drivecare.platform;

/** Nobody or nothing can take the work now: a 503 for a request, an incident for a job until it retries. */
public class UnavailableException extends RuntimeException {

  public UnavailableException(String message) {
    super(message);
  }
}
