package com.drivecare.service;

import static com.drivecare.service.ServiceCaseProcess.*;

import com.drivecare.contact.NotificationTemplates;
import com.drivecare.contact.Words;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The words a service case's messages carry, in the reader's language: what the entitlements cover,
 * what a manager granted, which open steps the customer reads about, and times in his zone.
 */
@Component
class ServiceCaseWording {

  /** The open steps a customer reads about (phrases {@code service-step.<task id>}); internal steps are not named. */
  static final List<String> CUSTOMER_STEPS = List.of(TASK_CONTACT_CUSTOMER, TASK_HANDLE_CASE,
      TASK_ARRANGE_MOBILITY, TASK_REVIEW_EXPENSE, TASK_MANAGER_DECISION, TASK_PRIORITY_FOLLOW_UP);

  private final Words words;
  private final NotificationTemplates templates;

  ServiceCaseWording(Words words, NotificationTemplates templates) {
    this.words = words;
    this.templates = templates;
  }

  /** What a manager granted on an escalation, and his own note. */
  record Grants(boolean goodwill, boolean loaner, boolean costCoverage, String note) {}

  /** What the entitlements cover, in words of {@code locale} (the bundle {@code words/words}). */
  String coverage(Entitlements e, Locale locale) {
    List<String> covered = new ArrayList<>();
    if (e.coversTowing()) {
      covered.add(words.phrase("cover.towing", locale));
    }
    if (e.coversHotel()) {
      covered.add(words.phrase("cover.hotel", locale, mobilityClass(e.hotelClass(), locale)));
    }
    if (e.coversTravelHome()) {
      covered.add(words.phrase("cover.travel-home", locale));
    }
    if (e.coversRepair()) {
      covered.add(words.phrase("cover.repair", locale));
    }
    if (e.coversIncidentals()) {
      covered.add(words.phrase("cover.incidentals", locale));
    }
    if (e.coversLoaner()) {
      covered.add(words.phrase("cover.loaner", locale, mobilityClass(e.loanerClass(), locale)));
    }
    return covered.isEmpty() ? words.phrase("cover.none", locale) : String.join(", ", covered);
  }

  /** What the manager granted, in words of {@code locale}, then his own note as he wrote it. */
  String decision(Grants grants, Locale locale) {
    List<String> parts = new ArrayList<>();
    if (grants.goodwill()) {
      parts.add(words.phrase("decision.goodwill", locale));
    }
    if (grants.loaner()) {
      parts.add(words.phrase("decision.loaner", locale));
    }
    if (grants.costCoverage()) {
      parts.add(words.phrase("decision.costs", locale));
    }
    String granted = parts.isEmpty() ? words.phrase("decision.none", locale) : String.join(", ", parts);
    return granted + (grants.note() == null || grants.note().isBlank() ? "" : ". " + grants.note());
  }

  /** The steps of {@code openTasks} (task definition keys) the customer reads about, or that none is open. */
  String currentSteps(Collection<String> openTasks, Locale locale) {
    List<String> open = openTasks.stream().filter(CUSTOMER_STEPS::contains).distinct()
        .map(k -> templates.phrase("service-step." + k, locale)).toList();
    return open.isEmpty() ? templates.phrase("service-step.none", locale) : String.join(", ", open);
  }

  /** What an SLA is called in the owner's warning. */
  static String slaName(String sla) {
    return SLA_FIRST_RESPONSE.equals(sla) ? "first response" : "resolution";
  }

  /** A moment as the customer reads it: his local date and time to the minute, {@code 2026-11-24 14:00}. */
  static String localTime(Instant at, ZoneId zone) {
    return at.atZone(zone).toLocalDateTime().withSecond(0).withNano(0).toString().replace('T', ' ');
  }

  private String mobilityClass(String value, Locale locale) {
    return value == null ? "" : words.code("class", value.replace(' ', '-'), locale);
  }
}
