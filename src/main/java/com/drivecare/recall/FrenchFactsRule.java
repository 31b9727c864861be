package com.drivecare.recall;

import com.drivecare.contact.Words;
import com.drivecare.platform.TaskGuard;
import com.drivecare.platform.TaskInputRule;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The rule of {@code Task_ApproveOwnerNotice}: a notice is approved only when the campaign's facts
 * are in French too — otherwise French owners would read English inside their French notice. A
 * rejection (sending the draft back) is always possible.
 */
@Component
class FrenchFactsRule implements TaskInputRule {

  private final Words words;

  FrenchFactsRule(Words words) {
    this.words = words;
  }

  @Override
  public boolean appliesTo(String processDefinitionKey, String taskDefinitionKey) {
    return RecallProcess.CAMPAIGN_KEY.equals(processDefinitionKey)
        && RecallProcess.TASK_APPROVE_OWNER_NOTICE.equals(taskDefinitionKey);
  }

  @Override
  public void check(Function<String, Object> values) {
    if (!Boolean.TRUE.equals(values.apply(RecallProcess.VAR_APPROVED))
        && !"true".equals(String.valueOf(values.apply(RecallProcess.VAR_APPROVED)))) {
      return;
    }
    var missing = RecallCampaign.French.from(values).missing();
    if (!missing.isEmpty()) {
      throw new TaskGuard.InvalidTaskInput(words.phrase("translation.missing", Locale.ENGLISH,
          missing.stream().map(m -> words.phrase("fact." + m, Locale.ENGLISH)).collect(Collectors.joining(", ")))
          + " Send the draft back to its drafter.");
    }
  }
}
