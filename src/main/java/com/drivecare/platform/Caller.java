package com.drivecare.platform;

import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling the API: a member of staff (a Camunda user, with his groups and region) or a
 * customer holding a personal access token. Controllers and services ask it what the caller may see.
 */
public sealed interface Caller permits Caller.Staff, Caller.Customer {

  /** The name the contact log records as the actor. */
  String actor();

  /** Whether the caller may see data of a customer of {@code region} with id {@code customerId}. */
  boolean maySee(long customerId, String region);

  /** The caller of the current request. */
  static Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
      return caller;
    }
    throw new IllegalStateException("No authenticated Drivecare caller in this request");
  }

  /**
   * A member of staff. An agent of a region sees that region's customers only; administrators and
   * national teams (agents without a region) see every region. A user the staff directory does not
   * know yet ({@code registered} false) sees no customer at all until an administrator places him.
   * {@code inStaffGroup}: whether one of his groups is a Drivecare staff group (the staff directory
   * knows which, see {@link StaffDirectory}).
   */
  record Staff(String userId, Set<String> groups, String region, boolean registered, boolean inStaffGroup)
      implements Caller {

    /** Matches no region: the scope of a user not yet in the staff directory. */
    public static final String NO_REGION = "(none)";

    public Staff {
      groups = Set.copyOf(groups);
    }

    /** The region filter for lists and reports: null for all regions. */
    public String regionScope() {
      if (isAdmin()) {
        return null;
      }
      return registered ? region : NO_REGION;
    }

    public boolean isAdmin() {
      return groups.contains(Groups.CAMUNDA_ADMIN);
    }

    public boolean isStaff() {
      return isAdmin() || inStaffGroup;
    }

    @Override
    public String actor() {
      return userId;
    }

    @Override
    public boolean maySee(long customerId, String customerRegion) {
      String scope = regionScope();
      return scope == null || scope.equals(customerRegion);
    }
  }

  /** A customer, who sees only his own reservations, vehicles and cases. */
  record Customer(long customerId) implements Caller {

    @Override
    public String actor() {
      return "customer:" + customerId;
    }

    @Override
    public boolean maySee(long customerId, String region) {
      return this.customerId == customerId;
    }
  }
}
