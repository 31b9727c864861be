package com.drivecare.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.drivecare.contact.ConsentService;
import com.drivecare.contact.ContactProperties;
import com.drivecare.customer.Channel;
import com.drivecare.customer.Customer;
import com.drivecare.people.OrganisationRepository;
import com.drivecare.people.Region;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the ladder calls, in the customer's own time, and when it stops. */
class CallPlannerTest {

  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final LadderConfig LADDER = new LadderConfig("case-owners", 4, "managers", 6, "regional-managers", 4, 14, 24, 7,
      true, true);

  CallPlanner planner;
  Customer customer = new Customer(1, "James Carter", "j@example.com", "+13105550142", null, Channel.EMAIL, "en",
      "America/Los_Angeles", "NA", false, null, Instant.EPOCH);

  @BeforeEach
  void setUp() {
    OrganisationRepository organisation = mock(OrganisationRepository.class);
    when(organisation.region("NA")).thenReturn(Optional.of(new Region("NA", "NA", "US", "America/Los_Angeles", "USD",
        null, null)));
    var window = new ContactProperties.Window(LocalTime.of(8, 0), LocalTime.of(21, 0));
    planner = new CallPlanner(new ConsentService(new ContactProperties(window, window), organisation));
  }

  @Test
  void lateEveningRequestIsCalledTomorrowMorningWithinTwentyFourHours() {
    Instant request = la(2026, 11, 23, 20, 0); // less than two hours of today's window left
    CallPlanner.Plan plan = planner.plan(LADDER, customer, null, null, null, request, request);
    assertThat(plan.nextStep()).isEqualTo(RetentionProcess.NEXT_CALL);
    assertThat(plan.nextCallAt()).isEqualTo(la(2026, 11, 24, 8, 0));
    assertThat(plan.deadline()).isEqualTo(la(2026, 11, 24, 20, 0)); // the 24-hour promise, before the window ends
    assertThat(plan.label()).isEqualTo("Case owner attempt 1 of 4");
    assertThat(plan.attemptLabel(LADDER.totalCap())).isEqualTo("Case owner attempt 1 of 4 (call 1 of at most 14)");
  }

  @Test
  void notReachedMovesToTheNextDayAndAfterTheLastOwnerAttemptToTheManagerWhoReviewsFirst() {
    var previous = new CallPlanner.Previous(Stage.CASE_OWNER, 4, 4, LocalDate.of(2026, 11, 26));
    Instant now = la(2026, 11, 26, 15, 0);
    CallPlanner.Plan plan = planner.plan(LADDER, customer, previous, CallOutcome.NOT_REACHED, null, now, now);
    assertThat(plan.stage()).isEqualTo(Stage.MANAGER);
    assertThat(plan.stageAttempt()).isEqualTo(1);
    assertThat(plan.reviewFirst()).isTrue();
    assertThat(plan.nextCallAt()).isEqualTo(la(2026, 11, 27, 8, 0));
    assertThat(plan.totalAttempts()).isEqualTo(5);
  }

  @Test
  void callbackOutsideTheWindowIsMovedIntoIt() {
    var previous = new CallPlanner.Previous(Stage.CASE_OWNER, 1, 1, LocalDate.of(2026, 11, 23));
    Instant now = la(2026, 11, 23, 11, 0);
    CallPlanner.Plan plan = planner.plan(LADDER, customer, previous, CallOutcome.CALLBACK_REQUESTED,
        la(2026, 11, 23, 22, 30), now, now);
    assertThat(plan.stage()).isEqualTo(Stage.CASE_OWNER);
    assertThat(plan.stageAttempt()).isEqualTo(1);
    assertThat(plan.nextCallAt()).isEqualTo(la(2026, 11, 24, 8, 0));
    assertThat(plan.totalAttempts()).isEqualTo(2);
  }

  @Test
  void capEndsTheLadderEvenWithCallbacks() {
    var previous = new CallPlanner.Previous(Stage.MANAGER, 2, 14, LocalDate.of(2026, 12, 1));
    Instant now = la(2026, 12, 1, 12, 0);
    assertThat(planner.plan(LADDER, customer, previous, CallOutcome.CALLBACK_REQUESTED, la(2026, 12, 2, 9, 0), now, now)
        .nextStep()).isEqualTo(RetentionProcess.NEXT_EXHAUSTED);
  }

  @Test
  void doNotCallCustomerTakesTheWrittenRoute() {
    Customer doNotCall = new Customer(2, "Linda", "l@example.com", "+13105550177", null, Channel.EMAIL, "en",
        "America/Los_Angeles", "NA", true, null, Instant.EPOCH);
    Instant now = la(2026, 11, 23, 11, 0);
    assertThat(planner.plan(LADDER, doNotCall, null, null, null, now, now).nextStep())
        .isEqualTo(RetentionProcess.NEXT_WRITTEN_ROUTE);
    // the written notice runs the ladder's do-not-call wait, then the cancellation is honoured
    assertThat(LADDER.writtenNoticeEnds(now)).isEqualTo(la(2026, 11, 30, 11, 0));
  }

  private static Instant la(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(LA).toInstant();
  }
}
