package com.drivecare.retention;

import com.drivecare.platform.DecisionResult;
import java.time.Duration;
import java.time.Instant;
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
    DecisionResult r = DecisionResult.of(RetentionProcess.DECISION_LADDER, result);
    return new LadderConfig(r.text("caseOwnerRole"), r.number("caseOwnerAttempts"), r.text("managerRole"),
        r.number("managerAttempts"), r.text("regionalManagerRole"), r.number("regionalManagerAttempts"),
        r.number("totalCap"), r.number("firstCallWithinHours"), r.number("doNotCallWaitDays"),
        r.flag("managerReviewsFirst"), r.flag("offerConfirmLink"));
  }

  public int attempts(Stage stage) {
    return switch (stage) {
      case CASE_OWNER -> caseOwnerAttempts;
      case MANAGER -> managerAttempts;
      case REGIONAL_MANAGER -> regionalManagerAttempts;
    };
  }

  /** When the written notice to a customer who may not be called, sent at {@code sent}, runs out: the cancellation is honoured. */
  public Instant writtenNoticeEnds(Instant sent) {
    return sent.plus(Duration.ofDays(doNotCallWaitDays));
  }

  public String role(Stage stage) {
    return switch (stage) {
      case CASE_OWNER -> caseOwnerRole;
      case MANAGER -> managerRole;
      case REGIONAL_MANAGER -> regionalManagerRole;
    };
  }
}
