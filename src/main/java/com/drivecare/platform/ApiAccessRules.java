package com.drivecare.platform;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A module's own rules for its part of {@code /api}: who, beyond the defaults of
 * {@link SecurityConfiguration}, may call which of its endpoints (a group of the module, or no login
 * at all). A module declares them as a bean; they apply before the defaults.
 */
@FunctionalInterface
public interface ApiAccessRules {

  void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

  /** A path of the whole application: the engine REST API is a servlet of its own, outside Spring MVC. */
  static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }
}
