package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.MSG_SURVEY_ANSWERED;
import static com.drivecare.recall.RecallProcess.VAR_SURVEY_COMMENT;
import static com.drivecare.recall.RecallProcess.VAR_SURVEY_SCORE;

import com.drivecare.contact.ContactLog;
import com.drivecare.contact.Direction;
import com.drivecare.customer.Channel;
import com.drivecare.platform.ConflictException;
import com.drivecare.platform.InvalidInputException;
import com.drivecare.platform.NotFoundException;
import com.drivecare.platform.SecretTokens;
import com.drivecare.recall.SurveyRepository.Survey;
import java.time.Clock;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction surveys after a recall repair: a random token in the survey link (only its hash is
 * kept) lets the owner answer once, without logging in.
 */
@Service
public class SurveyService {

  private final SurveyRepository surveys;
  private final RuntimeService runtimeService;
  private final ContactLog contactLog;
  private final Clock clock;

  SurveyService(SurveyRepository surveys, RuntimeService runtimeService, ContactLog contactLog, Clock clock) {
    this.surveys = surveys;
    this.runtimeService = runtimeService;
    this.contactLog = contactLog;
    this.clock = clock;
  }

  /** A new survey token for the journey (its business key); the token itself is returned once. */
  @Transactional
  public String open(String businessKey, long customerId) {
    String token = SecretTokens.newToken("srv_", 24);
    surveys.open(SecretTokens.hash(token), businessKey, customerId, clock.instant());
    return token;
  }

  /** The survey of a link's token, if there is one. */
  Optional<Survey> find(String token) {
    return surveys.find(SecretTokens.hash(token == null ? "" : token));
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
    String hash = SecretTokens.hash(token == null ? "" : token);
    Survey survey = surveys.lock(hash).orElseThrow(() -> new NotFoundException("Survey"));
    if (survey.answered()) {
      throw new ConflictException("This survey has already been answered — thank you");
    }
    surveys.answer(hash, score, comment, clock.instant());
    contactLog.record(survey.businessKey(), survey.customerId(), Channel.WEB, Direction.INBOUND,
        "customer:" + survey.customerId(), "SURVEY_" + score, comment);
    try {
      runtimeService.createMessageCorrelation(MSG_SURVEY_ANSWERED).processInstanceBusinessKey(survey.businessKey())
          .setVariable(VAR_SURVEY_SCORE, score).setVariable(VAR_SURVEY_COMMENT, comment == null ? "" : comment)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("This survey has closed");
    }
  }
}
