package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.drivecare.contact.ConsentService;
import com.drivecare.contact.ContactLog;
import com.drivecare.contact.NotificationRequest;
import com.drivecare.contact.NotificationService;
import com.drivecare.customer.Customer;
import com.drivecare.customer.CustomerRepository;
import com.drivecare.customer.VehicleRepository;
import com.drivecare.people.AssignmentService;
import com.drivecare.people.Groups;
import com.drivecare.platform.PublicBaseUrl;
import com.drivecare.recall.RecallRepository.Stock;
import com.drivecare.recall.RecallRepository.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The steps of a vehicle's journey, without the engine: what each records, sends and returns. */
class RemedyJourneyTest {

  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final String CAMPAIGN = "23V-838";
  static final String VIN = "1DCAR5EV1RA000101";
  static final ReminderSchedule SCHEDULE = ReminderSchedule.of("30,60", 90);
  static final LocalDate EXPECTED = LocalDate.parse("2027-01-15");

  final RecallRepository recalls = mock(RecallRepository.class);
  final RecallOutreach outreach = mock(RecallOutreach.class);
  final CustomerRepository customers = mock(CustomerRepository.class);
  final VehicleRepository vehicles = mock(VehicleRepository.class);
  final NotificationService notifications = mock(NotificationService.class);
  final ConsentService consent = mock(ConsentService.class);
  final AssignmentService assignment = mock(AssignmentService.class);
  final ContactLog contactLog = mock(ContactLog.class);
  final SurveyService surveys = mock(SurveyService.class);
  final PublicBaseUrl publicBaseUrl = mock(PublicBaseUrl.class);
  final RemedyJourney journey = new RemedyJourney(recalls, outreach, customers, vehicles, notifications, consent,
      assignment, contactLog, surveys, publicBaseUrl, Clock.fixed(NOW, ZoneOffset.UTC));

  final Customer owner = new Customer(7L, "Jane Doe", "jane@example.com", null, null, null, "en", "Europe/Paris",
      "FR-IDF", false, null, NOW);
  final RecallCampaign campaign = new RecallCampaign(CAMPAIGN, "Seat belt", "Belt", "May not latch.", "Injury.",
      "Replace it.", List.of(RecallCampaign.RemedyOption.DEALER), 1, false, EXPECTED,
      RecallCampaign.CampaignStatus.LAUNCHED, "rita", NOW, NOW, null, RecallCampaign.French.from(n -> null));

  @BeforeEach
  void vehicleOfKnownOwner() {
    when(recalls.find(CAMPAIGN)).thenReturn(Optional.of(campaign));
    when(recalls.target(CAMPAIGN, VIN)).thenReturn(Optional.of(target(owner.id())));
    when(customers.find(owner.id())).thenReturn(Optional.of(owner));
    when(outreach.stockByRegion(CAMPAIGN)).thenReturn(Map.<String, Stock>of());
    when(outreach.values(any(), any(), any(), any())).thenReturn(Map.of("campaignId", CAMPAIGN));
  }

  static Target target(Long ownerId) {
    return new Target(VIN, 1L, "Aurora Sedan", "FR-IDF", ownerId, RecallVehicleStatus.IMPORTED, 0, null, null);
  }

  @Test
  void aVehicleWithoutAKnownOwnerIsMarkedSo() {
    when(recalls.target(CAMPAIGN, VIN)).thenReturn(Optional.of(target(null)));
    when(outreach.journeyVariables(CAMPAIGN, target(null))).thenReturn(Map.of(VAR_OWNER_KNOWN, false));

    assertThat(journey.identifyOwner(CAMPAIGN, VIN)).containsEntry(VAR_OWNER_KNOWN, false);
    verify(recalls).vehicleStatus(CAMPAIGN, VIN, RecallVehicleStatus.OWNER_UNKNOWN);
  }

  @Test
  void theOwnerFoundIsRecordedOnTheVehicle() {
    assertThat(journey.linkOwner(VIN, owner.id())).containsEntry(VAR_CUSTOMER_ID, owner.id())
        .containsEntry(VAR_CUSTOMER_NAME, "Jane Doe").containsEntry(VAR_OWNER_TIME_ZONE, "Europe/Paris");
    verify(vehicles).linkOwner(VIN, owner.id());
  }

  @Test
  void withThePartsHereTheOwnerIsInvitedAndHisRemindersCountFromNow() {
    Map<String, Object> variables = journey.notifyOwner(CAMPAIGN, VIN, true, SCHEDULE);

    verify(notifications).requestAll(anyList());
    verify(recalls).vehicleStatus(CAMPAIGN, VIN, RecallVehicleStatus.NOTIFIED);
    assertThat(variables).containsEntry(VAR_INVITED_AT, Date.from(NOW)).containsEntry(VAR_REMINDERS_SENT, 0)
        .containsEntry(VAR_NEXT_REMINDER_AT, Date.from(NOW.plus(Duration.ofDays(30))));
  }

  @Test
  void withoutThePartsTheOwnerWaitsAndHasBeenToldWhenTheyAreExpected() {
    assertThat(journey.notifyOwner(CAMPAIGN, VIN, false, SCHEDULE)).isEmpty();

    verify(recalls).vehicleStatus(CAMPAIGN, VIN, RecallVehicleStatus.WAITING_FOR_PARTS);
    verify(recalls).partsExpectedTold(CAMPAIGN, List.of(VIN), EXPECTED);
  }

  @Test
  void theWrittenRemindersComeFirst() {
    Map<String, Object> variables = journey.remind(CAMPAIGN, VIN, 1, NOW, SCHEDULE, Map.of(), "step-1");

    ArgumentCaptor<NotificationRequest> sent = ArgumentCaptor.forClass(NotificationRequest.class);
    verify(notifications).request(sent.capture());
    assertThat(sent.getValue().template()).isEqualTo("recall-reminder");
    assertThat(sent.getValue().businessKey()).isEqualTo(journeyKey(CAMPAIGN, VIN));
    assertThat(variables).containsEntry(VAR_CALL_NEEDED, false).containsEntry(VAR_REMINDERS_SENT, 2)
        .containsEntry(VAR_NEXT_REMINDER_AT, Date.from(NOW.plus(Duration.ofDays(90))))
        .doesNotContainKey(VAR_REMINDER_CALLER);
  }

  @Test
  void thenAnAdvisorOfTheOwnersRegionCallsWithinTwoDaysOfTheNextHourHeMayBeCalled() {
    when(assignment.leastLoaded("FR-IDF", Groups.SERVICE_ADVISORS)).thenReturn("advisor");
    when(consent.nextCallSlot(owner, NOW)).thenReturn(NOW.plus(Duration.ofHours(10)));

    Map<String, Object> variables = journey.remind(CAMPAIGN, VIN, 2, NOW, SCHEDULE, Map.of(), "step-2");

    verify(notifications, never()).request(any());
    assertThat(variables).containsEntry(VAR_CALL_NEEDED, true).containsEntry(VAR_REMINDER_CALLER, "advisor")
        .containsEntry(VAR_CALL_WITHIN, Date.from(NOW.plus(Duration.ofHours(58)))).containsEntry(VAR_REMINDERS_SENT, 3)
        .containsEntry(VAR_NEXT_REMINDER_AT, Date.from(NOW.plus(Duration.ofDays(180))));
  }

  @Test
  void theDelayNoticeGivesTheNewDayInTheOwnersTimeZone() {
    journey.sendDelayNotice(CAMPAIGN, VIN, Instant.parse("2026-12-09T23:30:00Z"), Map.of(), "step-3");

    ArgumentCaptor<NotificationRequest> sent = ArgumentCaptor.forClass(NotificationRequest.class);
    verify(notifications).request(sent.capture());
    assertThat(sent.getValue().variables()).containsEntry("newEtaDay", "2026-12-10");
  }

  @Test
  void aRetriedSurveyStepOpensNoSecondSurvey() {
    when(notifications.alreadyRequested("step-4")).thenReturn(true);

    journey.sendSurvey(CAMPAIGN, VIN, Map.of(), "step-4");

    verify(surveys, never()).open(anyString(), any(Long.class));
    verify(notifications, never()).request(any());
  }

  @Test
  void theOwnerIsTheVehiclesNeverAVariable() {
    when(recalls.target(CAMPAIGN, VIN)).thenReturn(Optional.of(target(null)));

    assertThatThrownBy(() -> journey.noShow(CAMPAIGN, VIN))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no known owner");
  }
}
