package com.drivecare.service;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The business calendar SLA clocks run on, per region ({@code drivecare.service.calendar.*}):
 * working days and hours, the public holidays of the region's country or state (from Jollyday, a
 * maintained holiday library: {@code public-holidays: de-by} is Bavaria, {@code fr} France,
 * {@code us-ca} California), and the region's own closing days on top ({@code holidays}).
 * Round-the-clock SLAs (roadside) do not use it.
 */
@Component
public class WorkingCalendar {

  private final Settings settings;
  private final Map<String, HolidayManager> holidayManagers = new ConcurrentHashMap<>();

  WorkingCalendar(Settings settings) {
    this.settings = settings;
  }

  /** Whether a date is a public holiday of the calendar's country (and state), or one of its closing days. */
  boolean isHoliday(Hours hours, LocalDate date) {
    if (hours.holidays().contains(date)) {
      return true;
    }
    if (hours.publicHolidays() == null || hours.publicHolidays().isBlank()) {
      return false;
    }
    String[] code = hours.publicHolidays().trim().toLowerCase(Locale.ROOT).split("-");
    HolidayManager manager = holidayManagers.computeIfAbsent(code[0],
        country -> HolidayManager.getInstance(ManagerParameters.create(country)));
    return manager.isHoliday(date, Arrays.copyOfRange(code, 1, code.length));
  }

  /** {@code hours} of working time after {@code start}, in the region's calendar and time zone. */
  public Instant addWorkingTime(Instant start, Duration hours, String region, ZoneId zone) {
    Hours h = settings.regions().getOrDefault(region, settings.standard());
    Duration left = hours;
    ZonedDateTime cursor = start.atZone(zone);
    for (int day = 0; day < 3660; day++) {
      LocalDate date = cursor.toLocalDate();
      if (h.days().contains(date.getDayOfWeek()) && !isHoliday(h, date)) {
        ZonedDateTime open = date.atTime(h.start()).atZone(zone);
        ZonedDateTime close = date.atTime(h.end()).atZone(zone);
        ZonedDateTime from = cursor.isAfter(open) ? cursor : open;
        if (from.isBefore(close)) {
          Duration available = Duration.between(from, close);
          if (available.compareTo(left) >= 0) {
            return from.plus(left).toInstant();
          }
          left = left.minus(available);
        }
      }
      cursor = date.plusDays(1).atStartOfDay(zone);
    }
    throw new IllegalStateException("No working time in ten years for region " + region);
  }

  /**
   * A working calendar: days and hours, the public holidays of {@code publicHolidays} (ISO country,
   * then the state or province: {@code fr}, {@code de-by}, {@code us-ca}; none when empty) and the
   * region's own closing days ({@code holidays}).
   */
  public record Hours(
      @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) List<DayOfWeek> days,
      @DefaultValue("08:00") LocalTime start,
      @DefaultValue("18:00") LocalTime end,
      @DefaultValue List<LocalDate> holidays,
      String publicHolidays) {}

  /** {@code standard} applies where a region has no calendar of its own. */
  @ConfigurationProperties("drivecare.service.calendar")
  public record Settings(@DefaultValue Hours standard, Map<String, Hours> regions) {
    public Settings {
      regions = regions == null ? Map.of() : regions;
    }
  }
}
