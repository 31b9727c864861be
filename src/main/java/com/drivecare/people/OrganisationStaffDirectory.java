package com.drivecare.people;

import com.drivecare.platform.Caller;
import com.drivecare.platform.StaffDirectory;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The staff directory as security asks it: a user's region from the {@code agent} table, his staff groups. */
@Component
class OrganisationStaffDirectory implements StaffDirectory {

  private final OrganisationRepository organisation;

  OrganisationStaffDirectory(OrganisationRepository organisation) {
    this.organisation = organisation;
  }

  @Override
  public Caller.Staff caller(String userId, Set<String> groups) {
    var agent = organisation.agent(userId);
    return new Caller.Staff(userId, groups, agent.map(Agent::region).orElse(null), agent.isPresent(),
        groups.stream().anyMatch(Groups::isStaffGroup));
  }
}
