package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.VAR_NOTICE_EN;
import static com.drivecare.recall.RecallProcess.VAR_NOTICE_FR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import com.drivecare.contact.NotificationTemplates;
import com.drivecare.contact.Words;
import com.drivecare.platform.TaskGuard;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The owner notice without the engine: drafts from the campaign's facts, the drafter's check, the approval. */
class RecallNoticesTest {

  final RecallRepository recalls = mock(RecallRepository.class);
  final NotificationTemplates templates = new NotificationTemplates(new Words());
  final RecallNotices notices = new RecallNotices(recalls, templates, new Words());

  static RecallCampaign campaign(RecallCampaign.French fr) {
    return new RecallCampaign("23V-838", "Rear-view camera", "Camera", "The image may stay blank.",
        "Less rear visibility.", "A software update.", List.of(RecallCampaign.RemedyOption.DEALER,
        RecallCampaign.RemedyOption.MOBILE), 2, true, null, RecallCampaign.CampaignStatus.DRAFT, "rita",
        Instant.parse("2026-11-23T09:00:00Z"), null, null, fr);
  }

  @Test
  void theDraftHasTheCampaignsFactsAndKeepsTheOwnersPlaceholders() {
    String en = notices.draft(campaign(RecallCampaign.French.from(n -> null)), Locale.ENGLISH);

    assertThat(en).contains("a safety recall: Rear-view camera.", "What is wrong: The image may stay blank.",
        "The risk: Less rear visibility.", "A software update. It takes about 2 h", "${customerName}", "${model}",
        "${vin}", "${partsText}", "${link}").doesNotContain("${campaignTitle}", "${defect}", "${remedyHours}", "#");
  }

  @Test
  void theFrenchDraftTakesTheFrenchFactsAndTheEnglishOnesStillMissing() {
    var fr = new RecallCampaign.French("Caméra de recul", null, "L'image peut rester noire.", null, null);
    String draft = notices.draft(campaign(fr), Locale.FRENCH);

    assertThat(draft).contains("rappel de sécurité : Caméra de recul.", "Le défaut : L'image peut rester noire.",
        "Le risque : Less rear visibility.", "${customerName}").doesNotContain("${defect}");
  }

  @Test
  void aDraftRendersForEveryOwner() {
    String en = notices.draft(campaign(RecallCampaign.French.from(n -> null)), Locale.ENGLISH);
    String filled = templates.fillText(en, Map.of("customerName", "Jane Doe", "model", "Aurora", "vin", "V",
        "partsText", "Parts are here.", "link", "https://x"));

    assertThat(filled).startsWith("Dear Jane Doe,").contains("Parts are here.", "https://x").doesNotContain("${");
  }

  @Test
  void aNoticeMustBeWrittenAndEveryPlaceholderKnown() {
    assertThatThrownBy(() -> notices.check(Map.of(VAR_NOTICE_EN, "Dear ${customerName}", VAR_NOTICE_FR, " ")))
        .isInstanceOf(TaskGuard.InvalidTaskInput.class).hasMessageContaining(VAR_NOTICE_FR + " is required");
    assertThatThrownBy(() -> notices.check(Map.of(VAR_NOTICE_EN, "Dear ${customerNmae}", VAR_NOTICE_FR, "Bonjour")))
        .isInstanceOf(TaskGuard.InvalidTaskInput.class).hasMessageContaining("customerNmae");
    // the campaign's own variables count as known, besides the owner's samples
    notices.check(Map.of(VAR_NOTICE_EN, "Dear ${customerName}: ${defect}", VAR_NOTICE_FR, "Bonjour ${customerName}",
        "defect", "x"));
  }

  @Test
  void theApprovalKeepsTheNoticesThenRefreshesTheStatistics() {
    var fr = new RecallCampaign.French("t", "c", "d", "s", "r");
    notices.approve("23V-838", fr, "en", "fr", "rita", "victor");

    var order = inOrder(recalls);
    order.verify(recalls).saveFrench("23V-838", fr);
    order.verify(recalls).saveNotice("23V-838", "en", "fr", "rita", "victor");
    order.verify(recalls).refreshStatistics();
  }
}
