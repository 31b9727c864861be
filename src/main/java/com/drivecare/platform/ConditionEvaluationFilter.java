package com.drivecare.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.event.EventType;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code POST /engine-rest/condition} evaluates the conditions of conditional start events. When no
 * deployed process has one, the engine throws (ENGINE-13043), which its REST API answers as a 500 —
 * whatever the request. There is nothing to evaluate, and the caller is told so with a 400.
 */
public class ConditionEvaluationFilter extends OncePerRequestFilter {

  private static final Pattern CONDITION = Pattern.compile("^/engine-rest(/engine/[^/]+)?/condition/?$");

  private final RuntimeService runtimeService;
  private final ProblemSecurityHandlers problems;

  public ConditionEvaluationFilter(RuntimeService runtimeService, ProblemSecurityHandlers problems) {
    this.runtimeService = runtimeService;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return !"POST".equalsIgnoreCase(request.getMethod()) || !CONDITION.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (runtimeService.createEventSubscriptionQuery().eventType(EventType.CONDITONAL.name()).count() == 0) {
      problems.problem(request, response, HttpStatus.BAD_REQUEST, "Nothing to evaluate",
          "No deployed process starts on a condition (conditional start event), so no condition can be evaluated.");
      return;
    }
    chain.doFilter(request, response);
  }
}
