package com.drivecare.platform;

/** A resource that does not exist — or that the caller may not see, which must look the same. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what + " not found");
  }
}
