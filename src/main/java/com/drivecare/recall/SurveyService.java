package com.drivecare.recall;

import static com.drivecare.platform.Db.ts;

import com.drivecare.contact.ContactLog;
import com.drivecare.contact.Direction;
import com.drivecare.customer.Channel;
import com.drivecare.platform.ConflictException;
import com.drivecare.platform.InvalidInputException;
import com.drivecare.platform.NotFoundException;
import com.drivecare.platform.SecretTokens;
import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction surveys after a recall repair: a random token in the survey link (only its hash is
 * kept) lets the owner answer once, without logging in.
 */
@Service
public class SurveyService {

  private final JdbcClient jdbc;
  private final RuntimeService runtimeService;
  private final ContactLog contactLog;
  private final Clock clock;

  SurveyService(JdbcClient jdbc, RuntimeService runtimeService, ContactLog contactLog, Clock clock) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.contactLog = contactLog;
    this.clock = clock;
  }

  /** A new survey token for the journey (its business key); the token itself is returned once. */
  @Transactional
  public String open(String businessKey, long customerId) {
    String token = SecretTokens.newToken("srv_", 24);
    jdbc.sql("insert into drivecare.recall_survey (token_hash, business_key, customer_id, created_at) values (?, ?, ?, ?)")
        .params(SecretTokens.hash(token), businessKey, customerId, ts(clock.instant())).update();
    return token;
  }

  /** The owner's answer: 1–5 and a comment. Once only; unknown tokens are not found. */
  @Transactional
  public void answer(String token, Integer score, String comment) {
    if (score == null || score < 1 || score > 5) {
      throw new InvalidInputException("score", "must be a whole number from 1 to 5");
    }
    if (comment != null && comment.length() > 2000) {
      throw new InvalidInputException("comment", "must be at most 2000 characters");
    }
    var survey = jdbc.sql("select business_key, customer_id, answered_at from drivecare.recall_survey where token_hash = ? for update")
        .param(SecretTokens.hash(token == null ? "" : token)).query().listOfRows();
    if (survey.isEmpty()) {
      throw new NotFoundException("Survey");
    }
    Map<String, Object> row = survey.get(0);
    if (value(row, "answered_at") != null) {
      throw new ConflictException("This survey has already been answered — thank you");
    }
    String businessKey = (String) value(row, "business_key");
    jdbc.sql("update drivecare.recall_survey set answered_at = ?, score = ?, comment = ? where token_hash = ?")
        .params(ts(clock.instant()), score, comment, SecretTokens.hash(token)).update();
    contactLog.record(businessKey, ((Number) value(row, "customer_id")).longValue(), Channel.WEB, Direction.INBOUND,
        "customer:" + value(row, "customer_id"), "SURVEY_" + score, comment);
    try {
      runtimeService.createMessageCorrelation("SurveyAnswered").processInstanceBusinessKey(businessKey)
          .setVariable("surveyScore", score).setVariable("surveyComment", comment == null ? "" : comment)
          .correlateWithResult();
    } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException e) {
      throw new ConflictException("This survey has closed");
    }
  }

  private static Object value(Map<String, Object> row, String column) {
    for (Map.Entry<String, Object> e : row.entrySet()) {
      if (e.getKey().equalsIgnoreCase(column)) {
        return e.getValue();
      }
    }
    return null;
  }

}
