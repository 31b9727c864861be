package com.drivecare.retention;

import java.util.Map;

/**
 * The ladder's shape, as the {@code retention-ladder} decision returns it for a region: the role and
 * number of attempts per stage, the total cap, how soon the first call is due, how long a
 * do-not-call customer's written notice runs, whether the manager first reviews the call log, and
 * whether the acknowledgement already offers the confirm link.
 */
public record LadderConfig(String caseOwnerRole, int caseOwnerAttempts, String managerRole, int managerAttempts,
    String regionalManagerRole, int regionalManagerAttempts, int totalCap, int firstCallWithinHours,
    int doNotCallWaitDays, boolean managerReviewsFirst, boolean offerConfirmLink) {

  /** Reads the decision's single result (the {@code ladder} variable). */
  public static LadderConfig from(Map<String, Object> result) {
    return new LadderConfig(
        text(result, "caseOwnerRole"), number(result, "caseOwnerAttempts"),
        text(result, "managerRole"), number(result, "managerAttempts"),
        text(result, "regionalManagerRole"), number(result, "regionalManagerAttempts"),
        number(result, "totalCap"), number(result, "firstCallWithinHours"), number(result, "doNotCallWaitDays"),
        flag(result, "managerReviewsFirst"), flag(result, "offerConfirmLink"));
  }

  public int attempts(Stage stage) {
    return switch (stage) {
      case CASE_OWNER -> caseOwnerAttempts;
      case MANAGER -> managerAttempts;
      case REGIONAL_MANAGER -> regionalManagerAttempts;
    };
  }

  public String role(Stage stage) {
    return switch (stage) {
      case CASE_OWNER -> caseOwnerRole;
      case MANAGER -> managerRole;
      case REGIONAL_MANAGER -> regionalManagerRole;
    };
  }

  private static Object required(Map<String, Object> result, String name) {
    Object value = result == null ? null : result.get(name);
    if (value == null) {
      throw new IllegalStateException("The retention-ladder decision gave no '" + name + "'");
    }
    return value;
  }

  private static String text(Map<String, Object> result, String name) {
    return required(result, name).toString();
  }

  private static int number(Map<String, Object> result, String name) {
    return ((Number) required(result, name)).intValue();
  }

  private static boolean flag(Map<String, Object> result, String name) {
    return Boolean.TRUE.equals(required(result, name));
  }
}
