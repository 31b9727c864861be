package com.drivecare.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a customer by the personal access token in {@code Authorization: Bearer …}. A token
 * that is unknown, revoked or expired is a 401; a request without a bearer token passes on to the
 * other authentication mechanisms.
 */
public class CustomerTokenAuthenticationFilter extends OncePerRequestFilter {

  public static final String ROLE_CUSTOMER = "CUSTOMER";
  private static final String BEARER = "Bearer ";

  private final CustomerTokens tokens;
  private final AuthenticationEntryPoint entryPoint;

  public CustomerTokenAuthenticationFilter(CustomerTokens tokens, AuthenticationEntryPoint entryPoint) {
    this.tokens = tokens;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      chain.doFilter(request, response);
      return;
    }
    String token = header.substring(BEARER.length()).trim();
    var customerId = tokens.authenticate(token);
    if (customerId.isEmpty()) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(request, response, new BadCredentialsException("The access token is unknown, revoked or expired"));
      return;
    }
    var authentication = UsernamePasswordAuthenticationToken.authenticated(new Caller.Customer(customerId.get()), null,
        List.of(new SimpleGrantedAuthority("ROLE_" + ROLE_CUSTOMER)));
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
