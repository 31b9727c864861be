package com.drivecare.platform;

import java.util.List;

/** Input the caller may not write, such as a customer in a region that is not his: 403, naming the field. */
public class ForbiddenException extends RuntimeException {

  private final List<InvalidInputException.FieldError> errors;

  public ForbiddenException(String field, String reason) {
    super(field + ": " + reason);
    this.errors = List.of(new InvalidInputException.FieldError(field, reason));
  }

  public List<InvalidInputException.FieldError> errors() {
    return errors;
  }
}
