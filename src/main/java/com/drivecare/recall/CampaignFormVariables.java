package com.drivecare.recall;

import com.drivecare.contact.LiveFormVariables;
import com.drivecare.contact.Words;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/** The campaign's notice forms say whether its facts are in French yet ({@code translationCheck}). */
@Component
class CampaignFormVariables implements LiveFormVariables {

  private final Words words;

  CampaignFormVariables(Words words) {
    this.words = words;
  }

  @Override
  public Map<String, Object> live(String processDefinitionKey, String taskDefinitionKey, VariableMap current) {
    if (!RecallProcess.CAMPAIGN_KEY.equals(processDefinitionKey)) {
      return Map.of();
    }
    var missing = RecallCampaign.French.from(current::get).missing();
    return Map.of("translationCheck", missing.isEmpty() ? words.phrase("translation.complete", Locale.ENGLISH)
        : "⚠ " + words.phrase("translation.missing", Locale.ENGLISH,
            missing.stream().map(m -> words.phrase("fact." + m, Locale.ENGLISH)).collect(Collectors.joining(", "))));
  }
}
