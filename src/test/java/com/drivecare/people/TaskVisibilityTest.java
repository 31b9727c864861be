package com.drivecare.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.DrivecareTest;
import com.drivecare.TaskRights;
import com.drivecare.TestData;
import com.drivecare.Worklist;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
  @Autowired Worklist worklist;
  @Autowired TaskRights rights;
  @Autowired RuntimeService runtimeService;
  @Autowired AuthorizationService authorizationService;
  @Autowired OrganisationSetup organisationSetup;
  @Autowired DataSource dataSource;
  @Autowired ProcessEngineConfigurationImpl processEngineConfiguration;

  private final List<String> instances = new ArrayList<>();

  @AfterEach
  void logout() {
    identityService.clearAuthentication();
    runtimeService.deleteProcessInstancesIfExists(instances, "test over", true, true, true);
  }

  @Test
  void nationalTeamReadsAndWorksItsJourneyTasksWithoutARowPerTask() {
    String region = testData.freshRegion();
    String coordinator = testData.staff(TestData.unique("rita"), Groups.RECALL_COORDINATORS, null, null);
    String relations = testData.staff(TestData.unique("clara"), Groups.CUSTOMER_RELATIONS, null, null);
    String owner = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, region, null);
    String advisor = testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, region, null);
    String findOwner = taskOf(worklist.findOwner("TV1", region));
    String followUp = taskOf(worklist.recallFollowUp("TV1", region));
    String review = taskOf(worklist.managementReview("TV1", region));

    assertThat(rights.sees(coordinator, findOwner)).isTrue();
    assertThat(rights.canClaim(coordinator, findOwner)).isTrue();
    assertThat(rights.sees(relations, followUp)).isTrue();
    assertThat(rights.canClaim(relations, followUp)).isTrue();
    assertThat(rights.sees(relations, review)).isTrue();
    assertThat(rights.canClaim(relations, review)).isTrue();
    for (String other : List.of(owner, advisor)) {
      assertThat(List.of(findOwner, followUp, review)).noneMatch(t -> rights.sees(other, t) || rights.canClaim(other, t));
    }
    assertThat(rights.sees(coordinator, review)).as("service cases are not the coordinators' journey").isFalse();
    assertThat(rights.canClaim(coordinator, review)).isFalse();
    // the team's rights are one grant per journey: the engine wrote no row for these tasks and groups
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
        .groupIdIn(Groups.RECALL_COORDINATORS, Groups.CUSTOMER_RELATIONS).list())
        .extracting(Authorization::getResourceId).doesNotContain(findOwner, followUp, review);
  }

  @Test
  void taskOfferedToNamedColleaguesIsSeenWorkedAndListedOnlyByThem() {
    String drafter = testData.staff(TestData.unique("rita"), Groups.RECALL_COORDINATORS, null, null);
    String approver = testData.staff(TestData.unique("victor"), Groups.RECALL_COORDINATORS, null, null);
    Task task = taskService.newTask();
    task.setName("Approve owner notice");
    taskService.saveTask(task);
    taskService.addCandidateUser(task.getId(), approver);

    assertThat(rights.sees(approver, task.getId())).isTrue();
    assertThat(rights.canClaim(approver, task.getId())).isTrue();
    assertThat(rights.sees(drafter, task.getId())).isFalse();
    assertThat(rights.canClaim(drafter, task.getId())).isFalse();
    assertThat(listed(approver, OrganisationSetup.FILTER_GROUP_TASKS)).contains(task.getId());
    assertThat(listed(drafter, OrganisationSetup.FILTER_GROUP_TASKS)).doesNotContain(task.getId());
  }

  @Test
  void groupFilterListsWhatIsOfferedToMeOrMyGroupsAndOverdueMyTasksPastDue() {
    String region = testData.freshRegion();
    String coordinator = testData.staff(TestData.unique("rita"), Groups.RECALL_COORDINATORS, null, null);
    String owner = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, region, null);
    String findOwner = taskOf(worklist.findOwner("TV2", region));
    String claimed = taskOf(worklist.findOwner("TV2", region));
    taskService.claim(claimed, coordinator);
    Instant now = Instant.now();
    String late = taskOf(worklist.retentionCall("TV2", owner, region, now.minus(1, ChronoUnit.HOURS)));
    String onTime = taskOf(worklist.retentionCall("TV2", owner, region, now.plus(1, ChronoUnit.DAYS)));

    // the work to pick up: a task taken is in its taker's "My tasks", no longer offered
    assertThat(listed(coordinator, OrganisationSetup.FILTER_GROUP_TASKS)).contains(findOwner)
        .doesNotContain(claimed, late, onTime);
    assertThat(listed(coordinator, OrganisationSetup.FILTER_MY_TASKS)).contains(claimed).doesNotContain(findOwner);
    assertThat(listed(owner, OrganisationSetup.FILTER_GROUP_TASKS)).doesNotContain(findOwner, claimed, late, onTime);
    assertThat(listed(owner, OrganisationSetup.FILTER_MY_TASKS)).contains(late, onTime);
    assertThat(listed(owner, OrganisationSetup.FILTER_OVERDUE)).contains(late).doesNotContain(onTime, findOwner);
  }

  @Test
  void setupBringsAnExistingDatabaseToTheModel() throws Exception {
    String region = testData.freshRegion();
    String findOwner = taskOf(worklist.findOwner("TV3", region));
    // what the engine's default wrote for every task offered to a group before issue 15
    Authorization perTask = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    perTask.setGroupId(Groups.RECALL_COORDINATORS);
    perTask.setResource(Resources.TASK);
    perTask.setResourceId(findOwner);
    perTask.addPermission(Permissions.READ);
    perTask.addPermission(Permissions.UPDATE);
    authorizationService.saveAuthorization(perTask);
    Filter overdue = filterService.createTaskFilterQuery().filterName(OrganisationSetup.FILTER_OVERDUE).singleResult();
    filterService.saveFilter(overdue.setQuery(taskService.createTaskQuery().dueBefore(new Date())));
    // "My group's tasks" as it was until 2026-11-30: taken tasks included
    Filter group = filterService.createTaskFilterQuery().filterName(OrganisationSetup.FILTER_GROUP_TASKS).singleResult();
    filterService.saveFilter(group.setQuery(taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}")
        .includeAssignedTasks()));

    organisationSetup.onEngineReady();

    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(findOwner)
        .count()).isZero();
    String coordinator = testData.staff(TestData.unique("rita"), Groups.RECALL_COORDINATORS, null, null);
    assertThat(rights.sees(coordinator, findOwner)).isTrue();
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Groups.RECALL_COORDINATORS)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId("recall-remedy").singleResult().getPermissions(
            new Permissions[] {Permissions.READ_TASK, Permissions.TASK_WORK}))
        .containsExactlyInAnyOrder(Permissions.READ_TASK, Permissions.TASK_WORK);
    assertThat(filterService.getFilter(overdue.getId()).getQuery().toString()).isNotNull();
    assertThat(((TaskQueryImpl) filterService.getFilter(overdue.getId()).getQuery())
        .getExpressions()).containsKey("taskAssignee");
    TaskQueryImpl offered = filterService.getFilter(group.getId()).getQuery();
    assertThat(offered.getExpressions()).containsKey("taskCandidateUser");
    assertThat(offered.isIncludeAssignedTasks()).as("taken tasks left out").isFalse();
    try (Connection connection = dataSource.getConnection()) {
      assertThat(indexes(connection, "ACT_RU_AUTHORIZATION")).anyMatch("DRIVECARE_IDX_AUTH_USER"::equalsIgnoreCase);
    }
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

  /**
   * The engine's authorization manager no longer reads every group that holds an authorization before
   * each command (a scan of all authorization rows, one per assigned task and person): it takes the
   * agent's groups as they are — and what he sees is the same, whether or not a group of his holds
   * anything.
   */
  @Test
  void theAuthorizationCheckTakesTheAgentsGroupsAsTheyAreAndSeesTheSame() {
    String region = testData.freshRegion();
    String owner = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, region, null);
    String colleague = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, region, null);
    String mine = taskOf(worklist.retentionCall("TV4", owner, region, Instant.now().plus(1, ChronoUnit.DAYS)));
    String theirs = taskOf(worklist.retentionCall("TV4", colleague, region, Instant.now().plus(1, ChronoUnit.DAYS)));
    String noRights = TestData.unique("no-rights");

    List<String> groups = processEngineConfiguration.getCommandExecutorTxRequired().execute(context ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of(Groups.CASE_OWNERS, noRights)));
    assertThat(groups).as("no query of every group with an authorization").containsExactlyInAnyOrder(
        Groups.CASE_OWNERS, noRights);

    for (List<String> his : List.of(List.of(Groups.CASE_OWNERS), List.of(Groups.CASE_OWNERS, noRights))) {
      identityService.setAuthentication(owner, his);
      try {
        assertThat(taskService.createTaskQuery().taskIdIn(mine, theirs).list()).extracting(Task::getId)
            .as("with groups %s", his).containsExactly(mine);
      } finally {
        identityService.clearAuthentication();
      }
    }
  }

  private String taskOf(String processInstanceId) {
    instances.add(processInstanceId);
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  private List<String> listed(String userId, String filterName) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
    identityService.setAuthentication(userId, groups);
    try {
      String filterId = filterService.createTaskFilterQuery().filterName(filterName).singleResult().getId();
      return filterService.<Task>list(filterId).stream().map(Task::getId).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static List<String> indexes(Connection connection, String table) throws Exception {
    List<String> names = new ArrayList<>();
    for (String name : List.of(table, table.toLowerCase())) {
      try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, name, false, true)) {
        while (rs.next()) {
          names.add(rs.getString("INDEX_NAME"));
        }
      }
    }
    return names;
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
