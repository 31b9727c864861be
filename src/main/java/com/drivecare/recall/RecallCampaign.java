package com.drivecare.recall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/** A recall campaign as coordinators set it up and owners read about it. */
public record RecallCampaign(String id, String title, String component, String defect, String safetyRisk,
    String remedy, List<RemedyOption> remedyOptions, int remedyHours, boolean partsAvailable, LocalDate partsExpected,
    CampaignStatus status, String createdBy, Instant createdAt, Instant launchedAt, Instant closedAt, French fr) {

  /**
   * The campaign's facts in French. Process variables of the campaign while it is drafted
   * ({@code campaignTitle_fr} …, the names {@link #VARIABLES} lists); a notice is approved only with all of them.
   */
  public record French(String title, String component, String defect, String safetyRisk, String remedy) {

    /** The campaign's variables holding the French facts, in the order of the record. */
    public static final List<String> VARIABLES = List.of("campaignTitle_fr", "component_fr", "defect_fr",
        "safetyRisk_fr", "remedy_fr");

    public static French from(Function<String, Object> variables) {
      List<String> v = VARIABLES.stream().map(variables).map(o -> o == null || o.toString().isBlank() ? null
          : o.toString().trim()).toList();
      return new French(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4));
    }

    /** The variables of the facts still missing. */
    public List<String> missing() {
      List<String> values = Arrays.asList(title, component, defect, safetyRisk, remedy);
      return IntStream.range(0, VARIABLES.size()).filter(i -> values.get(i) == null)
          .mapToObj(VARIABLES::get).toList();
    }

    /** As process variables (missing ones left out). */
    public Map<String, Object> variables() {
      Map<String, Object> map = new HashMap<>();
      List<String> values = Arrays.asList(title, component, defect, safetyRisk, remedy);
      for (int i = 0; i < VARIABLES.size(); i++) {
        if (values.get(i) != null) {
          map.put(VARIABLES.get(i), values.get(i));
        }
      }
      return map;
    }
  }


  /** The facts an owner reads, all in one language: {@code language} says which ({@code en} or {@code fr}). */
  public record Facts(String language, String title, String component, String defect, String safetyRisk,
      String remedy) {}

  /**
   * The facts in {@code language} ({@code en} or {@code fr}). French ones when the campaign has all
   * of them — every approved notice does ({@code FrenchFactsRule}), so a French owner reads on his
   * page what his notice told him. A campaign whose French facts are incomplete gives the English
   * ones, every one of them, with {@code language} {@code en}: the reader says so, never a silent mix.
   */
  public Facts facts(String language) {
    if ("fr".equals(language) && fr != null && fr.missing().isEmpty()) {
      return new Facts("fr", fr.title(), fr.component(), fr.defect(), fr.safetyRisk(), fr.remedy());
    }
    return new Facts("en", title, component, defect, safetyRisk, remedy);
  }

  public enum RemedyOption { DEALER, MOBILE, PICKUP }

  /** DRAFT while vehicles are imported and the notice written; LAUNCHED once owners are told; CLOSED at the end. */
  public enum CampaignStatus { DRAFT, APPROVED, LAUNCHED, CLOSED }
}
