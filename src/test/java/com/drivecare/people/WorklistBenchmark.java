package com.drivecare.people;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.TasklistQueries;
import com.drivecare.TestData;
import com.drivecare.Worklist;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The worklist benchmark — figures, not a pass/fail test. Run it with
 * {@code mvn -Pbenchmark,postgres verify -Dtest=WorklistBenchmark [-Dbenchmark.tasks=10000,100000]}. For each N
 * it creates (more) open tasks up to N across three regions in the shapes the journeys create them (per
 * 100: 60 retention calls assigned to case owners, 32 − S recall repairs assigned to service advisors,
 * S "find owner" tasks offered to the recall coordinators, 4 recall follow-ups and 4 service-case reviews
 * offered to customer relations), each agent with a realistic personal workload. S is
 * {@code -DownerSearches}, 4 by default: a national recall of 2,000,000 vehicles with 2 % of owners
 * unknown is 40,000 owner searches, 4 % of a million open tasks; {@code -DownerSearches=20} is the
 * stress mix of the earlier runs (the team offered 200,000 tasks at N = 1,000,000). Then it logs in to Tasklist as a case
 * owner, a service advisor, a recall coordinator, customer relations and the administrator, replays
 * Tasklist's own requests and prints p50 / p95 / max per request. With {@code -Dreuse=TAG} (the tag of an
 * earlier run, in its agents' names) it creates nothing and measures the open tasks that run left.
 */
@DrivecareTest
class WorklistBenchmark {

  /** Open tasks per case owner and per advisor: what one person has on his desk. */
  static final int PERSONAL_WORKLOAD = 150;
  static final int ROUNDS = 20;
  static final int WARM_UP = 3;
  /** Tasks created through the engine, in every shape, region and slot, before the rest are cloned from them. */
  static final int TEMPLATES = 600;
  /** Of every 100 open tasks, how many are owner searches offered to the recall coordinators. */
  static final int OWNER_SEARCHES = Integer.getInteger("ownerSearches", 4);
  /** The first slot (of 100) of the owner searches: before it the repairs, after it customer relations' tasks. */
  static final int FIRST_OWNER_SEARCH = 92 - OWNER_SEARCHES;

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired Worklist worklist;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired FilterService filterService;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired AuthorizationService authorizationService;
  private final TaskCloner cloner = new TaskCloner();
  /** The process instances of the first {@link #TEMPLATES} tasks, in order. */
  private final List<String> templates = new ArrayList<>();
  private String coordinatorId;

  @Test
  void worklist() {
    List<Integer> stages = Arrays.stream(System.getProperty("tasks", "10000").split(","))
        .map(String::trim).map(Integer::valueOf).sorted().toList();
    // -Dreuse=TAG measures again the open tasks an earlier run (its tag) left in the database
    String reuse = System.getProperty("reuse", "");
    String tag = reuse.isBlank() ? TestData.unique("").substring(1, 7).toUpperCase() : reuse;
    String campaign = "WB-" + tag;
    List<String> regions = List.of(TestData.FR, TestData.NA, testData.freshRegion());
    String owner = testData.staff("owner-" + tag, Groups.CASE_OWNERS, TestData.FR, null);
    String advisor = testData.staff("advisor-" + tag, Groups.SERVICE_ADVISORS, TestData.FR, null);
    String coordinator = testData.staff("rita-" + tag, Groups.RECALL_COORDINATORS, null, null);
    coordinatorId = coordinator;
    cloner.connect(dataSource, transaction);
    String relations = testData.staff("clara-" + tag, Groups.CUSTOMER_RELATIONS, null, null);
    String admin = "test-admin";

    if (!reuse.isBlank()) {
      measure((int) taskService.createTaskQuery().count(), tag, owner, advisor, coordinator, relations, admin);
      return;
    }
    Instant now = Instant.now();
    int created = 0;
    for (int n : stages) {
      created = create(created, n, tag, campaign, regions, owner, advisor, now);
      measure(n, tag, owner, advisor, coordinator, relations, admin);
    }
  }

  /**
   * Creates open tasks number {@code from} to {@code n} (exclusive); answers {@code n}. The first
   * {@link #TEMPLATES} go through the engine; on PostgreSQL the rest are clones of them
   * ({@link TaskCloner}), elsewhere (or with {@code -Dclone=false}) they go through the engine too.
   */
  private int create(int from0, int n, String tag, String campaign, List<String> regions, String owner, String advisor,
      Instant now) {
    log("Creating open tasks %,d to %,d…", from0, n);
    Instant start = Instant.now();
    boolean clone = cloner.available() && Boolean.parseBoolean(System.getProperty("clone", "true"));
    int byEngine = clone ? Math.max(from0, Math.min(n, TEMPLATES)) : n;
    createThroughEngine(from0, byEngine, tag, campaign, regions, owner, advisor, now);
    if (byEngine < n) {
      cloner.cloneTasks(templates, byEngine, n, tag, regions);
      verifyClones(byEngine, n, tag, regions, owner);
    }
    log("Created %,d open tasks in %.0f s (%.0f per second); %,d open tasks in the database",
        n - from0, seconds(start), (n - from0) / seconds(start), taskService.createTaskQuery().count());
    if (Boolean.parseBoolean(System.getProperty("analyze", "true")) && cloner.available()) {
      // what autovacuum does within a minute of a bulk change in production (it is off on the test server)
      jdbc.sql("analyze").update();
      log("Analysed");
    }
    return n;
  }

  private void createThroughEngine(int from0, int n, String tag, String campaign, List<String> regions, String owner,
      String advisor, Instant now) {
    Instant start = Instant.now();
    int batch = 500;
    for (int from = from0; from < n; from += batch) {
      int first = from;
      transaction.executeWithoutResult(s -> {
        for (int i = first; i < Math.min(n, first + batch); i++) {
          String region = regions.get(i % 3);
          int slot = i % 100;
          int person = i / 100 * 60 / PERSONAL_WORKLOAD; // agents of the region, each with his workload
          String instance;
          if (slot < 60) {
            String caller = region.equals(TestData.FR) && person == 0 ? owner : TaskCloner.agent("owner", tag, region, person);
            instance = worklist.retentionCall("RES-" + tag, caller, region, now.plus(i % 4 == 0 ? -2 : 20, ChronoUnit.HOURS));
          } else if (slot < FIRST_OWNER_SEARCH) {
            String who = region.equals(TestData.FR) && person == 0 ? advisor : TaskCloner.agent("advisor", tag, region, person);
            instance = worklist.remedy(campaign, who, region, now.plus(3, ChronoUnit.DAYS));
          } else if (slot < 92) {
            instance = worklist.findOwner(campaign, region);
          } else if (slot < 96) {
            instance = worklist.recallFollowUp(campaign, region);
          } else {
            instance = worklist.managementReview("SC-" + tag, region);
          }
          storeCardVariables(instance);
          if (i < TEMPLATES) {
            templates.add(instance);
          }
        }
      });
      if ((from / batch) % 20 == 19) {
        log("  %,d tasks, %.0f per second", from + batch, (from + batch - from0) / seconds(start));
      }
    }
    if (n > from0) {
      log("  %,d tasks through the engine, %.0f per second", n - from0, (n - from0) / seconds(start));
    }
  }

  /**
   * What a journey's task gets when created ({@code contact.CaseTaskVariables#store}) and Tasklist's
   * cards show and its search finds: {@link Worklist} starts the task without custom listeners.
   */
  private void storeCardVariables(String instance) {
    String taskId = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("customerName", runtimeService.getVariable(instance, "customerName"));
    variables.put("caseNumber", runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey());
    variables.put("vehicle", String.valueOf(runtimeService.getVariables(instance).getOrDefault("vin", "")));
    variables.put("cardFact", "Due in 2 days");
    taskService.setVariablesLocal(taskId, variables);
  }

  /**
   * A clone is a task like the others: the one that continues template 0 (a retention call) is
   * assigned to a case owner of its region, who alone of the agents holds its authorization; the one
   * that continues the first owner search template is offered to the recall coordinators and not to a
   * case owner; both open with their form and variables in Tasklist. Fails the run otherwise.
   */
  private void verifyClones(int from, int n, String tag, List<String> regions, String owner) {
    int call = from + Math.floorMod(0 - from, TEMPLATES);
    int search = from + Math.floorMod(FIRST_OWNER_SEARCH - from, TEMPLATES);
    if (search >= n || call >= n) {
      return;
    }
    var callTask = taskService.createTaskQuery().processInstanceId(cloner.cloneOf(templates.get(0), call)).singleResult();
    String expected = TaskCloner.agent("owner", tag, regions.get(call % 3), call / 100 * 60 / PERSONAL_WORKLOAD);
    check(callTask != null && expected.equals(callTask.getAssignee()), "clone " + call + " is assigned to " + expected);
    check(taskService.createTaskQuery().taskId(callTask.getId()).processVariableValueEquals("customerName",
        taskService.getVariable(callTask.getId(), "customerName")).count() == 1, "clone " + call + " is found by its customer");
    check(authorizationService.isUserAuthorized(expected, List.of(), Permissions.READ, Resources.TASK, callTask.getId()),
        "the clone's case owner reads it");
    check(!authorizationService.isUserAuthorized(owner, List.of(Groups.CASE_OWNERS), Permissions.READ, Resources.TASK,
        callTask.getId()), "another case owner does not read the clone");

    var searchTask = taskService.createTaskQuery().processInstanceId(cloner.cloneOf(templates.get(FIRST_OWNER_SEARCH), search)).singleResult();
    check(searchTask != null && "Task_FindOwner".equals(searchTask.getTaskDefinitionKey()), "clone " + search + " is an owner search");
    check(taskService.createTaskQuery().taskId(searchTask.getId()).taskCandidateGroup(Groups.RECALL_COORDINATORS).count() == 1,
        "the clone is offered to the recall coordinators");
    TasklistQueries coordinator = TasklistQueries.login(port, coordinatorId, TestData.password(coordinatorId));
    for (String path : List.of("", "/deployed-form", "/form-variables")) {
      Api.Response response = coordinator.get("/task/" + searchTask.getId() + path);
      check(response.status() == 200, "the coordinator opens the clone's " + path + ": " + response.status());
    }
    check(coordinator.get("/task/" + searchTask.getId() + "/form-variables").body()
        .contains(String.valueOf(taskService.getVariable(searchTask.getId(), "customerName"))), "the clone's form shows its customer");
    TasklistQueries caseOwner = TasklistQueries.login(port, owner, TestData.password(owner));
    check(caseOwner.get("/task/" + searchTask.getId()).status() != 200, "a case owner cannot open the clone");
    log("Clones %,d and %,d checked: assigned, offered, authorized and opened like the engine's tasks", call, search);
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("Cloned tasks are not like the engine's: " + what);
    }
  }

  private void measure(int n, String tag, String owner, String advisor, String coordinator, String relations,
      String admin) {

    Map<String, String> agents = new LinkedHashMap<>();
    agents.put("case owner", owner);
    agents.put("service advisor", advisor);
    agents.put("recall coordinator", coordinator);
    agents.put("customer relations", relations);
    agents.put("admin", admin);
    String[] filterIds = {
        filterId(OrganisationSetup.FILTER_MY_TASKS), filterId(OrganisationSetup.FILTER_GROUP_TASKS),
        filterId(OrganisationSetup.FILTER_OVERDUE)};
    // a fragment of one owner's name, as an agent types it: the last nine characters of a customer's name
    var ownerSearch = taskService.createTaskQuery().taskDefinitionKey("Task_FindOwner").listPage(0, 1).get(0);
    String customer = String.valueOf(taskService.getVariable(ownerSearch.getId(), "customerName"));
    String likeValue = "%" + customer.substring(Math.max(0, customer.length() - 9)) + "%";
    System.out.printf("%n| N = %,d open tasks | agent | p50 ms | p95 ms | max ms | rows |%n| --- | --- | ---: | ---: | ---: | ---: |%n", n);
    agents.forEach((role, user) -> {
      TasklistQueries tasklist = TasklistQueries.login(port, user, user.equals(admin) ? "test-admin-secret" : TestData.password(user));
      String taskId = firstTask(tasklist, filterIds);
      Map<String, Supplier<Api.Response>> requests = new LinkedHashMap<>();
      if (user.equals(admin)) {
        // the recall coordinator's lists, asked by the administrator (no authorization check) as plain queries
        String page = "/task?firstResult=0&maxResults=15";
        requests.put("coordinator's My group's tasks (hal+json)", () -> tasklist.post(page,
            search("candidateUser", coordinator, "includeAssignedTasks", true)));
        requests.put("coordinator's My group's tasks count", () -> tasklist.post("/task/count",
            Map.of("candidateUser", coordinator, "includeAssignedTasks", true)));
        requests.put("task/count?candidateUser (coordinator)", () -> tasklist.get("/task/count?candidateUser=" + coordinator));
        requests.put("task?candidateUser&maxResults=15&sortBy=created (coordinator)", () ->
            tasklist.get("/task?candidateUser=" + coordinator + "&maxResults=15&sortBy=created&sortOrder=desc"));
        requests.put("search by customer in the coordinator's group tasks", () -> tasklist.post(page,
            search("candidateUser", coordinator, "processVariables", List.of(Map.of("name", "customerName",
                "operator", "eq", "value", "Customer 1A")))));
      }
      requests.put("filters with counts", () -> tasklist.get("/filter?resourceType=Task&itemCount=true"));
      requests.put("My tasks (hal+json)", () -> tasklist.post("/filter/" + filterIds[0] + "/list?firstResult=0&maxResults=15", page()));
      requests.put("My group's tasks (hal+json)", () -> tasklist.post("/filter/" + filterIds[1] + "/list?firstResult=0&maxResults=15", page()));
      requests.put("My group's tasks count", () -> tasklist.get("/filter/" + filterIds[1] + "/count"));
      requests.put("Overdue (hal+json)", () -> tasklist.post("/filter/" + filterIds[2] + "/list?firstResult=0&maxResults=15", page()));
      requests.put("task/count?candidateUser", () -> tasklist.get("/task/count?candidateUser=" + user));
      requests.put("task?candidateUser&maxResults=15&sortBy=created", () ->
          tasklist.get("/task?candidateUser=" + user + "&maxResults=15&sortBy=created&sortOrder=desc"));
      requests.put("search by customer in My group's tasks", () -> tasklist.post("/filter/" + filterIds[1]
          + "/list?firstResult=0&maxResults=15", search("processVariables", List.of(Map.of("name", "customerName",
              "operator", "eq", "value", "Customer 1A")))));
      requests.put("search by customer (task variable) in My group's tasks", () -> tasklist.post("/filter/"
          + filterIds[1] + "/list?firstResult=0&maxResults=15", search("taskVariables", List.of(Map.of("name",
              "customerName", "operator", "eq", "value", "Customer 1A")))));
      // what Tasklist sends for the search pill "customerName like 1A": the value wrapped in % … %
      requests.put("search by customer, like, in My group's tasks", () -> tasklist.post("/filter/" + filterIds[1]
          + "/list?firstResult=0&maxResults=15", search("processVariables", List.of(Map.of("name", "customerName",
              "operator", "like", "value", likeValue)))));
      requests.put("search by case in My tasks", () -> tasklist.post("/filter/" + filterIds[0]
          + "/list?firstResult=0&maxResults=15", search("processInstanceBusinessKeyLike", "RES-" + tag + "-1%")));
      if (taskId != null) {
        requests.put("a task, its form and variables", () -> {
          tasklist.get("/task/" + taskId);
          tasklist.get("/task/" + taskId + "/deployed-form");
          return tasklist.get("/task/" + taskId + "/form-variables");
        });
      }
      requests.forEach((name, request) -> {
        long[] millis = new long[ROUNDS];
        int rows = 0;
        for (int round = -WARM_UP; round < ROUNDS; round++) {
          long t0 = System.nanoTime();
          Api.Response response = request.get();
          long elapsed = (System.nanoTime() - t0) / 1_000_000;
          if (response.status() != 200) {
            throw new IllegalStateException(role + " " + name + ": " + response.status() + " " + response.body());
          }
          if (round >= 0) {
            millis[round] = elapsed;
            rows = rows(response);
          }
        }
        Arrays.sort(millis);
        System.out.printf("| %s | %s | %d | %d | %d | %s |%n", name, role, millis[ROUNDS / 2],
            millis[(int) Math.ceil(ROUNDS * 0.95) - 1], millis[ROUNDS - 1], rows < 0 ? "" : String.format("%,d", rows));
      });
    });
  }

  private String firstTask(TasklistQueries tasklist, String[] filterIds) {
    for (String filterId : List.of(filterIds[0], filterIds[1])) {
      var json = tasklist.post("/filter/" + filterId + "/list?firstResult=0&maxResults=1", page()).json();
      var list = json.path("_embedded").path("task");
      if (list.size() > 0) {
        return list.get(0).get("id").asText();
      }
    }
    return null;
  }

  private static int rows(Api.Response response) {
    var json = response.json();
    if (json.has("count")) {
      return json.get("count").asInt();
    }
    if (json.has("_embedded")) {
      return json.has("count") ? json.get("count").asInt() : json.path("_embedded").path("task").size();
    }
    return json.isArray() ? json.size() : -1;
  }

  /** The body Tasklist sends for a page of a filter: newest first. */
  private static Map<String, Object> page() {
    return search();
  }

  /** Tasklist's body, with criteria added as name, value, name, value… */
  private static Map<String, Object> search(Object... criteria) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("processVariables", List.of());
    body.put("taskVariables", List.of());
    body.put("caseInstanceVariables", List.of());
    body.put("orQueries", List.of());
    body.put("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
    for (int i = 0; i < criteria.length; i += 2) {
      body.put((String) criteria[i], criteria[i + 1]);
    }
    return body;
  }

  private String filterId(String name) {
    return filterService.createTaskFilterQuery().filterName(name).singleResult().getId();
  }

  private static double seconds(Instant since) {
    return Math.max(0.001, Duration.between(since, Instant.now()).toMillis() / 1000.0);
  }

  private static void log(String format, Object... args) {
    System.out.printf("[worklist] " + format + "%n", args);
  }
}
