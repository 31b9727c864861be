package com.drivecare.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the Tasklist tab "Case" read Drivecare's case view with the agent's Tasklist session: a GET
 * to one of {@code paths}, without an {@code Authorization} header, is authenticated as the user the
 * Camunda webapp session holds for the default engine — if he may use Tasklist — and only when it
 * carries that session's CSRF token in {@code X-XSRF-TOKEN} (what Tasklist's own requests carry), so
 * another site cannot have a browser send it. The user then gets the same {@link Caller.Staff}, with
 * the same region rules, as with HTTP Basic. Anything else passes on untouched (HTTP Basic, a
 * customer token, or a 401).
 */
public class TasklistSessionAuthenticationFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";

  private final RequestMatcher paths;
  private final StaffAuthenticationProvider staff;
  private final ProblemSecurityHandlers problems;

  public TasklistSessionAuthenticationFilter(RequestMatcher paths, StaffAuthenticationProvider staff,
      ProblemSecurityHandlers problems) {
    this.paths = paths;
    this.staff = staff;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || !paths.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null || !authentications.hasAuthenticationForProcessEngine(ENGINE)) {
      chain.doFilter(request, response);
      return;
    }
    Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    if (expected == null || given == null || !MessageDigest.isEqual(expected.toString().getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8))) {
      problems.commence(request, response, new InsufficientAuthenticationException(
          "A request with the Tasklist session needs the session's CSRF token in X-XSRF-TOKEN"));
      return;
    }
    UserAuthentication user = (UserAuthentication) authentications.getAuthenticationForProcessEngine(ENGINE);
    if (!user.isAuthorizedForApp("tasklist")) {
      chain.doFilter(request, response);
      return;
    }
    SecurityContextHolder.getContext().setAuthentication(staff.authenticated(user.getIdentityId()));
    chain.doFilter(request, response);
  }
}
