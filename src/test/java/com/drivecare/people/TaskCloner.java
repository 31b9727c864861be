package com.drivecare.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk open tasks for the worklist benchmark, on PostgreSQL: task number {@code i} is a copy of the
 * template task {@code i % templates}, made by the engine in its journey's shape, with every runtime
 * row of its process instance copied in SQL — executions, the task, its candidate links, process and
 * task variables, jobs, event subscriptions and the authorizations the engine wrote for the task or the
 * instance. Each copied id becomes {@code md5(id || '/' || i)} as a UUID, so the rows of one clone refer
 * to each other as the template's do. What makes a clone a task of its own changes with {@code i}: its
 * business key, customer, case number and vehicle (a suffix), and the agent of its region it is assigned to (the same
 * rule as the benchmark's, so everyone keeps his personal workload), in the task, in the variable that
 * names him and in his authorization row; its creation time is its own too. The columns are read from the database, so a column a newer
 * engine adds is copied as it is. History is not copied: clones are for reading, not for completing.
 */
class TaskCloner {

  /** Clones per transaction. */
  private static final int CHUNK = 10_000;
  /** Columns that hold the id of a row of the same process instance: they take the clone's id. */
  private static final Set<String> IDS = Set.of("ID_", "ROOT_PROC_INST_ID_", "PROC_INST_ID_", "PARENT_ID_", "SUPER_EXEC_",
      "EXECUTION_ID_", "TASK_ID_", "VAR_SCOPE_", "PROCESS_INSTANCE_ID_", "PARENT_TASK_ID_");
  /** Columns that name a person. */
  private static final Set<String> PEOPLE = Set.of("ASSIGNEE_", "OWNER_", "USER_ID_");
  /** The process instance's variables that are the customer's own. */
  private static final List<String> OWN_VALUES = List.of("customerName", "vin", "caseNumber", "vehicle");

  private JdbcClient jdbc;
  private TransactionTemplate transaction;
  private boolean postgres;

  /**
   * Works on {@code dataSource} in {@code transaction}, without the application's JDBC query timeout
   * (30 s): a batch of copies into tables of a million rows may take longer on a loaded machine.
   */
  void connect(DataSource dataSource, TransactionTemplate transaction) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transaction = transaction;
    this.postgres = jdbc.sql("select version()").query(String.class).single().contains("PostgreSQL");
  }

  boolean available() {
    return postgres;
  }

  /** The benchmark's name for person number {@code person} of a region among the case owners or advisors. */
  static String agent(String kind, String tag, String region, int person) {
    return kind + "-" + tag + "-" + region + "-" + person;
  }

  /** The id clone {@code i} gives to a row of template id {@code id}: {@code md5(id || '/' || i)::uuid}. */
  String cloneOf(String id, int i) {
    try {
      String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
          .digest((id + "/" + i).getBytes(StandardCharsets.UTF_8)));
      return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
          + hex.substring(16, 20) + "-" + hex.substring(20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Creates tasks number {@code from} to {@code to} (exclusive) as clones of {@code templates} (process
   * instance ids of tasks 0, 1, …; their number a multiple of 300, so a clone keeps its template's
   * slot and region).
   */
  void cloneTasks(List<String> templates, int from, int to, String tag, List<String> regions) {
    if (templates.isEmpty() || templates.size() % 300 != 0) {
      throw new IllegalArgumentException("templates: a multiple of 300, not " + templates.size());
    }
    Instant start = Instant.now();
    for (int first = from; first < to; first += CHUNK) {
      int last = Math.min(to, first + CHUNK);
      Map<String, Object> params = Map.of("templates", String.join(",", templates), "count", templates.size(),
          "first", first, "last", last - 1, "r0", regions.get(0), "r1", regions.get(1), "r2", regions.get(2),
          "workload", WorklistBenchmark.PERSONAL_WORKLOAD, "agents", "^(owner|advisor)-" + tag, "tag", tag);
      transaction.executeWithoutResult(status -> copyChunk(params));
      double seconds = Math.max(0.001, Duration.between(start, Instant.now()).toMillis() / 1000.0);
      System.out.printf("[worklist]   %,d tasks, cloned %.0f per second%n", last, (last - from) / seconds);
    }
  }

  private void copyChunk(Map<String, Object> params) {
    // a bulk load of rows consistent by construction: the foreign keys' row-by-row checks are skipped
    jdbc.sql("set local session_replication_role = replica").update();
    // executions first: the other tables refer to them
    copy("ACT_RU_EXECUTION", "from ACT_RU_EXECUTION X join C on X.PROC_INST_ID_ = C.TPL", params);
    copy("ACT_RU_TASK", "from ACT_RU_TASK X join C on X.PROC_INST_ID_ = C.TPL", params);
    copy("ACT_RU_VARIABLE", "from ACT_RU_VARIABLE X join C on X.PROC_INST_ID_ = C.TPL", params);
    copy("ACT_RU_IDENTITYLINK", "from ACT_RU_IDENTITYLINK X join ACT_RU_TASK T on X.TASK_ID_ = T.ID_"
        + " join C on T.PROC_INST_ID_ = C.TPL", params);
    copy("ACT_RU_JOB", "from ACT_RU_JOB X join C on X.PROCESS_INSTANCE_ID_ = C.TPL", params);
    copy("ACT_RU_EVENT_SUBSCR", "from ACT_RU_EVENT_SUBSCR X join C on X.PROC_INST_ID_ = C.TPL", params);
    copy("ACT_RU_AUTHORIZATION", "from ACT_RU_AUTHORIZATION X join (select ID_ as RID, PROC_INST_ID_ as TPL"
        + " from ACT_RU_TASK where PROC_INST_ID_ in (select PI from TEMPLATE) union all select PI, PI from TEMPLATE) R"
        + " on X.RESOURCE_ID_ = R.RID"
        + " join C on C.TPL = R.TPL", params);
  }

  /** Inserts into {@code table} the clone of every row that {@code rows} selects (aliased {@code X}, joined to {@code C}). */
  private void copy(String table, String rows, Map<String, Object> params) {
    List<String> columns = jdbc.sql("select upper(column_name) from information_schema.columns"
        + " where table_schema = current_schema() and table_name = lower(:table) order by ordinal_position")
        .param("table", table).query(String.class).list();
    String values = columns.stream().map(column -> value(table, column)).collect(Collectors.joining(", "));
    jdbc.sql("with TEMPLATE as (select PI, ORD - 1 as T from unnest(string_to_array(:templates, ','))"
        + " with ordinality as S(PI, ORD)),"
        + " C as (select I, TEMPLATE.PI as TPL, (array[:r0, :r1, :r2])[I % 3 + 1] as REGION,"
        + " I / 100 * 60 / :workload as PERSON from generate_series(:first, :last) I join TEMPLATE on TEMPLATE.T = I % :count)"
        + " insert into " + table + " (" + String.join(", ", columns) + ") select " + values + " " + rows)
        .params(params).update();
  }

  private static String value(String table, String column) {
    if (IDS.contains(column) || table.equals("ACT_RU_AUTHORIZATION") && column.equals("RESOURCE_ID_")) {
      return "md5(X." + column + " || '/' || C.I)::uuid::text";
    }
    if (PEOPLE.contains(column) || table.equals("ACT_RU_VARIABLE") && column.equals("TEXT_")) {
      String own = table.equals("ACT_RU_VARIABLE")
          ? "when X.NAME_ in ('" + String.join("', '", OWN_VALUES) + "') then X.TEXT_ || '-' || C.I " : "";
      return "case " + own + "when X." + column + " ~ :agents then substring(X." + column
          + " from '^(owner|advisor)') || '-' || :tag || '-' || C.REGION || '-' || C.PERSON else X." + column + " end";
    }
    if (column.equals("BUSINESS_KEY_")) {
      return "X.BUSINESS_KEY_ || '-' || C.I";
    }
    if (table.equals("ACT_RU_TASK") && column.equals("CREATE_TIME_")) {
      // every task its own moment, as in life (clone i made i seconds before its template): sorting by creation meets no ties
      return "X.CREATE_TIME_ - C.I * interval '1 second'";
    }
    return "X." + column;
  }
}
