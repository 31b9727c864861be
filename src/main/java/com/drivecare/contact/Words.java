package com.drivecare.contact;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Codes, times and money as people read them. Codes ({@code DEALER}, {@code NOT_REACHED},
 * {@code PRESTIGE}) become words from the bundle {@code words/words[_fr].properties}, key
 * {@code <group>.<CODE>}; a code the bundle does not know is shown in lower case with spaces, never
 * as a constant. Times carry their zone ("Tue 1 Dec 2026, 16:00 Paris time"), money its currency.
 */
@Component
public class Words {

  private final ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();

  public Words() {
    bundle.setBasename("words/words");
    bundle.setDefaultEncoding("UTF-8");
    bundle.setFallbackToSystemLocale(false);
  }

  /** The words for {@code code} of {@code group} (e.g. {@code outcome}, {@code NOT_REACHED}) in {@code locale}. */
  public String code(String group, Object code, Locale locale) {
    if (code == null || code.toString().isBlank()) {
      return "";
    }
    String text = code.toString().trim();
    try {
      return bundle.getMessage(group + "." + text, null, locale);
    } catch (NoSuchMessageException e) {
      return text.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
  }

  /** A comma-separated list of codes ({@code DEALER, MOBILE}) as words joined the language's way. */
  public String codes(String group, Object list, Locale locale) {
    if (list == null) {
      return "";
    }
    List<String> items = Arrays.stream(list.toString().replaceAll("[\\[\\]]", "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).map(s -> code(group, s, locale)).toList();
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " " + phrase("list.and", locale) + " "
        + items.get(items.size() - 1);
  }

  /** A fixed phrase of the bundle. */
  public String phrase(String key, Locale locale, Object... args) {
    return bundle.getMessage(key, args, key, locale);
  }

  /** "Tue 1 Dec 2026, 16:00 Paris time": the moment in {@code zone}, with the zone named. */
  public String at(Instant at, ZoneId zone, Locale locale) {
    if (at == null) {
      return "";
    }
    ZonedDateTime local = at.atZone(zone);
    return DateTimeFormatter.ofPattern(phrase("format.date-time", locale), locale).format(local) + " "
        + zoneName(zone, locale);
  }

  /** "16:00 (Tue) Paris time": a time of day in {@code zone}, with the zone named. */
  public String timeOfDay(Instant at, ZoneId zone, Locale locale) {
    return DateTimeFormatter.ofPattern(phrase("format.time-of-day", locale), locale).format(at.atZone(zone)) + " "
        + zoneName(zone, locale);
  }

  /** "Paris time (UTC+01:00)". */
  public String zoneName(ZoneId zone, Locale locale) {
    String id = zone.getId();
    String city = id.contains("/") ? id.substring(id.lastIndexOf('/') + 1).replace('_', ' ') : id;
    return phrase("zone.name", locale, city);
  }

  /** "3 h 20 min left" or "overdue by 2 h". */
  public String timeLeft(Instant due, Instant now, Locale locale) {
    Duration left = Duration.between(now, due);
    String span = span(left.abs());
    return left.isNegative() ? phrase("time.overdue", locale, span) : phrase("time.left", locale, span);
  }

  private static String span(Duration d) {
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    if (days > 0) {
      return days + " d " + hours + " h";
    }
    if (hours > 0) {
      return hours + " h " + minutes + " min";
    }
    return minutes + " min";
  }

  /** "€185,000" / "185 000 €": an amount with its currency, the language's way. */
  public String money(BigDecimal amount, String currency, Locale locale) {
    if (amount == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    if (currency != null && !currency.isBlank()) {
      format.setCurrency(Currency.getInstance(currency.trim()));
    }
    if (amount.stripTrailingZeros().scale() <= 0) {
      format.setMaximumFractionDigits(0);
      format.setMinimumFractionDigits(0);
    }
    return format.format(amount);
  }

  /** The name of a language in {@code locale} ("French"). */
  public String language(String languageTag, Locale locale) {
    if (languageTag == null || languageTag.isBlank()) {
      return "";
    }
    return Locale.forLanguageTag(languageTag).getDisplayLanguage(locale);
  }
}
