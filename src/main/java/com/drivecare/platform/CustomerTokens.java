package com.drivecare.platform;

import java.util.Optional;

/**
 * Which customer a personal access token belongs to. The customer module keeps the tokens; security
 * only asks, so the platform depends on no domain package.
 */
public interface CustomerTokens {

  /** The customer a token belongs to, if the token is known, not revoked and not expired. */
  Optional<Long> authenticate(String token);
}
