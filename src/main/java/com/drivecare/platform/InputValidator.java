package com.drivecare.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Bean Validation for input that reaches a service from JSON or from a CSV row alike, so both get
 * the same rules and the same messages. Domain rules add their own errors to the list.
 */
@Component
public class InputValidator {

  private final Validator validator;

  InputValidator(Validator validator) {
    this.validator = validator;
  }

  /** The constraint violations of {@code input}, by field. */
  public List<InvalidInputException.FieldError> errors(Object input) {
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<Object> v : validator.validate(input)) {
      errors.add(new InvalidInputException.FieldError(v.getPropertyPath().toString(), v.getMessage()));
    }
    errors.sort(Comparator.comparing(InvalidInputException.FieldError::field));
    return errors;
  }

  /** Throws when {@code errors} is not empty. */
  public static void check(List<InvalidInputException.FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
