package com.drivecare.platform;

import java.util.Map;

/**
 * One row a decision table returned (a {@code singleResult} variable), read by name: a missing
 * required output names the decision and the output, instead of failing somewhere later.
 */
public final class DecisionResult {

  private final String decision;
  private final Map<String, Object> result;

  private DecisionResult(String decision, Map<String, Object> result) {
    this.decision = decision;
    this.result = result == null ? Map.of() : result;
  }

  /** {@code result} as decision {@code decision} returned it; null reads as a row without outputs. */
  public static DecisionResult of(String decision, Map<String, Object> result) {
    return new DecisionResult(decision, result);
  }

  public String text(String name) {
    return required(name).toString();
  }

  /** The output as text, or null when the table left it empty. */
  public String optionalText(String name) {
    Object value = result.get(name);
    return value == null ? null : value.toString();
  }

  public int number(String name) {
    return ((Number) required(name)).intValue();
  }

  public boolean flag(String name) {
    return Boolean.TRUE.equals(required(name));
  }

  /** The output as a flag, false when the table left it empty. */
  public boolean optionalFlag(String name) {
    return Boolean.TRUE.equals(result.get(name));
  }

  private Object required(String name) {
    Object value = result.get(name);
    if (value == null) {
      throw new IllegalStateException("The " + decision + " decision gave no '" + name + "'");
    }
    return value;
  }
}
