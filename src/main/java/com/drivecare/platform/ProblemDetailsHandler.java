package com.drivecare.platform;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the Drivecare API as {@code application/problem+json} (RFC 9457): a title, a detail
 * that says what was wrong and, for invalid input, {@code errors: [{field, reason}]}. It advises every
 * handler, so Spring MVC's own refusals (unknown path, method not allowed, unsupported media type)
 * come as problems too; what never reaches Spring MVC is answered by {@link ProblemErrorController}.
 */
@RestControllerAdvice
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsHandler.class);

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "Forbidden",
        e.errors().stream().map(f -> f.field() + " " + f.reason()).collect(Collectors.joining("; ")));
    problem.setProperty("errors", e.errors());
    return problem;
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ProblemDetail tooLarge(PayloadTooLargeException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", e.getMessage());
  }

  /**
   * A value the database refused (too long, out of range) that no validation caught first: a 400, and
   * a warning in the log, since the validation that should have named the field is missing.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail refusedByDatabase(RuntimeException e) {
    LOG.warn("Input refused by the database, not by validation: {}", e.getMessage());
    return problem(HttpStatus.BAD_REQUEST, "Invalid request",
        "A value is too long, out of range or conflicts with data already stored; nothing was written.");
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    e.details().forEach(problem::setProperty);
    return problem;
  }

  @ExceptionHandler(UnavailableException.class)
  ProblemDetail unavailable(UnavailableException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Nobody available", e.getMessage());
  }

  /** Two requests (or a request and a background job) changed the same case at once: try again. */
  @ExceptionHandler({OptimisticLockingException.class,
      DuplicateKeyException.class,
      PessimisticLockingFailureException.class})
  ProblemDetail concurrent(RuntimeException e) {
    LOG.info("Concurrent change refused: {}", e.getMessage());
    return problem(HttpStatus.CONFLICT, "Changed at the same time",
        "Someone else changed this at the same moment; please try again.");
  }

  /** Anything unexpected: logged in full, answered without internals. */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    LOG.error("Unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "Something went wrong on our side; it has been logged. Please try again later.");
  }

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return invalid(e.errors());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    return invalid(e.getConstraintViolations().stream()
        .map(v -> new InvalidInputException.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
        .toList());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    String value = e.getValue() == null ? "" : shorten(String.valueOf(e.getValue()));
    String reason = type == LocalDate.class ? "must be a date such as 2026-11-23, not " + value
        : type != null && (type.isEnum() || Number.class.isAssignableFrom(type) || type.isPrimitive())
            ? expected(type, value) : "is not a valid value: " + value;
    return invalid(List.of(new InvalidInputException.FieldError(e.getName(), reason)));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<InvalidInputException.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new InvalidInputException.FieldError(f.getField(), f.getDefaultMessage()))
        .collect(Collectors.toList());
    e.getBindingResult().getGlobalErrors().forEach(g ->
        errors.add(new InvalidInputException.FieldError(g.getObjectName(), g.getDefaultMessage())));
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<InvalidInputException.FieldError> errors = e.getParameterValidationResults().stream()
        .flatMap(r -> r.getResolvableErrors().stream().map(err -> new InvalidInputException.FieldError(
            r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
        .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getCause();
    ProblemDetail body;
    if (cause instanceof UnrecognizedPropertyException u) {
      body = invalid(List.of(new InvalidInputException.FieldError(path(u), "is not a known field")));
    } else if (cause instanceof MismatchedInputException m && missingProperty(m) != null) {
      body = invalid(List.of(new InvalidInputException.FieldError(missingProperty(m),
          "is required (null where it is to be empty)")));
    } else if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      body = invalid(List.of(new InvalidInputException.FieldError(path(m), reason(m))));
    } else if (cause instanceof JsonMappingException m) {
      body = problem(HttpStatus.BAD_REQUEST, "Unreadable request body", "The request body " + reason(m) + ".");
    } else {
      body = problem(HttpStatus.BAD_REQUEST, "Unreadable request body", "The request body is missing or is not valid JSON.");
    }
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  /** Why a JSON value does not fit its field: what the field takes, in the caller's terms, and what he sent. */
  private static String reason(JsonMappingException e) {
    if (e instanceof MismatchedInputException m) {
      Object value = m instanceof InvalidFormatException f ? f.getValue() : null;
      return expected(m.getTargetType(), value);
    }
    if (e.getCause() instanceof InputCoercionException c) {
      return "is out of range: " + expected(c.getTargetType(), null);
    }
    return "has the wrong type";
  }

  private static String expected(Class<?> type, Object value) {
    String what;
    if (type == null) {
      what = "has the wrong type";
    } else if (type.isEnum()) {
      what = "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
          .collect(Collectors.joining(", ")) + " (by name)";
    } else if (type == Integer.class || type == int.class) {
      what = "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    } else if (type == Long.class || type == long.class || type == Short.class || type == short.class) {
      what = "must be a whole number";
    } else if (Number.class.isAssignableFrom(type) || type == double.class) {
      what = "must be a number";
    } else if (type == Boolean.class || type == boolean.class) {
      what = "must be true or false";
    } else if (type == String.class) {
      what = "must be a string";
    } else if (type == LocalDate.class) {
      what = "must be a date such as 2026-11-23";
    } else if (type == LocalTime.class) {
      what = "must be a time such as 08:00";
    } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      what = "must be a list";
    } else {
      what = "must be a JSON object";
    }
    return value == null ? what : what + ", not " + shorten(String.valueOf(value));
  }

  static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  private static String missingProperty(MismatchedInputException e) {
    var matcher = MISSING_CREATOR_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
    return matcher.find() ? matcher.group(1) : null;
  }

  private static final Pattern MISSING_CREATOR_PROPERTY =
      Pattern.compile("Missing required creator property '([^']+)'");

  /** The field as the caller wrote it: {@code parts.expected}, {@code remedyOptions[0]}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
      } else {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  static ProblemDetail invalid(List<InvalidInputException.FieldError> errors) {
    String detail = errors.stream().map(e -> e.field() + " " + e.reason()).collect(Collectors.joining("; "));
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    problem.setProperty("errors", errors);
    return problem;
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
