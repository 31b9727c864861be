package com.drivecare.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.drivecare.people.OrganisationRepository;
import com.drivecare.people.Region;
import com.drivecare.service.SlaCalculator.SlaClocks;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SLA deadlines without the engine: working hours across evenings, weekends and holidays, or round the clock. */
class SlaCalculatorTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
      DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

  final SlaCalculator calculator;

  SlaCalculatorTest() {
    OrganisationRepository organisation = mock(OrganisationRepository.class);
    when(organisation.region("FR")).thenReturn(Optional.of(new Region("FR", "France", "FR", "Europe/Paris", "EUR",
        null, null)));
    when(organisation.region("XX")).thenReturn(Optional.empty());
    WorkingCalendar calendar = new WorkingCalendar(new WorkingCalendar.Settings(
        new WorkingCalendar.Hours(WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(18, 0), List.of(), null),
        Map.of("FR", new WorkingCalendar.Hours(WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(18, 0),
            List.of(LocalDate.of(2026, 12, 25)), null))));
    calculator = new SlaCalculator(calendar, organisation);
  }

  @Test
  void workingHoursSlaRunsInTheRegionsDayAndWarnsAtThreeQuarters() {
    // Monday 23 November 2026, 10:00 in Paris; 8 hours to first response, 40 to resolution (10-hour days)
    SlaClocks clocks = calculator.clocks(entitlements(8, 40, 24, "WORKING_HOURS"), paris(23, 10, 0), "FR");
    assertThat(clocks.firstResponseDue()).isEqualTo(paris(23, 18, 0));
    assertThat(clocks.firstResponseWarnAt()).isEqualTo(paris(23, 16, 0));
    assertThat(clocks.resolutionDue()).isEqualTo(paris(27, 10, 0));
    assertThat(clocks.resolutionWarnAt()).isEqualTo(paris(26, 10, 0));
    assertThat(clocks.updateCycle()).isEqualTo("R/PT24H");
  }

  @Test
  void workingHoursSlaSkipsTheWeekend() {
    // Friday 27 November, 16:00: two hours on Friday, six on Monday
    SlaClocks clocks = calculator.clocks(entitlements(8, 40, 24, "WORKING_HOURS"), paris(27, 16, 0), "FR");
    assertThat(clocks.firstResponseDue()).isEqualTo(paris(30, 14, 0));
    assertThat(clocks.firstResponseWarnAt()).isEqualTo(paris(30, 12, 0));
  }

  @Test
  void workingHoursSlaSkipsTheRegionsHolidays() {
    // Thursday 24 December, 17:00: one hour that day, Christmas (Friday) and the weekend skipped
    Instant christmasEve = LocalDateTime.of(2026, 12, 24, 17, 0).atZone(PARIS).toInstant();
    SlaClocks clocks = calculator.clocks(entitlements(4, 40, 24, "WORKING_HOURS"), christmasEve, "FR");
    assertThat(clocks.firstResponseDue()).isEqualTo(LocalDateTime.of(2026, 12, 28, 11, 0).atZone(PARIS).toInstant());
  }

  @Test
  void roundTheClockSlaCountsNightsAndWeekends() {
    // Saturday 28 November, 23:30: one hour to first response, four-hourly updates
    SlaClocks clocks = calculator.clocks(entitlements(1, 24, 4, "ROUND_THE_CLOCK"), paris(28, 23, 30), "FR");
    assertThat(clocks.firstResponseDue()).isEqualTo(paris(29, 0, 30));
    assertThat(clocks.firstResponseWarnAt()).isEqualTo(paris(29, 0, 15));
    assertThat(clocks.resolutionDue()).isEqualTo(paris(29, 23, 30));
    assertThat(clocks.resolutionWarnAt()).isEqualTo(paris(29, 17, 30));
    assertThat(clocks.updateCycle()).isEqualTo("R/PT4H");
  }

  @Test
  void regionWithoutAnEntryRunsOnTheStandardCalendarInUtc() {
    Instant mondayNineUtc = Instant.parse("2026-11-23T09:00:00Z");
    SlaClocks clocks = calculator.clocks(entitlements(10, 40, 24, "WORKING_HOURS"), mondayNineUtc, "XX");
    // 9 hours on Monday (09:00–18:00 UTC), one on Tuesday
    assertThat(clocks.firstResponseDue()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
  }

  @Test
  void escalationAnswerIsDueRoundTheClock() {
    assertThat(calculator.answerDue(paris(27, 17, 0), 24)).isEqualTo(paris(28, 17, 0));
  }

  @Test
  void entitlementsWithoutAnSlaAreRefused() {
    Map<String, Object> result = new HashMap<>(raw(8, 40, 24, "WORKING_HOURS"));
    result.remove("resolutionHours");
    assertThatThrownBy(() -> Entitlements.from(result)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("resolutionHours");
  }

  static Entitlements entitlements(int firstResponseHours, int resolutionHours, int cadence, String calendar) {
    return Entitlements.from(raw(firstResponseHours, resolutionHours, cadence, calendar));
  }

  static Map<String, Object> raw(int firstResponseHours, int resolutionHours, int cadence, String calendar) {
    return Map.of("tier", "STANDARD", "tierReason", "List price", "firstResponseHours", firstResponseHours,
        "resolutionHours", resolutionHours, "updateCadenceHours", cadence, "slaCalendar", calendar);
  }

  static Instant paris(int dayOfNovember, int hour, int minute) {
    return LocalDateTime.of(2026, 11, dayOfNovember, hour, minute).atZone(PARIS).toInstant();
  }
}
