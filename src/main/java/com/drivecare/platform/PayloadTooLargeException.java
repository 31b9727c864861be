package com.drivecare.platform;

/** A request bigger than the endpoint takes (an import over its byte or row limit): 413, nothing written. */
public class PayloadTooLargeException extends RuntimeException {

  public PayloadTooLargeException(String message) {
    super(message);
  }
}
