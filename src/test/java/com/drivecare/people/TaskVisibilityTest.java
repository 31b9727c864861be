package com.drivecare.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.DrivecareTest;
import com.drivecare.TestData;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** With Camunda authorization on, each agent sees his own and his groups' tasks — nobody else's. */
@DrivecareTest
class TaskVisibilityTest {

  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired TestData testData;

  @AfterEach
  void logout() {
    identityService.clearAuthentication();
  }

  @Test
  void caseOwnerSeesOnlyHisOwnAndHisGroupsTasks() {
    String frOwner = testData.staff(TestData.unique("owner-fr"), Groups.CASE_OWNERS, TestData.FR, null);
    String naOwner = testData.staff(TestData.unique("owner-na"), Groups.CASE_OWNERS, TestData.NA, null);
    String mine = task("Call customer (FR)", frOwner, null);
    String colleagues = task("Call customer (NA)", naOwner, null);
    String managersTask = task("Review call log", null, Groups.MANAGERS);
    String ownersTask = task("Pick up unassigned call", null, Groups.CASE_OWNERS);

    List<String> visible = visibleTo(frOwner);
    assertThat(visible).contains(mine, ownersTask).doesNotContain(colleagues, managersTask);

    String manager = testData.staff(TestData.unique("manager"), Groups.MANAGERS, TestData.FR, null);
    assertThat(visibleTo(manager)).contains(managersTask).doesNotContain(mine, colleagues, ownersTask);
  }

  @Test
  void sharedFiltersAreReadableByEveryAgent() {
    String owner = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, TestData.FR, null);
    identityService.setAuthentication(owner, List.of(Groups.CASE_OWNERS));
    assertThat(filterService.createTaskFilterQuery().list())
        .extracting(f -> f.getName())
        .contains(OrganisationSetup.FILTER_MY_TASKS, OrganisationSetup.FILTER_GROUP_TASKS, OrganisationSetup.FILTER_OVERDUE);
  }

  @Test
  void myTasksFilterListsTheTasksAssignedToTheCurrentUser() {
    String owner = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, TestData.FR, null);
    String mine = task("Call back", owner, null);
    String other = task("Someone else's call", testData.staff(TestData.unique("other"), Groups.CASE_OWNERS, TestData.FR, null), null);
    identityService.setAuthentication(owner, List.of(Groups.CASE_OWNERS));
    String filterId = filterService.createTaskFilterQuery().filterName(OrganisationSetup.FILTER_MY_TASKS).singleResult().getId();
    List<String> listed = filterService.<Task>list(filterId).stream().map(Task::getId).toList();
    assertThat(listed).contains(mine).doesNotContain(other);
  }

  private String task(String name, String assignee, String candidateGroup) {
    Task task = taskService.newTask();
    task.setName(name);
    task.setAssignee(assignee);
    taskService.saveTask(task);
    if (candidateGroup != null) {
      taskService.addCandidateGroup(task.getId(), candidateGroup);
    }
    return task.getId();
  }

  private List<String> visibleTo(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
    identityService.setAuthentication(userId, groups);
    try {
      return taskService.createTaskQuery().list().stream().map(Task::getId).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
