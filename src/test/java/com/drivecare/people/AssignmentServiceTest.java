package com.drivecare.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drivecare.DrivecareTest;
import com.drivecare.TestData;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DrivecareTest
class AssignmentServiceTest {

  @Autowired AssignmentService assignment;
  @Autowired OrganisationRepository organisation;
  @Autowired TaskService taskService;
  @Autowired TestData testData;

  @Test
  void picksTheRegionsAgentWithFewestOpenTasks() {
    String region = freshRegion();
    String busy = testData.staff("a-" + TestData.unique("busy"), Groups.CASE_OWNERS, region, null);
    String idle = testData.staff("b-" + TestData.unique("idle"), Groups.CASE_OWNERS, region, null);
    testData.staff(TestData.unique("manager"), Groups.MANAGERS, region, null); // another role: never picked
    testData.staff(TestData.unique("elsewhere"), Groups.CASE_OWNERS, TestData.NA, null); // another region
    assign(busy);
    assign(busy);
    assign(idle);

    assertThat(assignment.leastLoaded(region, Groups.CASE_OWNERS)).isEqualTo(idle);
    assign(idle);
    assign(idle);
    assertThat(assignment.leastLoaded(region, Groups.CASE_OWNERS)).isEqualTo(busy);
  }

  @Test
  void nationalTeamStandsInWhenTheRegionHasNobody() {
    String region = freshRegion();
    testData.staff(TestData.unique("national"), Groups.CUSTOMER_RELATIONS, null, null);
    String picked = assignment.leastLoaded(region, Groups.CUSTOMER_RELATIONS);
    assertThat(organisation.agent(picked)).hasValueSatisfying(a -> assertThat(a.region()).isNull());
  }

  @Test
  void nobodyAtAllIsAnError() {
    String region = freshRegion();
    assertThatThrownBy(() -> assignment.leastLoaded(region, Groups.SERVICE_MANAGERS + "-none"))
        .isInstanceOf(AssignmentService.NoAgentAvailableException.class)
        .hasMessageContaining(region);
  }

  @Test
  void findsManagerAndRegionalManager() {
    String region = freshRegion();
    String regional = testData.staff(TestData.unique("regional"), Groups.REGIONAL_MANAGERS, region, null);
    String manager = testData.staff(TestData.unique("manager"), Groups.MANAGERS, region, regional);
    String owner = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, region, manager);
    String ownerWithoutManager = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, region, null);

    assertThat(assignment.managerOf(owner)).contains(manager);
    assertThat(assignment.managerOf(manager)).contains(regional);
    assertThat(assignment.managerOf(ownerWithoutManager)).contains(regional);
    assertThat(assignment.regionalManagerOf(region)).contains(regional);
    assertThat(assignment.staffMember(owner)).hasValueSatisfying(m -> {
      assertThat(m.name()).isEqualTo("First" + owner + " Last");
      assertThat(m.region()).isEqualTo(region);
    });
  }

  private String freshRegion() {
    String code = ("R" + TestData.unique("")).substring(0, 10).toUpperCase();
    organisation.saveRegion(new Region(code, "Region " + code, "FR", "Europe/Paris", "EUR", null, null));
    return code;
  }

  private void assign(String userId) {
    Task task = taskService.newTask();
    task.setName("Work");
    task.setAssignee(userId);
    taskService.saveTask(task);
  }
}
