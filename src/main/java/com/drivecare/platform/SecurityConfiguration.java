package com.drivecare.platform;

import static com.drivecare.platform.ApiAccessRules.path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what.
 * <ul>
 *   <li>{@code /camunda/**} — the webapps log users in themselves, against the same identity
 *       service, with their own session and CSRF protection; Spring Security stays out of the way.</li>
 *   <li>{@code /api/**}, {@code /engine-rest/**}, {@code /actuator/**} — stateless: HTTP Basic for
 *       staff (checked against Camunda's identity service), a Bearer access token for customers.
 *       Health is open without details, for load balancers.</li>
 * </ul>
 * A customer calls only the endpoints marked {@link CustomerEndpoint} ({@link CustomerAccess}); which
 * customer or region a caller may see is decided by the services ({@link Caller#maySee}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  private static final String STAFF = StaffAuthenticationProvider.ROLE_STAFF;
  private static final String ADMINS = Groups.CAMUNDA_ADMIN;
  private static final String CUSTOMER = CustomerTokenAuthenticationFilter.ROLE_CUSTOMER;

  @Bean
  ProblemSecurityHandlers problemSecurityHandlers(ObjectMapper objectMapper) {
    return new ProblemSecurityHandlers(objectMapper);
  }

  @Bean
  @Order(1)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    return http
        .securityMatcher(path("/camunda/**"))
        .authorizeHttpRequests(auth -> auth
            // the engine API behind the webapps answers whether any user's password is right: a password
            // oracle, which no webapp uses; administrators have it on /engine-rest
            .requestMatchers(path("/camunda/api/engine/engine/{engine}/identity/verify/**")).denyAll()
            .anyRequest().permitAll())
        // Camunda's CsrfPreventionFilter and HeaderSecurityFilter protect the webapps
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, CustomerTokens tokens, ProblemSecurityHandlers problems,
      StaffAuthenticationProvider staffAuthentication, ObjectProvider<ApiAccessRules> moduleRules,
      @Value("${camunda.bpm.webapp.header-security.hsts-disabled:true}") boolean hstsDisabled) throws Exception {
    return http
        .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/actuator/**")))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
            .requestMatchers(path("/actuator/**")).hasRole(STAFF)
            // whether some user's password is right: for administrators only, a password oracle to anyone else
            .requestMatchers(path("/engine-rest/identity/verify/**"),
                path("/engine-rest/engine/{engine}/identity/verify/**")).hasRole(ADMINS)
            .requestMatchers(path("/engine-rest/**")).hasRole(StaffAuthenticationProvider.ROLE_USER)
            // the self-service page: its texts and "send me a fresh link" (which writes only to the address
            // on file of whoever the old link was issued to) need no login
            .requestMatchers(path(HttpMethod.GET, "/api/self-service/texts"),
                path(HttpMethod.POST, "/api/self-service/fresh-link")).permitAll()
            // organisation set-up is for administrators
            .requestMatchers(path(HttpMethod.PUT, "/api/regions/**"), path(HttpMethod.PUT, "/api/agents/**"))
            .hasRole(ADMINS))
        // the modules' own rules (ApiAccessRules beans): their public lookups, set-up by their own groups
        .authorizeHttpRequests(auth -> moduleRules.orderedStream().forEach(rules -> rules.declare(auth)))
        .authorizeHttpRequests(auth -> auth
            // customers call the endpoints marked @CustomerEndpoint (CustomerAccess), staff every endpoint
            .requestMatchers(path("/api/**")).hasAnyRole(STAFF, CUSTOMER)
            .anyRequest().denyAll())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .addFilterBefore(new CustomerTokenAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class)
        // the Tasklist tab "Case" reads the case view with the agent's Tasklist session and its CSRF token
        .addFilterBefore(new TasklistSessionAuthenticationFilter(new OrRequestMatcher(
            path(HttpMethod.GET, "/api/cases/{businessKey}/view"), path(HttpMethod.GET, "/api/customers")),
            staffAuthentication, problems), BasicAuthenticationFilter.class)
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // no cookies, no browser session: nothing for a cross-site request to ride on
        .csrf(AbstractHttpConfigurer::disable)
        .headers(h -> {
          // one switch for the API and the webapps: DRIVECARE_HSTS_DISABLED=false behind HTTPS
          if (hstsDisabled) {
            h.httpStrictTransportSecurity(HeadersConfigurer.HstsConfig::disable);
          }
        })
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(auth -> auth
            // the customers' self-service page: static files; the data behind it needs the customer's token
            .requestMatchers(path("/"), path("/error"), path("/favicon.ico"), path(HttpMethod.GET, "/self-service/**"))
            .permitAll()
            .anyRequest().denyAll())
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  /** The webapps' login form behind the login throttle, like HTTP Basic. */
  @Bean
  FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottleFilter(LoginThrottle throttle,
      ProblemSecurityHandlers problems) {
    var registration = new FilterRegistrationBean<>(new WebappLoginThrottleFilter(throttle, problems));
    registration.addUrlPatterns("/camunda/api/admin/*");
    registration.setName("drivecareWebappLoginThrottle");
    registration.setOrder(0); // after Spring Security's filter chain (-100), before the webapps' resources
    return registration;
  }

  /** {@code POST /engine-rest/condition} with no conditional start event deployed: a 400, not the engine's 500. */
  @Bean
  FilterRegistrationBean<ConditionEvaluationFilter> conditionEvaluationFilter(RuntimeService runtimeService,
      ProblemSecurityHandlers problems) {
    var registration = new FilterRegistrationBean<>(new ConditionEvaluationFilter(runtimeService, problems));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setName("drivecareConditionEvaluation");
    // after Spring Security's filter chain (-100): callers are authenticated; before the engine's authentication (0)
    registration.setOrder(-1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineAuthenticationFilter> engineAuthenticationFilter(IdentityService identityService) {
    var registration = new FilterRegistrationBean<>(new EngineAuthenticationFilter(identityService));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setName("drivecareEngineAuthentication");
    registration.setOrder(0); // after Spring Security's filter chain (-100)
    return registration;
  }
}
