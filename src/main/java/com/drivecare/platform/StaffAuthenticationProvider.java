package com.drivecare.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks staff credentials against Camunda's identity service — the same users, passwords and groups
 * as Tasklist, behind the same {@link LoginThrottle} — and turns the user's groups into authorities:
 * {@code ROLE_USER} for every user, {@code ROLE_STAFF} for members of a Drivecare group or
 * administrators, and {@code ROLE_<group id>} per group.
 */
@Component
public class StaffAuthenticationProvider implements AuthenticationProvider {

  public static final String ROLE_USER = "USER";
  public static final String ROLE_STAFF = "STAFF";

  private final IdentityService identityService;
  private final StaffDirectory directory;
  private final LoginThrottle throttle;

  StaffAuthenticationProvider(IdentityService identityService, StaffDirectory directory,
      LoginThrottle throttle) {
    this.identityService = identityService;
    this.directory = directory;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    String client = authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress() : null;
    LoginThrottle.Verdict verdict = throttle.before(userId, client);
    if (verdict.refused()) {
      throw new LoginThrottledException(verdict.delay());
    }
    if (!identityService.checkPassword(userId, credentials.toString())) {
      throttle.failed(userId, client);
      throw new BadCredentialsException("Wrong user name or password");
    }
    throttle.succeeded(userId, client, verdict);
    return authenticated(userId);
  }

  /**
   * The authentication of a user whose identity another login has established (the webapps'
   * session): his groups and region from the identity service and the staff directory.
   */
  public Authentication authenticated(String userId) {
    Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    Caller.Staff staff = directory.caller(userId, groups);
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_" + ROLE_USER));
    if (staff.isStaff()) {
      authorities.add(new SimpleGrantedAuthority("ROLE_" + ROLE_STAFF));
    }
    groups.forEach(g -> authorities.add(new SimpleGrantedAuthority("ROLE_" + g)));
    return UsernamePasswordAuthenticationToken.authenticated(staff, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
