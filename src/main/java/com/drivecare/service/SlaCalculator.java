package com.drivecare.service;

import com.drivecare.people.OrganisationRepository;
import com.drivecare.people.Region;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * The SLA arithmetic of a service case: when first response and resolution are due and when their
 * owner is warned (at 75 % of the time), counted round the clock or in the working hours of the
 * case's region ({@link WorkingCalendar}, in the region's time zone); and how often the customer
 * hears from us without asking.
 */
@Component
class SlaCalculator {

  /** The share of an SLA after which the owner is warned, in minutes per hour. */
  static final int WARN_MINUTES_PER_HOUR = 45;

  private final WorkingCalendar calendar;
  private final OrganisationRepository organisation;

  SlaCalculator(WorkingCalendar calendar, OrganisationRepository organisation) {
    this.calendar = calendar;
    this.organisation = organisation;
  }

  /** The deadlines of a case opened at {@code opened}, and its update cycle (an ISO 8601 repeating interval). */
  record SlaClocks(Instant firstResponseDue, Instant firstResponseWarnAt, Instant resolutionDue,
      Instant resolutionWarnAt, String updateCycle) {}

  SlaClocks clocks(Entitlements entitlements, Instant opened, String region) {
    ZoneId zone = organisation.region(region).map(Region::timeZone).map(ZoneId::of).orElse(ZoneOffset.UTC);
    boolean roundTheClock = entitlements.roundTheClock();
    int firstResponse = entitlements.firstResponseHours();
    int resolution = entitlements.resolutionHours();
    return new SlaClocks(
        after(opened, firstResponse * 60L, roundTheClock, region, zone),
        after(opened, firstResponse * (long) WARN_MINUTES_PER_HOUR, roundTheClock, region, zone),
        after(opened, resolution * 60L, roundTheClock, region, zone),
        after(opened, resolution * (long) WARN_MINUTES_PER_HOUR, roundTheClock, region, zone),
        "R/PT" + entitlements.updateCadenceHours() + "H");
  }

  /** When an escalation raised at {@code now} is answered: {@code hours} (the pilot table's) round the clock. */
  Instant answerDue(Instant now, int hours) {
    return now.plus(Duration.ofHours(hours));
  }

  private Instant after(Instant start, long minutes, boolean roundTheClock, String region, ZoneId zone) {
    Duration d = Duration.ofMinutes(minutes);
    return roundTheClock ? start.plus(d) : calendar.addWorkingTime(start, d, region, zone);
  }
}
