package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.VAR_NOTICE_EN;
import static com.drivecare.recall.RecallProcess.VAR_NOTICE_FR;

import com.drivecare.contact.NotificationTemplates;
import com.drivecare.contact.Words;
import com.drivecare.platform.TaskGuard;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The owner notice of a campaign: its first drafts, the check of what the coordinator wrote, and
 * the approved text kept with the campaign. Notices use the templates' {@code ${name}}
 * placeholders: the campaign's facts are filled once, in the draft; the owner's own values
 * ({@code ${customerName}}, {@code ${model}}, {@code ${link}} …) when each owner's notice is rendered.
 */
@Service
class RecallNotices {

  /** The notices a campaign keeps, one per language, as its variables name them. */
  static final List<String> NOTICES = List.of(VAR_NOTICE_EN, VAR_NOTICE_FR);

  /** Sample values a notice is test-rendered with before it goes to approval. */
  static final Map<String, Object> SAMPLE = Map.of("customerName", "Jane Doe", "model", "Aurora Sedan",
      "vin", "1DCAR5EV1RA000101", "partsText", "…", "link", "https://…", "campaignId", "X", "campaignTitle", "X");

  private final RecallRepository recalls;
  private final NotificationTemplates templates;
  private final Words words;

  RecallNotices(RecallRepository recalls, NotificationTemplates templates, Words words) {
    this.recalls = recalls;
    this.templates = templates;
    this.words = words;
  }

  /**
   * The first draft of the notice in a language: the campaign's facts in the template of the
   * language (the French facts for French, the English ones where a French fact is still missing —
   * the forms flag it); the owner's placeholders stay for later.
   */
  String draft(RecallCampaign c, Locale locale) {
    boolean french = Locale.FRENCH.getLanguage().equals(locale.getLanguage());
    RecallCampaign.French fr = c.fr();
    Map<String, Object> facts = new HashMap<>();
    facts.put("campaignTitle", pick(french, fr.title(), c.title()));
    facts.put("component", pick(french, fr.component(), c.component()));
    facts.put("defect", pick(french, fr.defect(), c.defect()));
    facts.put("safetyRisk", pick(french, fr.safetyRisk(), c.safetyRisk()));
    facts.put("remedy", pick(french, fr.remedy(), c.remedy()));
    facts.put("remedyHours", c.remedyHours());
    facts.put("remedyOptions", words.codes("remedyOption",
        String.join(",", c.remedyOptions().stream().map(Enum::name).toList()), locale));
    return templates.prefill(templates.phrase("recall-notice.draft", locale), facts);
  }

  private static String pick(boolean french, String fr, String en) {
    return french && fr != null ? fr : en;
  }

  /**
   * Both notices are written and render: every placeholder has a value (the campaign's variables,
   * or a sample of an owner's). A person's mistake is refused as task input, not as an engine error.
   */
  void check(Map<String, Object> variables) {
    for (String notice : NOTICES) {
      Object text = variables.get(notice);
      if (text == null || text.toString().isBlank()) {
        throw new TaskGuard.InvalidTaskInput(notice + " is required");
      }
      Map<String, Object> values = new HashMap<>(SAMPLE);
      variables.forEach(values::putIfAbsent);
      try {
        templates.fillText(text.toString(), values);
      } catch (IllegalArgumentException e) {
        throw new TaskGuard.InvalidTaskInput(notice + ": " + e.getMessage());
      }
    }
  }

  /**
   * The approved notices (and the French facts) are kept with the campaign, which can no longer take
   * imports; the statistics the launch plans on are refreshed.
   */
  void approve(String campaignId, RecallCampaign.French fr, String noticeEn, String noticeFr, String draftedBy,
      String approvedBy) {
    recalls.saveFrench(campaignId, fr);
    recalls.saveNotice(campaignId, noticeEn, noticeFr, draftedBy, approvedBy);
    recalls.refreshStatistics();
  }
}
