package com.drivecare.platform;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
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
 * that says what was wrong and, for invalid input, {@code errors: [{field, reason}]}.
 */
@RestControllerAdvice(basePackages = "com.drivecare")
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProblemDetailsHandler.class);

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    e.details().forEach(problem::setProperty);
    return problem;
  }

  @ExceptionHandler(com.drivecare.people.AssignmentService.NoAgentAvailableException.class)
  ProblemDetail noAgent(RuntimeException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Nobody available", e.getMessage());
  }

  /** Two requests (or a request and a background job) changed the same case at once: try again. */
  @ExceptionHandler({org.camunda.bpm.engine.OptimisticLockingException.class,
      org.springframework.dao.DuplicateKeyException.class,
      org.springframework.dao.PessimisticLockingFailureException.class})
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
    return invalid(List.of(new InvalidInputException.FieldError(e.getName(), "is not a valid value: " + e.getValue())));
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
      body = invalid(List.of(new InvalidInputException.FieldError(u.getPropertyName(), "is not a known field")));
    } else if (cause instanceof InvalidFormatException f) {
      body = invalid(List.of(new InvalidInputException.FieldError(path(f), "is not a valid value: " + f.getValue())));
    } else if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      body = invalid(List.of(new InvalidInputException.FieldError(path(m), "has the wrong type")));
    } else {
      body = problem(HttpStatus.BAD_REQUEST, "Unreadable request body", "The request body is missing or is not valid JSON.");
    }
    return ResponseEntity.badRequest().body(body);
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
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
