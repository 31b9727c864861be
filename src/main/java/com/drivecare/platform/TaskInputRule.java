package com.drivecare.platform;

import java.util.function.Function;

/**
 * A journey's own rule for what completing one of its tasks needs, beyond the form's fields (a
 * callback needs a time in the future, a delay a reason). {@link TaskGuard} asks every rule before a
 * person's completion reaches the engine, so a refusal is a 400 with the rule's sentence and nothing
 * changes; the journey may also call the same check from a complete-listener, for the engine's own
 * completions.
 */
public interface TaskInputRule {

  /** Whether the rule speaks for this task of this process. */
  boolean appliesTo(String processDefinitionKey, String taskDefinitionKey);

  /**
   * Checks the task's values as they would be after the completion (the submitted ones over the
   * current ones).
   *
   * @throws TaskGuard.InvalidTaskInput with a sentence for the person when they will not do
   */
  void check(Function<String, Object> values);
}
