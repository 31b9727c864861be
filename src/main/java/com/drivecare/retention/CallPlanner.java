package com.drivecare.retention;

import com.drivecare.contact.ConsentService;
import com.drivecare.contact.ContactDecision;
import com.drivecare.contact.ContactProperties;
import com.drivecare.customer.Customer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * Decides the ladder's next step: which stage calls, which attempt it is, on which day and by when —
 * or that the ladder is exhausted, or that the customer may not be called at all.
 * <ul>
 *   <li>Every attempt belongs to a day in the customer's time zone and runs from the start of his
 *       calling window (or now) to its end; a call not made by then is a missed attempt.</li>
 *   <li>The first call is due today (or tomorrow when less than two hours of today's window remain)
 *       and never later than {@code firstCallWithinHours} after the request.</li>
 *   <li>A not-reached or missed attempt moves to the next day, and after a stage's last attempt to
 *       the next stage; a callback keeps the stage and attempt and is due at the time the customer
 *       asked for (moved into his calling window). Every call counts toward the total cap.</li>
 * </ul>
 */
@Component
public class CallPlanner {

  static final Duration MINIMUM_FIRST_WINDOW = Duration.ofHours(2);

  private final ConsentService consent;

  CallPlanner(ConsentService consent) {
    this.consent = consent;
  }

  /** The last call planned, or null before the first one. */
  public record Previous(Stage stage, int stageAttempt, int totalAttempts, LocalDate callDay) {}

  public record Plan(String nextStep, Stage stage, int stageAttempt, int stageAttempts, int totalAttempts,
      LocalDate callDay, Instant nextCallAt, Instant deadline, boolean reviewFirst) {

    static Plan of(String nextStep) {
      return new Plan(nextStep, null, 0, 0, 0, null, null, null, false);
    }

    public String label() {
      return stage == null ? "" : stage.label() + " attempt " + stageAttempt + " of " + stageAttempts;
    }

    /** The label agents read on the call task: the stage's attempt and the call's place under the cap. */
    public String attemptLabel(int totalCap) {
      return label() + " (call " + totalAttempts + " of at most " + totalCap + ")";
    }
  }

  public Plan plan(LadderConfig ladder, Customer customer, Previous previous, CallOutcome lastOutcome,
      Instant callbackAt, Instant requestedAt, Instant now) {
    return plan(ladder, customer, previous, lastOutcome, callbackAt, requestedAt, now, false);
  }

  /**
   * As above; {@code callLogReviewed} tells whether the manager has reviewed the call log yet. Until
   * he has, each of his attempts starts with the review (a missed review is a missed attempt).
   */
  public Plan plan(LadderConfig ladder, Customer customer, Previous previous, CallOutcome lastOutcome,
      Instant callbackAt, Instant requestedAt, Instant now, boolean callLogReviewed) {
    ContactDecision mayCall = consent.mayCall(customer, now);
    if (!mayCall.allowed() && mayCall.nextAllowedAt() == null) {
      return Plan.of(RetentionProcess.NEXT_WRITTEN_ROUTE);
    }
    if (previous != null && previous.totalAttempts() >= ladder.totalCap()) {
      return Plan.of(RetentionProcess.NEXT_EXHAUSTED);
    }
    Stage stage;
    int attempt;
    boolean callback = previous != null && lastOutcome == CallOutcome.CALLBACK_REQUESTED;
    if (previous == null) {
      stage = nextStage(ladder, null);
      attempt = 1;
    } else if (callback || previous.stageAttempt() < ladder.attempts(previous.stage())) {
      stage = previous.stage();
      attempt = callback ? previous.stageAttempt() : previous.stageAttempt() + 1;
    } else {
      stage = nextStage(ladder, previous.stage());
      attempt = 1;
    }
    if (stage == null) {
      return Plan.of(RetentionProcess.NEXT_EXHAUSTED);
    }

    ZoneId zone = ZoneId.of(customer.timeZone());
    ContactProperties.Window window = consent.callingWindow(customer);
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate day;
    Instant slot;
    if (callback && callbackAt != null) {
      slot = consent.nextCallSlot(customer, callbackAt.isAfter(now) ? callbackAt : now);
      day = slot.atZone(zone).toLocalDate();
    } else {
      if (previous == null) {
        Instant todaysEnd = end(window, today, zone);
        day = Duration.between(now, todaysEnd).compareTo(MINIMUM_FIRST_WINDOW) < 0 ? today.plusDays(1) : today;
      } else {
        LocalDate next = previous.callDay().plusDays(1);
        day = next.isBefore(today) ? today : next;
      }
      Instant start = day.atTime(window.start()).atZone(zone).toInstant();
      slot = start.isAfter(now) ? start : now;
    }
    Instant deadline = end(window, day, zone);
    if (previous == null) {
      Instant promised = requestedAt.plus(Duration.ofHours(ladder.firstCallWithinHours()));
      if (promised.isBefore(deadline) && promised.isAfter(slot)) {
        deadline = promised;
      }
    }
    boolean reviewFirst = stage == Stage.MANAGER && !callLogReviewed && !callback && ladder.managerReviewsFirst();
    int total = (previous == null ? 0 : previous.totalAttempts()) + 1;
    return new Plan(RetentionProcess.NEXT_CALL, stage, attempt, ladder.attempts(stage), total, day, slot, deadline,
        reviewFirst);
  }

  private static Stage nextStage(LadderConfig ladder, Stage after) {
    for (Stage s : Stage.values()) {
      if ((after == null || s.ordinal() > after.ordinal()) && ladder.attempts(s) > 0) {
        return s;
      }
    }
    return null;
  }

  private static Instant end(ContactProperties.Window window, LocalDate day, ZoneId zone) {
    return day.atTime(window.end()).atZone(zone).toInstant();
  }
}
