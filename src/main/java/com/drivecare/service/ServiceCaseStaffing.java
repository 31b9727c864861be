package com.drivecare.service;

import com.drivecare.people.AssignmentService;
import com.drivecare.people.AssignmentService.NoAgentAvailableException;
import com.drivecare.people.Groups;
import com.drivecare.people.StaffMember;
import org.springframework.stereotype.Component;

/**
 * Who does what on a service case: the one owner (the region's least-loaded service advisor), the
 * service manager who steps in on a breach, the manager who decides an escalation (the owner's own,
 * else the region's least loaded), and the regional manager it goes to when he does not answer.
 */
@Component
class ServiceCaseStaffing {

  private final AssignmentService assignment;

  ServiceCaseStaffing(AssignmentService assignment) {
    this.assignment = assignment;
  }

  String owner(String region) {
    return assignment.leastLoaded(region, Groups.SERVICE_ADVISORS);
  }

  String interventionManager(String region) {
    return assignment.leastLoaded(region, Groups.SERVICE_MANAGERS);
  }

  String escalationManager(String owner, String region) {
    return assignment.managerOf(owner).orElseGet(() -> assignment.leastLoaded(region, Groups.SERVICE_MANAGERS));
  }

  String regionalManager(String region) {
    return assignment.regionalManagerOf(region)
        .orElseThrow(() -> new NoAgentAvailableException(region, Groups.REGIONAL_MANAGERS));
  }

  StaffMember member(String userId) {
    return assignment.staffMember(userId).orElseThrow(() -> new IllegalStateException("No staff member " + userId));
  }

  /** The person's name, or {@code fallback} when he is not (or no longer) on the staff list. */
  String name(String userId, String fallback) {
    return assignment.staffMember(userId).map(StaffMember::name).orElse(fallback);
  }
}
