package com.drivecare.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SLA clocks in working time: weekends, holidays and evenings do not count. */
class WorkingCalendarTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
      DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

  final WorkingCalendar calendar = new WorkingCalendar(new WorkingCalendar.Settings(
      new WorkingCalendar.Hours(WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(18, 0), List.of(), null),
      Map.of("FR", new WorkingCalendar.Hours(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(19, 0),
          List.of(LocalDate.of(2026, 12, 25)), null))));

  @Test
  void countsOnlyWorkingHoursOfTheDay() {
    assertThat(add(at(2026, 11, 23, 10, 0), 4, "XX")).isEqualTo(at(2026, 11, 23, 14, 0));
    assertThat(add(at(2026, 11, 23, 16, 0), 4, "XX")).isEqualTo(at(2026, 11, 24, 10, 0));
  }

  @Test
  void startingInTheEveningOrAtTheWeekendWaitsForTheNextWorkingMorning() {
    assertThat(add(at(2026, 11, 23, 21, 30), 1, "XX")).isEqualTo(at(2026, 11, 24, 9, 0));
    assertThat(add(at(2026, 11, 27, 17, 0), 2, "XX")).isEqualTo(at(2026, 11, 30, 9, 0)); // Friday → Monday
    assertThat(add(at(2026, 11, 28, 12, 0), 1, "XX")).isEqualTo(at(2026, 11, 30, 9, 0)); // Saturday
  }

  @Test
  void regionHasItsOwnHoursAndHolidays() {
    // Thursday 24 December 2026, 17:00 in the FR calendar (09:00–19:00): 2 hours that day, then Christmas is skipped
    assertThat(add(at(2026, 12, 24, 17, 0), 4, "FR")).isEqualTo(at(2026, 12, 28, 11, 0));
  }

  @Test
  void publicHolidaysComeFromTheCountryAndStateWithTheRegionsClosingDaysOnTop() {
    WorkingCalendar bavaria = new WorkingCalendar(new WorkingCalendar.Settings(
        new WorkingCalendar.Hours(WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(18, 0), List.of(), null),
        Map.of("BY", new WorkingCalendar.Hours(WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(18, 0),
            List.of(LocalDate.of(2026, 12, 24)), "de-by"))));
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    // Wednesday 23 December 2026 16:00 + 4 h: 2 h that day, then Christmas Eve (closing day),
    // Christmas Day and the weekend, then 2 h on Monday 28 December
    assertThat(bavaria.addWorkingTime(LocalDateTime.of(2026, 12, 23, 16, 0).atZone(berlin).toInstant(),
        Duration.ofHours(4), "BY", berlin)).isEqualTo(LocalDateTime.of(2026, 12, 28, 10, 0).atZone(berlin).toInstant());
    // Epiphany (6 January) is a public holiday in Bavaria, in no configuration of ours
    assertThat(bavaria.addWorkingTime(LocalDateTime.of(2027, 1, 5, 16, 0).atZone(berlin).toInstant(),
        Duration.ofHours(4), "BY", berlin)).isEqualTo(LocalDateTime.of(2027, 1, 7, 10, 0).atZone(berlin).toInstant());
    // and in years nobody typed in
    assertThat(bavaria.addWorkingTime(LocalDateTime.of(2031, 1, 6, 9, 0).atZone(berlin).toInstant(),
        Duration.ofHours(1), "BY", berlin)).isEqualTo(LocalDateTime.of(2031, 1, 7, 9, 0).atZone(berlin).toInstant());
  }

  @Test
  void summerTimeChangeKeepsLocalHours() {
    // Friday 27 March 2026 16:00 + 4 working hours → Monday 30 March 10:00, after the clocks went forward
    assertThat(add(at(2026, 3, 27, 16, 0), 4, "XX")).isEqualTo(at(2026, 3, 30, 10, 0));
  }

  private Instant add(Instant start, int hours, String region) {
    return calendar.addWorkingTime(start, Duration.ofHours(hours), region, PARIS);
  }

  private static Instant at(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(PARIS).toInstant();
  }
}
