package com.drivecare.service;

import com.drivecare.platform.DecisionResult;
import java.util.Map;

/**
 * What a case is entitled to, as the {@code service-entitlements} decision returns it: the tier and
 * why, the SLA hours and whether they run round the clock or in working hours, the update cadence,
 * and what mobility and costs are covered. {@code hotelClass} and {@code loanerClass} may be absent.
 */
record Entitlements(String tier, String tierReason, int firstResponseHours, int resolutionHours,
    int updateCadenceHours, boolean roundTheClock, String hotelClass, String loanerClass, boolean coversTowing,
    boolean coversHotel, boolean coversTravelHome, boolean coversRepair, boolean coversIncidentals) {

  /** Reads the decision's single result (the {@code entitlements} variable). */
  static Entitlements from(Map<String, Object> result) {
    DecisionResult r = DecisionResult.of(ServiceCaseProcess.DECISION_ENTITLEMENTS, result);
    return new Entitlements(r.text("tier"), r.optionalText("tierReason"), r.number("firstResponseHours"),
        r.number("resolutionHours"), r.number("updateCadenceHours"),
        "ROUND_THE_CLOCK".equals(r.optionalText("slaCalendar")), r.optionalText("hotelClass"),
        r.optionalText("loanerClass"), r.optionalFlag("coversTowing"), r.optionalFlag("coversHotel"),
        r.optionalFlag("coversTravelHome"), r.optionalFlag("coversRepair"), r.optionalFlag("coversIncidentals"));
  }

  /** Whether a loaner is covered at all ({@code loanerClass} given and not {@code none}). */
  boolean coversLoaner() {
    return loanerClass != null && !"none".equals(loanerClass);
  }
}
