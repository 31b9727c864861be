package com.drivecare.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class ReminderScheduleTest {

  static final Instant INVITED = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void writtenRemindersThenACallEveryInterval() {
    ReminderSchedule schedule = ReminderSchedule.of("30, 60", 90);
    assertThat(schedule.next(INVITED, 0)).isEqualTo(INVITED.plus(30, ChronoUnit.DAYS));
    assertThat(schedule.next(INVITED, 1)).isEqualTo(INVITED.plus(60, ChronoUnit.DAYS));
    assertThat(schedule.next(INVITED, 2)).isEqualTo(INVITED.plus(90, ChronoUnit.DAYS));
    assertThat(schedule.next(INVITED, 3)).isEqualTo(INVITED.plus(180, ChronoUnit.DAYS));
    assertThat(schedule.isCall(1)).isFalse();
    assertThat(schedule.isCall(2)).isTrue();
    assertThat(schedule.variables()).containsEntry("reminderDays", "30,60").containsEntry("callEveryDays", 90);
  }

  @Test
  void aCampaignMayGoStraightToCalls() {
    ReminderSchedule schedule = ReminderSchedule.of("", 45);
    assertThat(schedule.isCall(0)).isTrue();
    assertThat(schedule.next(INVITED, 1)).isEqualTo(INVITED.plus(90, ChronoUnit.DAYS));
  }

  @Test
  void nonsenseIsRefusedWithTheReason() {
    assertThatThrownBy(() -> ReminderSchedule.of("30,x", 90)).hasMessageContaining("days separated by commas");
    assertThatThrownBy(() -> ReminderSchedule.of("60,30", 90)).hasMessageContaining("rising");
    assertThatThrownBy(() -> ReminderSchedule.of("30,60", 60)).hasMessageContaining("after the last written reminder");
  }
}
