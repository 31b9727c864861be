package com.drivecare.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.drivecare.people.AssignmentService;
import com.drivecare.people.Groups;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who calls on each rung of the ladder, without the engine. */
class LadderStaffingTest {

  static final LadderConfig LADDER = new LadderConfig(Groups.CASE_OWNERS, 4, Groups.MANAGERS, 6,
      Groups.REGIONAL_MANAGERS, 4, 14, 24, 7, true, true);
  static final LadderConfig OTHER_ROLES = new LadderConfig(Groups.CASE_OWNERS, 1, "retention-leads", 1,
      "retention-directors", 1, 3, 24, 7, false, false);

  final AssignmentService assignment = mock(AssignmentService.class);
  final LadderStaffing staffing = new LadderStaffing(assignment);

  @Test
  void caseOwnerIsTheLeastLoadedOfTheLaddersFirstRoleAndMakesHisOwnCalls() {
    when(assignment.leastLoaded("FR", Groups.CASE_OWNERS)).thenReturn("owner");
    assertThat(staffing.caseOwner(LADDER, "FR")).isEqualTo("owner");
    assertThat(staffing.caller(Stage.CASE_OWNER, LADDER, "owner", "FR")).isEqualTo("owner");
  }

  @Test
  void managerRungIsTheOwnersOwnManagerElseTheLeastLoadedManager() {
    when(assignment.managerOf("owner")).thenReturn(Optional.of("his-manager"));
    when(assignment.managerOf("orphan")).thenReturn(Optional.empty());
    when(assignment.leastLoaded("FR", Groups.MANAGERS)).thenReturn("any-manager");
    assertThat(staffing.caller(Stage.MANAGER, LADDER, "owner", "FR")).isEqualTo("his-manager");
    assertThat(staffing.caller(Stage.MANAGER, LADDER, "orphan", "FR")).isEqualTo("any-manager");
  }

  @Test
  void regionalRungIsTheRegionsRegionalManagerElseTheLeastLoadedOne() {
    when(assignment.regionalManagerOf("FR")).thenReturn(Optional.of("regional"));
    when(assignment.regionalManagerOf("XX")).thenReturn(Optional.empty());
    when(assignment.leastLoaded("XX", Groups.REGIONAL_MANAGERS)).thenReturn("any-regional");
    assertThat(staffing.caller(Stage.REGIONAL_MANAGER, LADDER, "owner", "FR")).isEqualTo("regional");
    assertThat(staffing.caller(Stage.REGIONAL_MANAGER, LADDER, "owner", "XX")).isEqualTo("any-regional");
  }

  @Test
  void rungsWithOtherRolesGoToTheLeastLoadedOfThatRole() {
    when(assignment.managerOf("owner")).thenReturn(Optional.of("his-manager"));
    when(assignment.regionalManagerOf("FR")).thenReturn(Optional.of("regional"));
    when(assignment.leastLoaded("FR", "retention-leads")).thenReturn("lead");
    when(assignment.leastLoaded("FR", "retention-directors")).thenReturn("director");
    assertThat(staffing.caller(Stage.MANAGER, OTHER_ROLES, "owner", "FR")).isEqualTo("lead");
    assertThat(staffing.caller(Stage.REGIONAL_MANAGER, OTHER_ROLES, "owner", "FR")).isEqualTo("director");
  }
}
