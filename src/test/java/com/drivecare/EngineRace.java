package com.drivecare;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stages a real race inside a running transaction: when an execution of the instance starts the
 * activity, a competitor (say, one of the instance's jobs) runs in another thread and commits before
 * the transaction that reached the activity goes on — between its read of the instance and its write.
 * Listens to the execution events Camunda publishes as Spring events. Never sleeps: it joins.
 */
@Component
public class EngineRace {

  private final AtomicReference<Race> armed = new AtomicReference<>();
  private final AtomicInteger ran = new AtomicInteger();

  private record Race(String processInstanceId, String activityId, Runnable competitor) {}

  /** Runs the competitor, once, the next time an execution of the instance starts the activity. */
  public void before(String processInstanceId, String activityId, Runnable competitor) {
    ran.set(0);
    armed.set(new Race(processInstanceId, activityId, competitor));
  }

  /** How often the competitor ran since {@link #before}. */
  public int ran() {
    return ran.get();
  }

  public void disarm() {
    armed.set(null);
  }

  @EventListener
  public void on(DelegateExecution execution) {
    Race race = armed.get();
    if (race != null && ExecutionListener.EVENTNAME_START.equals(execution.getEventName())
        && race.processInstanceId().equals(execution.getProcessInstanceId())
        && race.activityId().equals(execution.getCurrentActivityId()) && armed.compareAndSet(race, null)) {
      CompletableFuture.runAsync(race.competitor()).join();
      ran.incrementAndGet();
    }
  }
}
