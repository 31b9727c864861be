package com.drivecare.platform;

import java.util.Set;

/**
 * What the organisation knows of a member of staff, for his {@link Caller.Staff}: his region, whether
 * the staff directory knows him, and whether his groups make him staff. The people module keeps the
 * directory; security only asks, so the platform depends on no domain package.
 */
public interface StaffDirectory {

  /** The caller a Camunda user with {@code groups} is. */
  Caller.Staff caller(String userId, Set<String> groups);
}
