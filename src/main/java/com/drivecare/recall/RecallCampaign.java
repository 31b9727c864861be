package com.drivecare.recall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A recall campaign as coordinators set it up and owners read about it. */
public record RecallCampaign(String id, String title, String component, String defect, String safetyRisk,
    String remedy, List<RemedyOption> remedyOptions, int remedyHours, boolean partsAvailable, LocalDate partsExpected,
    CampaignStatus status, String createdBy, Instant createdAt, Instant launchedAt, Instant closedAt) {

  public enum RemedyOption { DEALER, MOBILE, PICKUP }

  /** DRAFT while vehicles are imported and the notice written; LAUNCHED once owners are told; CLOSED at the end. */
  public enum CampaignStatus { DRAFT, APPROVED, LAUNCHED, CLOSED }
}
