package com.drivecare.people;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Brings the engine's identity side to what Drivecare needs, in every profile and idempotently:
 * the staff groups and their rights in Tasklist, the shared task filters, and the administrator
 * named by {@code DRIVECARE_ADMIN_USER} / {@code DRIVECARE_ADMIN_PASSWORD} (created, or its password
 * and membership brought up to date). It also brings an existing database to the task rights model
 * of docs/tasklist-visibility.md: national teams' rights per journey instead of per task, and the
 * indexes the engine's authorization check and Tasklist's search need.
 */
@Component
public class OrganisationSetup {

  static final String FILTER_MY_TASKS = "My tasks";
  static final String FILTER_GROUP_TASKS = "My group's tasks";
  static final String FILTER_OVERDUE = "Overdue";

  /**
   * What every task card of the shared filters shows, and what Tasklist's search finds as a task
   * variable ("Task Variable customerName like James"): set on every task by the case's journey
   * (see {@code contact.CaseTaskVariables}).
   */
  static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", "customerName", "label", "Customer"),
      Map.of("name", "caseNumber", "label", "Case"),
      Map.of("name", "cardFact", "label", "Why now"),
      Map.of("name", "vehicle", "label", "Vehicle"));

  /**
   * The card variables agents find a case by — a customer's name, a case number, a vehicle — with
   * any of Tasklist's operators, "like" included: on PostgreSQL their values are indexed by trigram.
   */
  static final List<String> SEARCHED_VARIABLES = List.of("customerName", "caseNumber", "vehicle");

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationSetup.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final JdbcClient jdbc;
  private final String tablePrefix;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final String adminUser;
  private final String adminPassword;

  OrganisationSetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, DataSource dataSource,
      ProcessEngineConfigurationImpl engineConfiguration,
      @Value("${drivecare.admin.user:}") String adminUser,
      @Value("${drivecare.admin.password:}") String adminPassword) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    // its own client, without the application's query timeout (30 s): on a large existing database
    // building an index or removing per-task rows at the first start of a version takes longer
    this.jdbc = JdbcClient.create(dataSource);
    this.tablePrefix = engineConfiguration.getDatabaseTablePrefix() == null ? "" : engineConfiguration.getDatabaseTablePrefix();
    this.engineConfiguration = engineConfiguration;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(0)
  public void onEngineReady() {
    ensureAdministrators();
    Groups.STAFF.forEach(g -> ensureStaffGroup(g.id(), g.name()));
    Groups.TEAM_JOURNEYS.forEach(this::ensureTeamJourneyRights);
    ensureAuthorizationIndex();
    ensureVariableValueIndex();
    ensureVariableFragmentIndexes();
    ensureFilters();
    ensureAdminUser();
  }

  private void ensureAdministrators() {
    ensureGroup(Groups.ADMINS, "Administrators", org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM);
    for (Resource resource : Resources.values()) {
      grant(Groups.ADMINS, resource, ANY, Permissions.ALL);
    }
  }

  private void ensureStaffGroup(String id, String name) {
    ensureGroup(id, name, org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
    grant(id, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // Tasklist names the process of a task, lets agents pick colleagues when they delegate, and
    // shows the decisions behind a task.
    grant(id, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    grant(id, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(id, Resources.USER, ANY, Permissions.READ);
    grant(id, Resources.GROUP, ANY, Permissions.READ);
  }

  /**
   * A national team reads and works every task of the journeys that offer it work: one grant per
   * journey. Rows per task that an older Drivecare (or the engine's default) wrote for the team on
   * tasks of these journeys are removed: they granted nothing more and slowed every query of the team.
   */
  private void ensureTeamJourneyRights(String groupId, List<String> processKeys) {
    for (String processKey : processKeys) {
      grant(groupId, Resources.PROCESS_DEFINITION, processKey, Permissions.READ_TASK);
      grant(groupId, Resources.PROCESS_DEFINITION, processKey, Permissions.TASK_WORK);
      int removed = jdbc.sql("delete from " + tablePrefix + "ACT_RU_AUTHORIZATION where TYPE_ = ? and GROUP_ID_ = ?"
          + " and RESOURCE_TYPE_ = ? and RESOURCE_ID_ in (select T.ID_ from " + tablePrefix + "ACT_RU_TASK T join "
          + tablePrefix + "ACT_RE_PROCDEF D on T.PROC_DEF_ID_ = D.ID_ where D.KEY_ = ?)")
          .params(AUTH_TYPE_GRANT, groupId, Resources.TASK.resourceType(), processKey)
          .update();
      if (removed > 0) {
        LOG.info("Group {} now holds its rights on {} tasks per journey: removed {} per-task authorizations",
            groupId, processKey, removed);
      }
    }
  }

  /**
   * The engine's task query joins the authorizations of the user ({@code USER_ID_}) or of his groups
   * ({@code GROUP_ID_}, indexed by the engine). The engine's own indexes on user rows start with
   * {@code TYPE_}, so without this one the user part is a scan of every authorization in the database:
   * a cost that grows with everybody else's tasks.
   */
  private void ensureAuthorizationIndex() {
    jdbc.sql("create index if not exists DRIVECARE_IDX_AUTH_USER on " + tablePrefix
        + "ACT_RU_AUTHORIZATION (USER_ID_, TYPE_, RESOURCE_TYPE_)").update();
  }

  /**
   * Tasklist's search by a variable's value ("customerName = …") is an {@code EXISTS} on
   * {@code ACT_RU_VARIABLE} by name and {@code TEXT_}; the engine indexes variables only by task,
   * execution and process instance, so without this index the search reads that variable of every
   * open task, whoever may see it (docs/tasklist-visibility.md). With it, the database finds the few
   * variables of that value first. On PostgreSQL it is a hash index: {@code TEXT_} holds up to 4,000 characters, more than a b-tree
   * entry may hold, and the search compares it with {@code =}.
   */
  private void ensureVariableValueIndex() {
    String method = "postgres".equals(engineConfiguration.getDatabaseType()) ? " using hash" : "";
    jdbc.sql("create index if not exists DRIVECARE_IDX_VAR_TEXT on " + tablePrefix + "ACT_RU_VARIABLE" + method
        + " (TEXT_)").update();
  }

  /**
   * Tasklist's search "customerName like Dup" is, in the engine's SQL, {@code TEXT_ LIKE '%Dup%'} (or
   * {@code UPPER(TEXT_) LIKE UPPER('%Dup%')} when the agent ignores case): no b-tree or hash index
   * serves a fragment, so without these the search reads the variable of every task the agent may
   * see — 1.7 to 4 s for a national team offered 200,000 tasks. On PostgreSQL, trigram indexes
   * ({@code pg_trgm}, a trusted extension the database owner may create) find the few variables that
   * hold the fragment first. They cover only {@link #SEARCHED_VARIABLES}, so the engine's other
   * variables (a dozen or more per journey) pay nothing for them. Without the right to create
   * the extension, Drivecare starts and says so; the search then works, unindexed.
   */
  private void ensureVariableFragmentIndexes() {
    if (!"postgres".equals(engineConfiguration.getDatabaseType())) {
      return;
    }
    try {
      jdbc.sql("create extension if not exists pg_trgm").update();
    } catch (DataAccessException e) {
      LOG.warn("Could not create the PostgreSQL extension pg_trgm ({}): Tasklist's search by a fragment of a"
          + " customer's name will read every visible task's variable. Ask the database owner to run"
          + " 'create extension pg_trgm' in this database.", e.getMostSpecificCause().getMessage());
      return;
    }
    String names = SEARCHED_VARIABLES.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    jdbc.sql("create index if not exists DRIVECARE_IDX_VAR_LIKE on " + tablePrefix + "ACT_RU_VARIABLE"
        + " using gin (TEXT_ gin_trgm_ops) where NAME_ in (" + names + ")").update();
    jdbc.sql("create index if not exists DRIVECARE_IDX_VAR_ILIKE on " + tablePrefix + "ACT_RU_VARIABLE"
        + " using gin (upper(TEXT_) gin_trgm_ops) where NAME_ in (" + names + ")").update();
  }

  private void ensureGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
      LOG.info("Created group {}", id);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .singleResult();
    Authorization authorization = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing != null && existing.isPermissionGranted(permission)) {
      return;
    }
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }

  private void ensureFilters() {
    ensureFilter(FILTER_MY_TASKS, -10, "Tasks assigned to me",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    // offered to me by name or to one of my groups, and not yet taken: the work to pick up (a task
    // taken is in its taker's "My tasks"). Every filter starts from the current user, so what it
    // costs depends on his tasks; this one reads only tasks nobody holds, never the regions' assigned
    // work, which is most of the open tasks (docs/tasklist-visibility.md)
    ensureFilter(FILTER_GROUP_TASKS, 0, "Tasks offered to me or my groups that nobody has taken yet",
        taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}"));
    ensureFilter(FILTER_OVERDUE, 10, "My tasks past their due date",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").dueBeforeExpression("${now()}"));
  }

  private void ensureFilter(String name, int priority, String description, TaskQuery query) {
    Filter filter = filterService.createTaskFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
      LOG.info("Created Tasklist filter '{}'", name);
    }
    // an existing filter is brought to the current definition (the shared filters are Drivecare's),
    // with the variables that show the case on every task card
    filter.setQuery(query).setProperties(Map.of("priority", priority, "description", description, "refresh", true,
        "variables", CARD_VARIABLES));
    filterService.saveFilter(filter);
    // every user may read the shared filters; what each filter shows is still limited by his rights
    if (authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(Resources.FILTER).resourceId(filter.getId()).count() == 0) {
      Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
      read.setUserId(ANY);
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(read);
    }
  }

  private void ensureAdminUser() {
    if (!StringUtils.hasText(adminUser)) {
      return;
    }
    if (!StringUtils.hasText(adminPassword)) {
      throw new IllegalStateException("DRIVECARE_ADMIN_USER is set but DRIVECARE_ADMIN_PASSWORD is empty");
    }
    User user = identityService.createUserQuery().userId(adminUser).singleResult();
    if (user == null) {
      user = identityService.newUser(adminUser);
      user.setFirstName("Drivecare");
      user.setLastName("Administrator");
      LOG.info("Creating administrator {}", adminUser);
    }
    user.setPassword(adminPassword);
    identityService.saveUser(user);
    if (identityService.createUserQuery().userId(adminUser).memberOfGroup(Groups.ADMINS).count() == 0) {
      identityService.createMembership(adminUser, Groups.ADMINS);
    }
    identityService.unlockUser(adminUser);
  }
}
