package com.drivecare.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 of the API as {@code application/problem+json}, like every other error. */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ObjectMapper objectMapper;

  public ProblemSecurityHandlers(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof LoginThrottledException throttled) {
      tooManyFailedLogins(request, response, throttled);
      return;
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"Drivecare\", Bearer");
    write(response, request, HttpStatus.UNAUTHORIZED, "Authentication required",
        "Log in with a staff user name and password (HTTP Basic) or a customer access token (Bearer).");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(response, request, HttpStatus.FORBIDDEN, "Forbidden", "Your groups do not allow this request.");
  }

  /** 429: the login throttle refused the attempt without checking the password. */
  public void tooManyFailedLogins(HttpServletRequest request, HttpServletResponse response, LoginThrottledException e)
      throws IOException {
    response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
    write(response, request, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
        "Too many wrong passwords for this user name; try again in " + e.retryAfterSeconds() + " seconds.");
  }

  /** Any other refusal that happens before the request reaches its handler. */
  public void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
      String detail) throws IOException {
    write(response, request, status, title, detail);
  }

  private void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String title,
      String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
