package com.drivecare.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.drivecare.people.AssignmentService;
import com.drivecare.people.AssignmentService.NoAgentAvailableException;
import com.drivecare.people.Groups;
import com.drivecare.people.StaffMember;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who owns, steps in on and decides a service case, without the engine. */
class ServiceCaseStaffingTest {

  final AssignmentService assignment = mock(AssignmentService.class);
  final ServiceCaseStaffing staffing = new ServiceCaseStaffing(assignment);

  @Test
  void ownerIsTheRegionsLeastLoadedAdvisorAndABreachBringsInItsLeastLoadedServiceManager() {
    when(assignment.leastLoaded("FR", Groups.SERVICE_ADVISORS)).thenReturn("advisor");
    when(assignment.leastLoaded("FR", Groups.SERVICE_MANAGERS)).thenReturn("svcmgr");
    assertThat(staffing.owner("FR")).isEqualTo("advisor");
    assertThat(staffing.interventionManager("FR")).isEqualTo("svcmgr");
  }

  @Test
  void escalationIsDecidedByTheOwnersManagerElseTheRegionsLeastLoaded() {
    when(assignment.managerOf("advisor")).thenReturn(Optional.of("own-manager"));
    when(assignment.managerOf("orphan")).thenReturn(Optional.empty());
    when(assignment.leastLoaded("FR", Groups.SERVICE_MANAGERS)).thenReturn("svcmgr");
    assertThat(staffing.escalationManager("advisor", "FR")).isEqualTo("own-manager");
    assertThat(staffing.escalationManager("orphan", "FR")).isEqualTo("svcmgr");
  }

  @Test
  void unansweredEscalationGoesToTheRegionalManagerAndWithoutOneNobodyIsGuessed() {
    when(assignment.regionalManagerOf("FR")).thenReturn(Optional.of("regional"));
    when(assignment.regionalManagerOf("XX")).thenReturn(Optional.empty());
    assertThat(staffing.regionalManager("FR")).isEqualTo("regional");
    assertThatThrownBy(() -> staffing.regionalManager("XX")).isInstanceOf(NoAgentAvailableException.class);
  }

  @Test
  void namesComeFromTheStaffListWithAFallback() {
    when(assignment.staffMember("advisor")).thenReturn(Optional.of(new StaffMember("advisor", "Anne Roy",
        "anne@example.com", null, "FR")));
    when(assignment.staffMember("gone")).thenReturn(Optional.empty());
    assertThat(staffing.name("advisor", "x")).isEqualTo("Anne Roy");
    assertThat(staffing.name("gone", "Customer relations")).isEqualTo("Customer relations");
    assertThatThrownBy(() -> staffing.member("gone")).isInstanceOf(IllegalStateException.class);
  }
}
