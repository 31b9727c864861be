package com.drivecare.platform;

import java.util.List;

/** Input that passed the JSON shape but not the domain rules; names each field and why. */
public class InvalidInputException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.reason()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String reason) {
    this(List.of(new FieldError(field, reason)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  public record FieldError(String field, String reason) {}
}
