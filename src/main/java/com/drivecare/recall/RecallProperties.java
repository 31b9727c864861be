package com.drivecare.recall;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What recall coordinators and operations tune ({@code drivecare.recall.*}).
 *
 * @param lookupsPerMinute  public "is my car affected?" lookups a client address may make per minute (per node)
 * @param launchChunkSize   vehicles notified per launch job (one transaction each)
 * @param sweepChunkSize    vehicles per job of the daily reminder sweep and of the parts-arrived invitation
 * @param sweepCycle        how often the campaign looks for reminders that are due (an ISO 8601 cycle)
 * @param reminderDays      a new campaign's days after the invitation to book at which a written reminder goes out
 * @param callEveryDays     a new campaign's call interval: a service advisor calls the owner this often
 *                          (each campaign keeps its own, see {@link ReminderSchedule})
 */
@Validated
@ConfigurationProperties("drivecare.recall")
public record RecallProperties(
    @DefaultValue("30") double lookupsPerMinute,
    @DefaultValue("1000") int launchChunkSize,
    @DefaultValue("1000") int sweepChunkSize,
    @DefaultValue("R/P1D") String sweepCycle,
    @DefaultValue({"30", "60"}) List<Integer> reminderDays,
    @DefaultValue("90") int callEveryDays) {

  /** The reminder schedule a new campaign starts with. */
  ReminderSchedule reminderSchedule() {
    return new ReminderSchedule(reminderDays, callEveryDays);
  }
}
