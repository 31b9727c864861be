package com.drivecare.platform;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many wrong passwords for this user name: the attempt was refused without checking the password. */
public class LoginThrottledException extends AuthenticationException {

  private final Duration wait;

  public LoginThrottledException(Duration wait) {
    super("Too many wrong passwords; try again in " + seconds(wait) + " s");
    this.wait = wait;
  }

  /** Whole seconds to wait, at least one: what {@code Retry-After} says. */
  public long retryAfterSeconds() {
    return seconds(wait);
  }

  private static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
