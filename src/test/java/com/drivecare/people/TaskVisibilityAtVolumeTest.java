package com.drivecare.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.TasklistQueries;
import com.drivecare.TestData;
import com.drivecare.Worklist;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Thousands of open tasks across three regions, in the shapes the journeys create them. Every agent
 * of the organisation sees, through the engine's REST API and through Tasklist's own API, exactly the
 * tasks his assignment and his team give him — in every filter and count — and nothing of another
 * region: no task, no variable, no history.
 */
@DrivecareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskVisibilityAtVolumeTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired Worklist worklist;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired TransactionTemplate transaction;

  /** One open task of the test: its instance, journey, region and the person it is assigned to. */
  record Open(String taskId, String instanceId, String journey, String region, String assignee, boolean overdue,
      String candidateGroup) {}

  final Map<String, String> agentRegion = new LinkedHashMap<>();
  final Map<String, String> agentGroup = new HashMap<>();
  final List<Open> tasks = new ArrayList<>();
  String tag;
  String coordinator;
  String relations;
  Map<String, String> filterIds;

  @BeforeAll
  void createOrganisationAndWork() {
    tag = ("V" + TestData.unique("").substring(1, 8)).toUpperCase();
    String campaign = tag;
    Instant now = Instant.now();
    List<String> regions = List.of(TestData.FR, TestData.NA, testData.freshRegion());
    coordinator = staff(TestData.unique("rita"), Groups.RECALL_COORDINATORS, null);
    relations = staff(TestData.unique("clara"), Groups.CUSTOMER_RELATIONS, null);
    Map<String, String[]> kinds = new HashMap<>();
    for (String region : regions) {
      String manager = staff(TestData.unique("manager"), Groups.MANAGERS, region);
      String advisor = staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, region);
      List<String> owners = List.of(staff(TestData.unique("owner"), Groups.CASE_OWNERS, region),
          staff(TestData.unique("owner"), Groups.CASE_OWNERS, region));
      transaction.executeWithoutResult(s -> {
        for (int i = 0; i < 120; i++) {
          for (String owner : owners) {
            boolean late = i % 3 == 0;
            kinds.put(worklist.retentionCall(tag, owner, region, now.plus(late ? -2 : 2, ChronoUnit.HOURS)),
                new String[] {"reservation-retention", region, owner, String.valueOf(late), null});
          }
        }
        for (int i = 0; i < 50; i++) {
          kinds.put(worklist.retentionCall(tag, manager, region, now.plus(1, ChronoUnit.DAYS)),
              new String[] {"reservation-retention", region, manager, "false", null});
          kinds.put(worklist.remedy(campaign, advisor, region, now.plus(3, ChronoUnit.DAYS)),
              new String[] {"recall-remedy", region, advisor, "false", null});
          kinds.put(worklist.recallFollowUp(campaign, region),
              new String[] {"recall-remedy", region, null, "false", Groups.CUSTOMER_RELATIONS});
          kinds.put(worklist.managementReview(tag, region),
              new String[] {"service-case", region, null, "false", Groups.CUSTOMER_RELATIONS});
        }
        for (int i = 0; i < 230; i++) {
          kinds.put(worklist.findOwner(campaign, region),
              new String[] {"recall-remedy", region, null, "false", Groups.RECALL_COORDINATORS});
        }
      });
    }
    List<String> ids = new ArrayList<>(kinds.keySet());
    for (int from = 0; from < ids.size(); from += 500) {
      for (Task task : taskService.createTaskQuery()
          .processInstanceIdIn(ids.subList(from, Math.min(ids.size(), from + 500)).toArray(String[]::new)).list()) {
        String[] k = kinds.get(task.getProcessInstanceId());
        tasks.add(new Open(task.getId(), task.getProcessInstanceId(), k[0], k[1], k[2], Boolean.parseBoolean(k[3]), k[4]));
      }
    }
    // each national team has taken some of its work: in the taker's "My tasks", no longer in "My group's tasks"
    for (String team : List.of(Groups.RECALL_COORDINATORS, Groups.CUSTOMER_RELATIONS)) {
      String taker = team.equals(Groups.RECALL_COORDINATORS) ? coordinator : relations;
      List<Open> offered = tasks.stream().filter(t -> team.equals(t.candidateGroup())).limit(7).toList();
      for (Open t : offered) {
        taskService.claim(t.taskId(), taker);
        tasks.set(tasks.indexOf(t), new Open(t.taskId(), t.instanceId(), t.journey(), t.region(), taker, false, team));
      }
    }
    filterIds = filterService.createTaskFilterQuery().list().stream()
        .collect(Collectors.toMap(f -> f.getName(), f -> f.getId(), (a, b) -> a));
  }

  @AfterAll
  void removeWork() {
    runtimeService.deleteProcessInstancesIfExists(tasks.stream().map(Open::instanceId).distinct().toList(),
        "test over", true, true, true);
  }

  @Test
  void thereAreThousandsOfTasksAcrossThreeRegions() {
    assertThat(tasks).hasSizeGreaterThan(2_000);
    assertThat(tasks.stream().map(Open::region).distinct()).hasSize(3);
  }

  @Test
  void everyAgentSeesExactlyHisWorkInEveryFilterAndCountThroughTheEngineApi() {
    for (String agent : agentRegion.keySet()) {
      Api api = Api.at(port).basic(agent, TestData.password(agent));
      Set<String> seen = ids(api.post("/engine-rest/task", ours()));
      Set<String> extra = new HashSet<>(seen);
      extra.removeAll(expected(agent, t -> true));
      assertThat(seen).as("tasks %s sees; extra: %s", agent, extra.stream().limit(5).map(id -> {
        Task t = taskService.createTaskQuery().taskId(id).singleResult();
        return t == null ? id + " (gone)" : id + " " + t.getProcessDefinitionId() + " " + t.getTaskDefinitionKey() + " "
            + t.getAssignee() + " " + runtimeService.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
            .singleResult().getBusinessKey();
      }).toList()).isEqualTo(expected(agent, t -> true));
      assertThat(api.post("/engine-rest/task/count", ours()).json().get("count").asInt())
          .as("count of %s", agent).isEqualTo(expected(agent, t -> true).size());
      assertFilters(agent, (filter, body) -> api.post("/engine-rest/filter/" + filter + "/list", body),
          filter -> api.post("/engine-rest/filter/" + filter + "/count", ours()));
      // Tasklist's first request: the filters with their counts (over all open tasks, the other tests' too)
      JsonNode withCounts = api.get("/engine-rest/filter?resourceType=Task&itemCount=true").json();
      assertThat(withCounts.findValuesAsText("name")).contains(OrganisationSetup.FILTER_MY_TASKS,
          OrganisationSetup.FILTER_GROUP_TASKS, OrganisationSetup.FILTER_OVERDUE);
    }
  }

  @Test
  void tasklistsOwnApiShowsEachAgentTheSame() {
    for (String agent : agentRegion.keySet()) {
      TasklistQueries tasklist = TasklistQueries.login(port, agent, TestData.password(agent));
      assertThat(ids(tasklist.post("/task", ours()))).as("Tasklist of %s", agent).isEqualTo(expected(agent, t -> true));
      assertFilters(agent, (filter, body) -> tasklist.post("/filter/" + filter + "/list", body),
          filter -> tasklist.post("/filter/" + filter + "/count", ours()));
    }
  }

  @Test
  void noRegionalAgentReachesAnotherRegionsTaskVariablesOrHistory() {
    for (String agent : agentRegion.keySet()) {
      String region = agentRegion.get(agent);
      if (region == null) {
        continue;
      }
      Api api = Api.at(port).basic(agent, TestData.password(agent));
      TasklistQueries tasklist = TasklistQueries.login(port, agent, TestData.password(agent));
      List<Open> elsewhere = tasks.stream().filter(t -> !t.region().equals(region)).toList();
      for (Open other : List.of(elsewhere.get(0), elsewhere.get(elsewhere.size() / 2), elsewhere.get(elsewhere.size() - 1))) {
        for (String path : List.of("/task/" + other.taskId(), "/task/" + other.taskId() + "/variables",
            "/task/" + other.taskId() + "/form-variables", "/process-instance/" + other.instanceId(),
            "/process-instance/" + other.instanceId() + "/variables")) {
          assertThat(api.get("/engine-rest" + path).status()).as("%s GET %s", agent, path).isIn(403, 404);
          assertThat(tasklist.get(path).status()).as("%s in Tasklist GET %s", agent, path).isIn(403, 404);
        }
        for (String path : List.of("/variable-instance?processInstanceIdIn=" + other.instanceId(),
            "/history/task?processInstanceId=" + other.instanceId(),
            "/history/variable-instance?processInstanceId=" + other.instanceId(),
            "/history/process-instance?processInstanceIds=" + other.instanceId(),
            "/history/activity-instance?processInstanceId=" + other.instanceId(),
            "/process-instance?processInstanceIds=" + other.instanceId())) {
          var answer = api.get("/engine-rest" + path);
          assertThat(answer.status()).as("%s GET %s", agent, path).isEqualTo(200);
          assertThat(answer.json()).as("%s GET %s", agent, path).isEmpty();
        }
      }
    }
  }

  private void assertFilters(String agent, BiFunction<String, Object, Api.Response> list,
      Function<String, Api.Response> count) {
    Map<String, Predicate<Open>> filters = Map.of(
        OrganisationSetup.FILTER_MY_TASKS, t -> agent.equals(t.assignee()),
        OrganisationSetup.FILTER_GROUP_TASKS, t -> agentGroup.get(agent).equals(t.candidateGroup()) && t.assignee() == null,
        OrganisationSetup.FILTER_OVERDUE, t -> agent.equals(t.assignee()) && t.overdue());
    filters.forEach((name, shows) -> {
      Set<String> expected = expected(agent, shows);
      assertThat(ids(list.apply(filterIds.get(name), ours()))).as("%s: %s", agent, name).isEqualTo(expected);
      assertThat(count.apply(filterIds.get(name)).json().get("count").asInt()).as("%s: count of %s", agent, name)
          .isEqualTo(expected.size());
    });
  }

  /** What {@code agent} may see of the test's tasks, narrowed by a filter's own criteria. */
  private Set<String> expected(String agent, Predicate<Open> filter) {
    Predicate<Open> visible;
    if (agent.equals(coordinator)) {
      // a national team reads every task of the journeys that offer it work (docs/tasklist-visibility.md)
      visible = t -> Groups.worksAcrossJourney(Groups.RECALL_COORDINATORS, t.journey());
    } else if (agent.equals(relations)) {
      visible = t -> Groups.worksAcrossJourney(Groups.CUSTOMER_RELATIONS, t.journey());
    } else {
      visible = t -> agent.equals(t.assignee());
    }
    return tasks.stream().filter(visible).filter(filter).map(Open::taskId).collect(Collectors.toSet());
  }

  /** The test's own tasks (their business keys start with its tag): other tests share the database. */
  private Map<String, Object> ours() {
    return Map.of("processInstanceBusinessKeyLike", tag + "%");
  }

  private static Set<String> ids(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode json = response.json();
    // Tasklist asks for hal+json: the tasks are embedded, and absent when there are none
    JsonNode list = json.has("_embedded") ? json.get("_embedded").path("task") : json;
    Set<String> ids = new HashSet<>();
    list.forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  private String staff(String userId, String group, String region) {
    testData.staff(userId, group, region, null);
    agentRegion.put(userId, region);
    agentGroup.put(userId, group);
    return userId;
  }
}
