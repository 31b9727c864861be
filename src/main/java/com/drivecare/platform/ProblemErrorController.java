package com.drivecare.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}, in place of Spring Boot's {@code BasicErrorController}):
 * what the servlet container or a filter refuses before a controller is reached — an unknown path,
 * a request the firewall rejects, an exception outside Spring MVC — comes as
 * {@code application/problem+json} like every other error, whatever the client accepts. Requests
 * Tomcat refuses before any servlet ({@code %2F}, {@code %00}, oversized headers) get the same body
 * from {@link ProblemErrorReportValve}.
 */
@RestController
class ProblemErrorController implements ErrorController {

  private final ObjectMapper objectMapper;

  ProblemErrorController(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @RequestMapping("${server.error.path:${error.path:/error}}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c)
        : HttpStatus.INTERNAL_SERVER_ERROR;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    ProblemDetail problem = problem(status);
    if (uri instanceof String path && path.startsWith("/")) {
      try {
        problem.setInstance(URI.create(path));
      } catch (IllegalArgumentException e) {
        // a path the URI grammar refuses is not echoed
      }
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }

  /** The problem for a status the container or a filter set: the reason phrase and a sentence, no internals. */
  static ProblemDetail problem(HttpStatus status) {
    String detail = switch (status) {
      case NOT_FOUND -> "There is nothing at this address.";
      case METHOD_NOT_ALLOWED -> "This address does not take this HTTP method.";
      case UNSUPPORTED_MEDIA_TYPE -> "This address does not take this content type.";
      case BAD_REQUEST -> "The request is malformed: its address, headers or body cannot be read.";
      case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request headers are too large.";
      case PAYLOAD_TOO_LARGE -> "The request is too large.";
      default -> status.is5xxServerError()
          ? "Something went wrong on our side; it has been logged. Please try again later."
          : status.getReasonPhrase() + ".";
    };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }
}
