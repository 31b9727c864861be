package com.drivecare.recall;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What recall coordinators and operations tune ({@code drivecare.recall.*}).
 *
 * @param launchChunkSize   vehicles notified per launch job (one transaction each)
 * @param sweepChunkSize    vehicles per job of the daily reminder sweep and of the parts-arrived invitation
 * @param sweepCycle        how often the campaign looks for reminders that are due (an ISO 8601 cycle)
 * @param reminderDays      days after the invitation to book at which a written reminder goes out
 * @param callEveryDays     after the written reminders, a service advisor calls the owner this often
 */
@Validated
@ConfigurationProperties("drivecare.recall")
public record RecallProperties(
    @DefaultValue("1000") int launchChunkSize,
    @DefaultValue("1000") int sweepChunkSize,
    @DefaultValue("R/P1D") String sweepCycle,
    @DefaultValue({"30", "60"}) List<Integer> reminderDays,
    @DefaultValue("90") int callEveryDays) {

  /**
   * When the next reminder is due: the written ones on their days after the invitation, then a
   * call every {@code callEveryDays} (with 30, 60 and 90: day 30, 60, 90, 180, 270…).
   */
  public Instant nextReminder(Instant invitedAt, int remindersSent) {
    long days = remindersSent < reminderDays.size()
        ? reminderDays.get(remindersSent)
        : (long) callEveryDays * (remindersSent - reminderDays.size() + 1);
    return invitedAt.plus(Duration.ofDays(days));
  }

  /** Whether the reminder after {@code remindersSent} is a call rather than a message. */
  public boolean isCall(int remindersSent) {
    return remindersSent >= reminderDays.size();
  }
}
