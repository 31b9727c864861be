package com.drivecare;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Plays the job executor in tests (it is off): runs what is due on the engine clock, and walks the
 * clock to a timer when a test wants time to pass. Never sleeps.
 */
@Component
public class Jobs {

  private final ManagementService managementService;
  private final RuntimeService runtimeService;

  Jobs(ManagementService managementService, RuntimeService runtimeService) {
    this.managementService = managementService;
    this.runtimeService = runtimeService;
  }

  /** Runs every job of the process instance that is due now, until none is. */
  public void runDue(String processInstanceId) {
    for (int guard = 0; guard < 200; guard++) {
      Optional<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list()
          .stream().filter(j -> j.getDuedate() == null || !j.getDuedate().after(ClockUtil.getCurrentTime())).findFirst();
      if (due.isEmpty()) {
        return;
      }
      managementService.executeJob(due.get().getId());
    }
    throw new AssertionError("Jobs keep coming for " + processInstanceId);
  }

  /** Runs what is due for every running instance with that business key. */
  public void runDueForBusinessKey(String businessKey) {
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
        .forEach(pi -> runDue(pi.getId()));
  }

  /** The instance's timers at an activity, earliest first. */
  public List<Job> timers(String processInstanceId, String activityId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).list().stream()
        .sorted(Comparator.comparing(Job::getDuedate)).toList();
  }

  /** Moves the engine clock to the timer's due date (never back), fires it, and runs what follows. */
  public void fire(Job timer) {
    if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(timer.getDuedate());
    }
    managementService.executeJob(timer.getId());
    runDue(timer.getProcessInstanceId());
  }

  /** Fires the earliest timer of the instance at that activity. */
  public void fire(String processInstanceId, String activityId) {
    fire(timers(processInstanceId, activityId).stream().findFirst()
        .orElseThrow(() -> new AssertionError("No timer at " + activityId)));
  }

  /** The earliest timer of the instance, whatever its activity. */
  public Optional<Job> nextTimer(String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
        .min(Comparator.comparing(Job::getDuedate));
  }
}
