package com.drivecare.service;

import static com.drivecare.service.ServiceCaseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.drivecare.contact.NotificationTemplates;
import com.drivecare.contact.Words;
import com.drivecare.service.ServiceCaseWording.Grants;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words of a service case's messages, in English and French, without the engine. */
class ServiceCaseWordingTest {

  final NotificationTemplates templates = mock(NotificationTemplates.class);
  final ServiceCaseWording wording = new ServiceCaseWording(new Words(), templates);

  @Test
  void coverageNamesWhatIsCoveredInTheReadersLanguage() {
    Entitlements prestige = Entitlements.from(Map.ofEntries(Map.entry("tier", "PRESTIGE"),
        Map.entry("firstResponseHours", 1), Map.entry("resolutionHours", 24), Map.entry("updateCadenceHours", 4),
        Map.entry("hotelClass", "5-star"), Map.entry("loanerClass", "same model"), Map.entry("coversTowing", true),
        Map.entry("coversHotel", true), Map.entry("coversTravelHome", true)));
    assertThat(wording.coverage(prestige, Locale.ENGLISH))
        .isEqualTo("towing, hotel (5-star), travel home, loaner car (same model)");
    assertThat(wording.coverage(prestige, Locale.FRENCH))
        .isEqualTo("remorquage, hôtel (5 étoiles), retour à domicile, véhicule de prêt (même modèle)");
  }

  @Test
  void coverageOfNothingSaysSoAndANoneLoanerIsNoLoaner() {
    Entitlements standard = Entitlements.from(Map.of("tier", "STANDARD", "firstResponseHours", 8,
        "resolutionHours", 40, "updateCadenceHours", 24, "loanerClass", "none"));
    assertThat(standard.coversLoaner()).isFalse();
    assertThat(wording.coverage(standard, Locale.ENGLISH)).isEqualTo("nothing beyond the repair");
  }

  @Test
  void decisionListsTheGrantsThenTheManagersNote() {
    assertThat(wording.decision(new Grants(true, true, false, "Sorry for the wait."), Locale.ENGLISH))
        .isEqualTo("a goodwill gesture, a loaner car. Sorry for the wait.");
    assertThat(wording.decision(new Grants(false, false, true, " "), Locale.FRENCH))
        .isEqualTo("vos frais sont pris en charge");
    assertThat(wording.decision(new Grants(false, false, false, null), Locale.ENGLISH))
        .isEqualTo("no additional measure");
  }

  @Test
  void statusUpdateNamesOnlyTheStepsTheCustomerReadsAbout() {
    when(templates.phrase("service-step." + TASK_HANDLE_CASE, Locale.ENGLISH)).thenReturn("we are repairing");
    when(templates.phrase("service-step." + TASK_REVIEW_EXPENSE, Locale.ENGLISH)).thenReturn("we review your costs");
    when(templates.phrase("service-step.none", Locale.ENGLISH)).thenReturn("nothing open");
    assertThat(wording.currentSteps(List.of(TASK_HANDLE_CASE, TASK_MANAGER_INTERVENTION, TASK_REVIEW_EXPENSE,
        TASK_REVIEW_EXPENSE), Locale.ENGLISH)).isEqualTo("we are repairing, we review your costs");
    assertThat(wording.currentSteps(List.of(TASK_MANAGER_INTERVENTION), Locale.ENGLISH)).isEqualTo("nothing open");
  }

  @Test
  void timesAreTheCustomersLocalTimeToTheMinute() {
    assertThat(ServiceCaseWording.localTime(Instant.parse("2026-11-24T13:00:42Z"), ZoneId.of("Europe/Paris")))
        .isEqualTo("2026-11-24 14:00");
    assertThat(ServiceCaseWording.slaName(SLA_FIRST_RESPONSE)).isEqualTo("first response");
    assertThat(ServiceCaseWording.slaName(SLA_RESOLUTION)).isEqualTo("resolution");
  }
}
