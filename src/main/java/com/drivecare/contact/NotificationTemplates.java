package com.drivecare.contact;

import com.drivecare.customer.Channel;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * The texts of notifications, in {@code notifications/messages.properties} (English) and
 * {@code messages_fr.properties}: per template a {@code .subject}, a {@code .body} and optionally a
 * shorter {@code .sms}; {@code ${name}} placeholders are filled from the request. A placeholder
 * without a value is an error, so no customer ever reads "${caseOwnerName}".
 */
@Component
public class NotificationTemplates {

  private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
  private final PropertyPlaceholderHelper placeholders = new PropertyPlaceholderHelper("${", "}", null, null, false);
  private final PropertyPlaceholderHelper partial = new PropertyPlaceholderHelper("${", "}", null, null, true);

  /** Placeholders whose values are codes, shown as words of the reader's language (bundle group). */
  static final Map<String, String> CODE_PLACEHOLDERS = Map.of("tier", "tier", "expenseKind", "expenseKind",
      "kind", "kind", "remedyOption", "remedyOption");

  private final Words words;

  public NotificationTemplates(Words words) {
    this.words = words;
    messages.setBasename("notifications/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    messages.setUseCodeAsDefaultMessage(false);
  }

  /**
   * Renders a template in {@code locale}. A value given as {@code <name>_<language>} (say
   * {@code coverage_fr}) is what a reader of that language gets for {@code ${name}}, so a fragment
   * made by Drivecare reaches each customer in his own language; code values ({@code PRESTIGE},
   * {@code HOTEL}) become words of the bundle {@code words/words}.
   */
  public Rendered render(String template, Channel channel, Locale locale, Map<String, Object> values) {
    Properties props = new Properties();
    values.forEach((k, v) -> {
      if (v != null) {
        props.setProperty(k, v.toString());
      }
    });
    CODE_PLACEHOLDERS.forEach((name, group) -> {
      if (props.getProperty(name) != null && props.getProperty(name).matches("[A-Z_]+")) {
        props.setProperty(name, words.code(group, props.getProperty(name), locale));
      }
    });
    String suffix = "_" + locale.getLanguage();
    values.forEach((k, v) -> {
      if (v != null && k.endsWith(suffix)) {
        props.setProperty(k.substring(0, k.length() - suffix.length()), v.toString());
      }
    });
    try {
      String subject = messages.getMessage(template + ".subject", null, locale);
      String body = channel == Channel.SMS
          ? messages.getMessage(template + ".sms", null, messages.getMessage(template + ".body", null, locale), locale)
          : messages.getMessage(template + ".body", null, locale);
      return new Rendered(fill(subject, props, template), fill(body, props, template));
    } catch (NoSuchMessageException e) {
      throw new IllegalArgumentException("Unknown notification template '" + template + "'", e);
    }
  }

  /**
   * Fills {@code ${name}} placeholders of a text written by staff (a recall notice, say) — the
   * same rules as templates: an unknown placeholder is an error, never printed as is.
   */
  public String fillText(String text, Map<String, Object> values) {
    Properties props = new Properties();
    values.forEach((k, v) -> {
      if (v != null) {
        props.setProperty(k, v.toString());
      }
    });
    return fill(text, props, "text");
  }

  /**
   * Fills the {@code ${name}} placeholders of a text that {@code values} has, and leaves the others
   * as they are, for a later {@link #fillText} or {@link #render}: a text filled in two stages (a
   * recall notice: the campaign's facts once, the owner's name per owner).
   */
  public String prefill(String text, Map<String, Object> values) {
    Properties props = new Properties();
    values.forEach((k, v) -> {
      if (v != null) {
        props.setProperty(k, v.toString());
      }
    });
    try {
      return partial.replacePlaceholders(text, props);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Text: " + e.getMessage(), e);
    }
  }

  /** A fixed phrase of the templates (key {@code <name>}) in the given language. */
  public String phrase(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  private String fill(String text, Properties values, String template) {
    try {
      return placeholders.replacePlaceholders(text, values);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Template '" + template + "': " + e.getMessage(), e);
    }
  }

  public record Rendered(String subject, String body) {}
}
