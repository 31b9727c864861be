package com.drivecare.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one place that decides which endpoints a customer may call: those marked
 * {@link CustomerEndpoint}. Anything else of {@code /api} is a 403 problem to him, before the
 * endpoint reads its input. Staff and anonymous callers pass on to the URL rules of
 * {@link SecurityConfiguration}.
 */
class CustomerAccess implements HandlerInterceptor {

  private final ProblemSecurityHandlers problems;

  CustomerAccess(ProblemSecurityHandlers problems) {
    this.problems = problems;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof Caller.Customer)
        || (handler instanceof HandlerMethod method && method.hasMethodAnnotation(CustomerEndpoint.class))) {
      return true;
    }
    problems.handle(request, response, new AccessDeniedException("Not open to customers"));
    return false;
  }
}
