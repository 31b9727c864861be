package com.drivecare.people;

import com.drivecare.platform.InputValidator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.drivecare.platform.InvalidInputException.FieldError;
import com.drivecare.platform.NotFoundException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation: regions, who works in which and in what role, who manages whom. Staff read it;
 * administrators set it up (users themselves are created in Camunda Admin).
 */
@RestController
class RegionController {

  private final OrganisationRepository organisation;
  private final IdentityService identityService;
  private final InputValidator validator;

  RegionController(OrganisationRepository organisation, IdentityService identityService, InputValidator validator) {
    this.organisation = organisation;
    this.identityService = identityService;
    this.validator = validator;
  }

  @GetMapping("/api/regions")
  List<RegionView> regions() {
    List<Agent> agents = organisation.agents();
    return organisation.regions().stream()
        .map(r -> new RegionView(r.code(), r.name(), r.country(), r.timeZone(), r.currency(),
            r.callingWindowStart(), r.callingWindowEnd(),
            agents.stream().filter(a -> r.code().equals(a.region())).map(this::view).toList()))
        .toList();
  }

  /** Staff without a region: national teams such as recall coordinators and customer relations. */
  @GetMapping("/api/agents")
  List<AgentView> agents() {
    return organisation.agents().stream().map(this::view)
        .sorted(Comparator.comparing(AgentView::region, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(AgentView::userId))
        .toList();
  }

  @PutMapping("/api/regions/{code}")
  @Transactional
  RegionView saveRegion(@PathVariable String code, @RequestBody RegionInput input) {
    List<FieldError> errors = validator.errors(input);
    if (!code.matches("^[A-Z0-9-]{2,16}$")) {
      errors.add(new FieldError("code", "must be 2 to 16 capital letters, digits or dashes"));
    }
    if (input.timeZone() != null) {
      try {
        ZoneId.of(input.timeZone());
      } catch (DateTimeException e) {
        errors.add(new FieldError("timeZone", "is not a time zone such as Europe/Paris"));
      }
    }
    if ((input.callingWindowStart() == null) != (input.callingWindowEnd() == null)
        || (input.callingWindowStart() != null && !input.callingWindowStart().isBefore(input.callingWindowEnd()))) {
      errors.add(new FieldError("callingWindowStart", "and callingWindowEnd must both be set, start before end, or both be empty"));
    }
    InputValidator.check(errors);
    organisation.saveRegion(new Region(code, input.name(), input.country(), input.timeZone(), input.currency(),
        input.callingWindowStart(), input.callingWindowEnd()));
    return regions().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
  }

  @PutMapping("/api/agents/{userId}")
  @Transactional
  AgentView saveAgent(@PathVariable String userId, @RequestBody AgentInput input) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      throw new NotFoundException("User " + userId);
    }
    List<FieldError> errors = validator.errors(input);
    if (input.region() != null && organisation.region(input.region()).isEmpty()) {
      errors.add(new FieldError("region", "is not a known region: " + input.region()));
    }
    if (input.managerId() != null && identityService.createUserQuery().userId(input.managerId()).count() == 0) {
      errors.add(new FieldError("managerId", "is not a known user: " + input.managerId()));
    }
    if (userId.equals(input.managerId())) {
      errors.add(new FieldError("managerId", "must not be the agent himself"));
    }
    InputValidator.check(errors);
    Agent agent = new Agent(userId, input.region(), input.managerId(), input.phone());
    organisation.saveAgent(agent);
    return view(agent);
  }

  private AgentView view(Agent a) {
    User user = identityService.createUserQuery().userId(a.userId()).singleResult();
    Set<String> groups = identityService.createGroupQuery().groupMember(a.userId()).list().stream()
        .map(Group::getId).collect(Collectors.toCollection(TreeSet::new));
    return new AgentView(a.userId(), user == null ? a.userId() : AssignmentService.displayName(user),
        user == null ? null : user.getEmail(), a.phone(), a.region(), groups, a.managerId());
  }

  record RegionView(String code, String name, String country, String timeZone, String currency,
      LocalTime callingWindowStart, LocalTime callingWindowEnd, List<AgentView> agents) {}

  record AgentView(String userId, String name, String email, String phone, String region, Set<String> groups,
      String managerId) {}

  record RegionInput(@NotBlank @Size(max = 100) String name,
      @NotBlank @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166 country code such as FR") String country,
      @NotBlank String timeZone,
      @NotBlank @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
      LocalTime callingWindowStart, LocalTime callingWindowEnd) {}

  /**
   * The whole agent ({@code PUT} replaces him): every field must be present, null where it is to be
   * empty — a region left out is refused, never taken for "national".
   */
  record AgentInput(@JsonProperty(required = true) @Size(max = 16) String region,
      @JsonProperty(required = true) @Size(max = 64) String managerId,
      @JsonProperty(required = true)
      @Pattern(regexp = "^\\+[1-9][0-9]{6,14}$", message = "must be an E.164 number") String phone) {}
}
