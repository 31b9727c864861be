package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.*;

import com.drivecare.contact.ConsentService;
import com.drivecare.contact.ContactLog;
import com.drivecare.contact.Direction;
import com.drivecare.contact.NotificationRequest;
import com.drivecare.contact.NotificationService;
import com.drivecare.contact.SendNotificationDelegate;
import com.drivecare.customer.Channel;
import com.drivecare.customer.Customer;
import com.drivecare.customer.CustomerRepository;
import com.drivecare.people.AssignmentService;
import com.drivecare.people.Groups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The thin delegates of {@code recall-remedy}, one vehicle's journey through a recall. */
@Configuration(proxyBeanMethods = false)
class RemedyDelegates {

  private final RecallRepository recalls;
  private final RecallOutreach outreach;
  private final RecallProperties properties;
  private final CustomerRepository customers;
  private final NotificationService notifications;
  private final ConsentService consent;
  private final AssignmentService assignment;
  private final ContactLog contactLog;
  private final JdbcClient jdbc;
  private final SurveyService surveys;
  private final org.camunda.bpm.engine.RuntimeService runtimeService;
  private final com.drivecare.platform.PublicBaseUrl publicBaseUrl;
  private final Clock clock;

  RemedyDelegates(RecallRepository recalls, RecallOutreach outreach, RecallProperties properties,
      CustomerRepository customers, NotificationService notifications, ConsentService consent,
      AssignmentService assignment, ContactLog contactLog, JdbcClient jdbc, SurveyService surveys,
      org.camunda.bpm.engine.RuntimeService runtimeService,
      com.drivecare.platform.PublicBaseUrl publicBaseUrl, Clock clock) {
    this.outreach = outreach;
    this.properties = properties;
    this.surveys = surveys;
    this.runtimeService = runtimeService;
    this.publicBaseUrl = publicBaseUrl;
    this.recalls = recalls;
    this.customers = customers;
    this.notifications = notifications;
    this.consent = consent;
    this.assignment = assignment;
    this.contactLog = contactLog;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** {@code Task_IdentifyOwner}: the vehicle, its owner if known, and whether the parts are there for its region. */
  @Bean("identifyRecallOwner")
  JavaDelegate identifyRecallOwner() {
    return execution -> {
      String campaignId = campaignId(execution);
      var target = recalls.target(campaignId, vin(execution)).orElseThrow();
      execution.setVariables(outreach.journeyVariables(campaignId, target));
      if (target.ownerId() == null) {
        recalls.vehicleStatus(campaignId, target.vin(), "OWNER_UNKNOWN");
      }
    };
  }

  /** {@code Task_LinkOwner}: the owner a coordinator found is recorded on the vehicle. */
  @Bean("linkRecallOwner")
  JavaDelegate linkRecallOwner() {
    return execution -> {
      long customerId = ((Number) execution.getVariable("ownerCustomerId")).longValue();
      Customer owner = customers.find(customerId).orElseThrow(
          () -> new IllegalStateException("Customer " + customerId + " does not exist"));
      jdbc.sql("update drivecare.vehicle set owner_id = ? where vin = ?")
          .params(owner.id(), vin(execution)).update();
      execution.setVariable("customerId", owner.id());
      execution.setVariable("customerName", owner.name());
      execution.setVariable("ownerTimeZone", owner.timeZone());
    };
  }

  /**
   * {@code Task_NotifyOwner}: the approved notice, the same as the launch writes it (in the owner's
   * language and by name, on every written channel he has, plus a letter — always).
   */
  @Bean("notifyRecallOwner")
  JavaDelegate notifyRecallOwner() {
    return execution -> {
      RecallCampaign campaign = campaign(execution);
      var target = recalls.target(campaign.id(), vin(execution)).orElseThrow();
      Customer owner = customers.find(target.ownerId()).orElseThrow();
      notifications.requestAll(outreach.notices(campaign, outreach.stockByRegion(campaign.id()), List.of(target),
          Map.of(owner.id(), owner)));
      boolean parts = Boolean.TRUE.equals(execution.getVariable("partsAvailable"));
      recalls.vehicleStatus(campaign.id(), target.vin(), parts ? "NOTIFIED" : "WAITING_FOR_PARTS");
      if (parts) {
        invited(execution);
      } else {
        var expected = RecallOutreach.partsExpected(campaign, outreach.stockByRegion(campaign.id()), target.region());
        if (expected != null) {
          recalls.partsExpectedTold(campaign.id(), List.of(target.vin()), expected);
        }
      }
    };
  }

  /** {@code Task_InviteBooking}: the parts have arrived for his region; the owner is invited to book. */
  @Bean("inviteRecallBooking")
  JavaDelegate inviteRecallBooking() {
    return execution -> {
      Customer owner = owner(execution);
      RecallCampaign campaign = campaign(execution);
      notifications.request(new NotificationRequest("recall-parts-arrived", owner.id(), execution.getProcessBusinessKey(),
          key(execution), null, null, values(execution, campaign, owner), true));
      recalls.vehicleStatus(campaign.id(), vin(execution), "NOTIFIED");
      invited(execution);
    };
  }

  /** The owner is invited to book now: the reminders count from today. */
  private void invited(DelegateExecution execution) {
    Instant now = clock.instant();
    execution.setVariable("invitedAt", Date.from(now));
    execution.setVariable("remindersSent", 0);
    execution.setVariable("nextReminderAt", Date.from(schedule(execution).next(now, 0)));
  }

  /**
   * {@code Task_SendReminder}: the reminders escalate — a message at 30 and 60 days, then a call by
   * the owner's region's service advisors at 90 days and every 90 days after ({@code callNeeded}).
   */
  @Bean("sendRecallReminder")
  JavaDelegate sendRecallReminder() {
    return execution -> {
      int sent = ((Number) execution.getVariable("remindersSent")).intValue();
      Customer owner = owner(execution);
      RecallCampaign campaign = campaign(execution);
      boolean call = schedule(execution).isCall(sent);
      if (call) {
        execution.setVariable("reminderCaller", assignment.leastLoaded(owner.region(), Groups.SERVICE_ADVISORS));
        execution.setVariable("callWithin", Date.from(consent.nextCallSlot(owner, clock.instant()).plus(Duration.ofDays(2))));
      } else {
        notifications.request(new NotificationRequest("recall-reminder", owner.id(), execution.getProcessBusinessKey(),
            key(execution), null, null, values(execution, campaign, owner), true));
      }
      execution.setVariable("callNeeded", call);
      execution.setVariable("remindersSent", sent + 1);
      Date invited = (Date) execution.getVariable("invitedAt");
      execution.setVariable("nextReminderAt", Date.from(schedule(execution).next(invited.toInstant(), sent + 1)));
    };
  }

  /** {@code Task_RecordRemedy}: the vehicle is repaired. */
  @Bean("recordRemedy")
  JavaDelegate recordRemedy() {
    return execution -> {
      recalls.remedied(campaignId(execution), vin(execution),
          clock.instant());
      contactLog.record(execution.getProcessBusinessKey(), customerId(execution), Channel.WEB, Direction.OUTBOUND,
          String.valueOf(execution.getVariable("remedyDoneBy")), "REMEDY_COMPLETED", null);
    };
  }

  /** {@code Task_SendDelayNotice}: the owner hears at once that his repair slipped, and the new date. */
  @Bean("sendRecallDelayNotice")
  JavaDelegate sendRecallDelayNotice() {
    return execution -> {
      Customer owner = owner(execution);
      RecallCampaign campaign = campaign(execution);
      Map<String, Object> values = values(execution, campaign, owner);
      values.put("newEtaDay", ((Date) execution.getVariable("newEta")).toInstant().atZone(ZoneId.of(owner.timeZone()))
          .toLocalDate().toString());
      notifications.request(new NotificationRequest("recall-delay", owner.id(), execution.getProcessBusinessKey(),
          key(execution), null, null, values, false));
    };
  }

  /** {@code Task_RecordNoShow}: back to reminders, and the timeline says why. */
  @Bean("recordRecallNoShow")
  JavaDelegate recordRecallNoShow() {
    return execution -> {
      recalls.vehicleStatus(campaignId(execution), vin(execution),
          "NOTIFIED");
      contactLog.record(execution.getProcessBusinessKey(), customerId(execution), Channel.WEB, Direction.INBOUND,
          "customer:" + customerId(execution), "NO_SHOW", null);
    };
  }

  /** {@code Task_SendAppointmentReminder}: the day before, the owner is reminded where and when. */
  @Bean("sendAppointmentReminder")
  JavaDelegate sendAppointmentReminder() {
    return execution -> {
      Customer owner = owner(execution);
      RecallCampaign campaign = campaign(execution);
      Map<String, Object> values = values(execution, campaign, owner);
      values.put("appointmentDay", ((Date) execution.getVariable("appointmentAt")).toInstant()
          .atZone(ZoneId.of(owner.timeZone())).toLocalDateTime().toString().replace('T', ' '));
      notifications.request(new NotificationRequest("recall-appointment-reminder", owner.id(),
          execution.getProcessBusinessKey(), key(execution), null, null, values, false));
    };
  }

  /** {@code Task_SendSurvey}: two days after the repair, a survey link that needs no login. */
  @Bean("sendRecallSurvey")
  JavaDelegate sendRecallSurvey() {
    return execution -> {
      Customer owner = owner(execution);
      RecallCampaign campaign = campaign(execution);
      Map<String, Object> values = values(execution, campaign, owner);
      String key = key(execution);
      if (notifications.alreadyRequested(key)) {
        return; // a retried job: the survey (and its token) exists already
      }
      String token = surveys.open(execution.getProcessBusinessKey(), owner.id());
      values.put("surveyLink", publicBaseUrl.get() + "/self-service/#survey=" + token);
      notifications.request(new NotificationRequest("recall-survey", owner.id(), execution.getProcessBusinessKey(),
          key, null, null, values, false));
    };
  }

  /** {@code Task_RecordFollowUp}: what customer relations learned, on the timeline. */
  @Bean("recordRecallFollowUp")
  JavaDelegate recordRecallFollowUp() {
    return execution -> contactLog.record(execution.getProcessBusinessKey(), customerId(execution), Channel.CALL,
        Direction.OUTBOUND, String.valueOf(execution.getVariable("followedUpBy")), "FOLLOW_UP",
        "root cause: " + execution.getVariable("rootCause") + " — " + execution.getVariable("followUpNote"));
  }

  /** End listener of {@code recall-remedy}: when the last journey of a launched campaign ends, the campaign closes itself. */
  @Bean("vehicleJourneyEnded")
  org.camunda.bpm.engine.delegate.ExecutionListener vehicleJourneyEnded(@org.springframework.context.annotation.Lazy
      RecallCampaignService campaigns) {
    return execution -> campaigns.closeWhenDone(campaignId(execution), 1);
  }

  /** {@code Task_CloseVehicle}: sold, exported or scrapped — closed with the reason. */
  @Bean("closeRecallVehicle")
  JavaDelegate closeRecallVehicle() {
    return execution -> recalls.closeVehicle(campaignId(execution),
        vin(execution), String.valueOf(execution.getVariable("closeReason")));
  }

  /** The reminder schedule the journey carries (copied from its campaign when it started). */
  private ReminderSchedule schedule(DelegateExecution execution) {
    return ReminderSchedule.of(execution, properties.reminderSchedule());
  }

  /** The journey's variables, and what every recall message of this vehicle says (as the campaign writes it). */
  private Map<String, Object> values(DelegateExecution execution, RecallCampaign campaign, Customer owner) {
    Map<String, Object> values = SendNotificationDelegate.templateValues(execution);
    var target = recalls.target(campaign.id(), vin(execution)).orElseThrow();
    values.putAll(outreach.values(campaign, target, owner.locale(), outreach.stockByRegion(campaign.id())));
    return values;
  }

  private RecallCampaign campaign(DelegateExecution execution) {
    return recalls.find(campaignId(execution)).orElseThrow();
  }

  private Customer owner(DelegateExecution execution) {
    return customers.find(customerId(execution)).orElseThrow();
  }

  /** The vehicle's owner as the vehicle record holds him — never from a variable. */
  private long customerId(DelegateExecution execution) {
    Long owner = recalls.target(campaignId(execution), vin(execution)).orElseThrow().ownerId();
    if (owner == null) {
      throw new IllegalStateException("Vehicle " + vin(execution) + " has no known owner");
    }
    return owner;
  }

  /** The campaign of a journey: its business key is {@code <campaignId>:<VIN>}. */
  private static String campaignId(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    return key.substring(0, key.lastIndexOf(':'));
  }

  /** The vehicle of a journey, from its business key. */
  private static String vin(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    return key.substring(key.lastIndexOf(':') + 1);
  }

  private static String key(DelegateExecution execution) {
    return SendNotificationDelegate.stepKey(execution);
  }
}
