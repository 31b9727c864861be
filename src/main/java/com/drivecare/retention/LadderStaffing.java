package com.drivecare.retention;

import com.drivecare.people.AssignmentService;
import com.drivecare.people.Groups;
import com.drivecare.people.StaffMember;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who calls on each rung of the ladder. The case owner is the least loaded of the ladder's first
 * role in the customer's region and makes the case owner's calls; the manager's calls go to the
 * owner's own manager and the regional manager's to the region's, when the ladder names those
 * roles; a rung with another role, or without such a person, goes to the least loaded of its role.
 */
@Component
class LadderStaffing {

  private final AssignmentService assignment;

  LadderStaffing(AssignmentService assignment) {
    this.assignment = assignment;
  }

  String caseOwner(LadderConfig ladder, String region) {
    return assignment.leastLoaded(region, ladder.caseOwnerRole());
  }

  String caller(Stage stage, LadderConfig ladder, String caseOwner, String region) {
    return switch (stage) {
      case CASE_OWNER -> caseOwner;
      case MANAGER -> Groups.MANAGERS.equals(ladder.managerRole())
          ? assignment.managerOf(caseOwner).orElseGet(() -> assignment.leastLoaded(region, ladder.managerRole()))
          : assignment.leastLoaded(region, ladder.managerRole());
      case REGIONAL_MANAGER -> Groups.REGIONAL_MANAGERS.equals(ladder.regionalManagerRole())
          ? assignment.regionalManagerOf(region)
              .orElseGet(() -> assignment.leastLoaded(region, ladder.regionalManagerRole()))
          : assignment.leastLoaded(region, ladder.regionalManagerRole());
    };
  }

  /** Whom to tell when {@code agent} missed a call: his manager, if he has one. */
  Optional<String> managerOf(String agent) {
    return assignment.managerOf(agent);
  }

  StaffMember member(String userId) {
    return assignment.staffMember(userId).orElseThrow(() -> new IllegalStateException("No staff member " + userId));
  }

  /** The person's name, or his user id when he is not (or no longer) on the staff list. */
  String name(String userId) {
    return assignment.staffMember(userId).map(StaffMember::name).orElse(userId);
  }
}
