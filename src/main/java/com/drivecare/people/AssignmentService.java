package com.drivecare.people;

import com.drivecare.platform.UnavailableException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Who does the work: for a region and a role, the agent with the fewest open tasks; an agent's
 * manager; a region's regional manager. Journeys call it from their delegates and keep the answer
 * in a process variable, so a case keeps its owner to the end.
 */
@Service
public class AssignmentService {

  private final IdentityService identityService;
  private final TaskService taskService;
  private final OrganisationRepository organisation;

  AssignmentService(IdentityService identityService, TaskService taskService, OrganisationRepository organisation) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.organisation = organisation;
  }

  /**
   * The member of {@code group} working in {@code region} with the fewest open (assigned) tasks;
   * ties go to the user id first in alphabetical order, so the choice is repeatable. Agents of the
   * group without a region (national teams) stand in when the region has nobody.
   *
   * @throws NoAgentAvailableException when neither the region nor a national team has anyone
   */
  public String leastLoaded(String region, String group) {
    Set<String> members = identityService.createUserQuery().memberOfGroup(group).list().stream()
        .map(User::getId).collect(Collectors.toSet());
    List<String> candidates = candidates(organisation.agentsInRegion(region), members);
    if (candidates.isEmpty()) {
      candidates = candidates(organisation.agents().stream().filter(a -> a.region() == null).toList(), members);
    }
    return candidates.stream()
        .min(Comparator.comparingLong(this::openTasks).thenComparing(Comparator.naturalOrder()))
        .orElseThrow(() -> new NoAgentAvailableException(region, group));
  }

  /** The open tasks assigned to a user: the measure of his workload. */
  public long openTasks(String userId) {
    return taskService.createTaskQuery().taskAssignee(userId).count();
  }

  /** The agent's manager; when none is recorded, the regional manager of his region. */
  public Optional<String> managerOf(String userId) {
    Optional<Agent> agent = organisation.agent(userId);
    Optional<String> manager = agent.map(Agent::managerId);
    if (manager.isPresent()) {
      return manager;
    }
    return agent.map(Agent::region).flatMap(this::regionalManagerOf).filter(m -> !m.equals(userId));
  }

  /** The region's regional manager (the least loaded one if the region has several). */
  public Optional<String> regionalManagerOf(String region) {
    try {
      return Optional.of(leastLoaded(region, Groups.REGIONAL_MANAGERS));
    } catch (NoAgentAvailableException e) {
      return Optional.empty();
    }
  }

  /** Name and contact of a member of staff, as customers and notifications show him. */
  public Optional<StaffMember> staffMember(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return Optional.empty();
    }
    Optional<Agent> agent = organisation.agent(userId);
    return Optional.of(new StaffMember(userId, displayName(user), user.getEmail(),
        agent.map(Agent::phone).orElse(null), agent.map(Agent::region).orElse(null)));
  }

  static String displayName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  private static List<String> candidates(List<Agent> agents, Set<String> members) {
    return agents.stream().map(Agent::userId).filter(members::contains).toList();
  }

  /** Nobody can take the work: a technical failure that Cockpit shows until someone is staffed. */
  public static class NoAgentAvailableException extends UnavailableException {
    public NoAgentAvailableException(String region, String group) {
      super("Nobody of group '" + group + "' works in region '" + region + "' or nationally");
    }
  }
}
