package com.drivecare.people;

import java.time.LocalTime;

/**
 * A region of the brand's network. Its calling window, when set, overrides the default one for
 * customers of that region.
 */
public record Region(String code, String name, String country, String timeZone, String currency,
    LocalTime callingWindowStart, LocalTime callingWindowEnd) {}
