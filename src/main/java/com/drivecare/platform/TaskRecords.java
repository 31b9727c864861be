package com.drivecare.platform;

import static com.drivecare.platform.Db.ts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who completed which user task, as the server saw it (the authenticated user, or the assignee
 * when the engine itself completes it). Four eyes and the "drafted by / approved by" of a record
 * read it here — never from a process variable, which a person working on a task might have set.
 */
@Repository
public class TaskRecords {

  private final JdbcClient jdbc;

  TaskRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a completion; the same task completed again (a retried command) keeps its first record. */
  void completed(String taskId, String processInstanceId, String businessKey, String taskKey, String user,
      Instant at) {
    if (jdbc.sql("select count(*) from drivecare.task_record where task_id = ?").param(taskId)
        .query(Long.class).single() == 0) {
      jdbc.sql("""
          insert into drivecare.task_record (task_id, process_instance_id, business_key, task_key, completed_by,
            completed_at) values (?, ?, ?, ?, ?, ?)""")
          .params(taskId, processInstanceId, businessKey, taskKey, user, ts(at)).update();
    }
  }

  /** Who last completed the task {@code taskKey} of a process instance. */
  public Optional<String> lastCompletedBy(String processInstanceId, String taskKey) {
    return jdbc.sql("""
        select completed_by from drivecare.task_record where process_instance_id = ? and task_key = ?
        order by completed_at desc, task_id desc""")
        .params(processInstanceId, taskKey).query(String.class).list().stream().findFirst();
  }

  /** Who completed one task. */
  public Optional<String> completedBy(String taskId) {
    return jdbc.sql("select completed_by from drivecare.task_record where task_id = ?").param(taskId)
        .query(String.class).optional();
  }
}
