package com.drivecare.contact;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The texts of the customers' self-service page, in English ({@code self-service/messages.properties})
 * and French ({@code messages_fr.properties}): the page asks for them in the customer's language,
 * and the few texts the server writes for the customer (the calendar file) come from here too.
 */
@Component
public class PageTexts {

  /** The languages the page is written in; the first is the default. */
  public static final Set<String> LANGUAGES = Set.of("en", "fr");
  private static final String BUNDLE = "self-service.messages";

  private final Map<String, Map<String, String>> byLanguage = new ConcurrentHashMap<>();

  /** {@code language} if the page speaks it, else English. */
  public static String language(String language) {
    String lang = language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
    if (lang.length() > 2) {
      lang = lang.substring(0, 2);
    }
    return LANGUAGES.contains(lang) ? lang : "en";
  }

  /** Every text of the page in the language (English for what a translation lacks). */
  public Map<String, String> all(String language) {
    return byLanguage.computeIfAbsent(language(language), lang -> {
      ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(lang),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
      Map<String, String> texts = new TreeMap<>();
      bundle.keySet().forEach(key -> texts.put(key, bundle.getString(key)));
      return Collections.unmodifiableMap(texts);
    });
  }

  /** One text with its {@code {name}} placeholders filled. */
  public String text(String language, String key, Map<String, ?> values) {
    String text = all(language).getOrDefault(key, key);
    for (Map.Entry<String, ?> value : values.entrySet()) {
      text = text.replace("{" + value.getKey() + "}", String.valueOf(value.getValue()));
    }
    return text;
  }
}
