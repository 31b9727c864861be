package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.*;

import com.drivecare.customer.Channel;
import com.drivecare.contact.ConsentService;
import com.drivecare.contact.ContactLog;
import com.drivecare.contact.Direction;
import com.drivecare.contact.NotificationRequest;
import com.drivecare.contact.NotificationService;
import com.drivecare.customer.Customer;
import com.drivecare.customer.CustomerRepository;
import com.drivecare.customer.VehicleRepository;
import com.drivecare.people.AssignmentService;
import com.drivecare.people.Groups;
import com.drivecare.platform.PublicBaseUrl;
import com.drivecare.recall.RecallRepository.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What the steps of one vehicle's journey ({@code recall-remedy}) do, without the engine: each
 * method takes what the step loaded (the campaign and VIN of its business key, the variables it
 * reads) and returns the variables it sets. The vehicle's owner is always the one its record holds,
 * never a variable.
 */
@Service
class RemedyJourney {

  private final RecallRepository recalls;
  private final RecallOutreach outreach;
  private final CustomerRepository customers;
  private final VehicleRepository vehicles;
  private final NotificationService notifications;
  private final ConsentService consent;
  private final AssignmentService assignment;
  private final ContactLog contactLog;
  private final SurveyService surveys;
  private final PublicBaseUrl publicBaseUrl;
  private final Clock clock;

  RemedyJourney(RecallRepository recalls, RecallOutreach outreach, CustomerRepository customers,
      VehicleRepository vehicles, NotificationService notifications, ConsentService consent,
      AssignmentService assignment, ContactLog contactLog, SurveyService surveys, PublicBaseUrl publicBaseUrl,
      Clock clock) {
    this.recalls = recalls;
    this.outreach = outreach;
    this.customers = customers;
    this.vehicles = vehicles;
    this.notifications = notifications;
    this.consent = consent;
    this.assignment = assignment;
    this.contactLog = contactLog;
    this.surveys = surveys;
    this.publicBaseUrl = publicBaseUrl;
    this.clock = clock;
  }

  /** The vehicle, its owner if known, and whether the parts are there for its region; no owner: OWNER_UNKNOWN. */
  Map<String, Object> identifyOwner(String campaignId, String vin) {
    Target target = target(campaignId, vin);
    Map<String, Object> variables = outreach.journeyVariables(campaignId, target);
    if (target.ownerId() == null) {
      recalls.vehicleStatus(campaignId, vin, RecallVehicleStatus.OWNER_UNKNOWN);
    }
    return variables;
  }

  /** The owner a coordinator found is recorded on the vehicle (the customer package's record). */
  Map<String, Object> linkOwner(String vin, long customerId) {
    Customer owner = customers.find(customerId)
        .orElseThrow(() -> new IllegalStateException("Customer " + customerId + " does not exist"));
    vehicles.linkOwner(vin, owner.id());
    return Map.of(VAR_CUSTOMER_ID, owner.id(), VAR_CUSTOMER_NAME, owner.name(), VAR_OWNER_TIME_ZONE, owner.timeZone());
  }

  /**
   * The approved notice, the same as the launch writes it (in the owner's language and by name, on
   * every written channel he has, and by letter when he has a postal address). With the parts here
   * the owner is invited to book; else he waits for them and has been told when they are expected.
   *
   * @return the variables of the invitation (none while he waits for parts)
   */
  Map<String, Object> notifyOwner(String campaignId, String vin, boolean partsAvailable, ReminderSchedule schedule) {
    RecallCampaign campaign = campaign(campaignId);
    Target target = target(campaignId, vin);
    Customer owner = customers.find(target.ownerId()).orElseThrow();
    var stock = outreach.stockByRegion(campaignId);
    notifications.requestAll(outreach.notices(campaign, stock, List.of(target), Map.of(owner.id(), owner)));
    recalls.vehicleStatus(campaignId, vin,
        partsAvailable ? RecallVehicleStatus.NOTIFIED : RecallVehicleStatus.WAITING_FOR_PARTS);
    if (partsAvailable) {
      return invited(schedule);
    }
    var expected = RecallOutreach.partsExpected(campaign, stock, target.region());
    if (expected != null) {
      recalls.partsExpectedTold(campaignId, List.of(vin), expected);
    }
    return Map.of();
  }

  /** The parts have arrived for his region: the owner is invited to book. */
  Map<String, Object> inviteToBook(String campaignId, String vin, Map<String, Object> journeyValues, String stepKey,
      ReminderSchedule schedule) {
    Customer owner = owner(campaignId, vin);
    notifications.request(new NotificationRequest("recall-parts-arrived", owner.id(), journeyKey(campaignId, vin),
        stepKey, null, null, values(campaignId, vin, owner, journeyValues), true));
    recalls.vehicleStatus(campaignId, vin, RecallVehicleStatus.NOTIFIED);
    return invited(schedule);
  }

  /** The owner is invited to book now: the reminders count from now. */
  Map<String, Object> invited(ReminderSchedule schedule) {
    Instant now = clock.instant();
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_INVITED_AT, Date.from(now));
    variables.put(VAR_REMINDERS_SENT, 0);
    variables.put(VAR_NEXT_REMINDER_AT, Date.from(schedule.next(now, 0)));
    return variables;
  }

  /**
   * The next reminder. They escalate: a message at first, then (the schedule says when) a call by a
   * service advisor of the owner's region, within two days of the next hour the owner may be called.
   *
   * @param sent how many reminders were sent before this one
   */
  Map<String, Object> remind(String campaignId, String vin, int sent, Instant invitedAt, ReminderSchedule schedule,
      Map<String, Object> journeyValues, String stepKey) {
    Customer owner = owner(campaignId, vin);
    boolean call = schedule.isCall(sent);
    Map<String, Object> variables = new HashMap<>();
    if (call) {
      variables.put(VAR_REMINDER_CALLER, assignment.leastLoaded(owner.region(), Groups.SERVICE_ADVISORS));
      variables.put(VAR_CALL_WITHIN, Date.from(consent.nextCallSlot(owner, clock.instant()).plus(Duration.ofDays(2))));
    } else {
      notifications.request(new NotificationRequest("recall-reminder", owner.id(), journeyKey(campaignId, vin), stepKey,
          null, null, values(campaignId, vin, owner, journeyValues), true));
    }
    variables.put(VAR_CALL_NEEDED, call);
    variables.put(VAR_REMINDERS_SENT, sent + 1);
    variables.put(VAR_NEXT_REMINDER_AT, Date.from(schedule.next(invitedAt, sent + 1)));
    return variables;
  }

  /** The vehicle is repaired: recorded, and on the owner's timeline. */
  void remedied(String campaignId, String vin, String doneBy) {
    recalls.remedied(campaignId, vin, clock.instant());
    contactLog.record(journeyKey(campaignId, vin), customerId(campaignId, vin), Channel.WEB, Direction.OUTBOUND, doneBy,
        "REMEDY_COMPLETED", null);
  }

  /** The owner hears at once that his repair slipped, and the new date (his day, in his time zone). */
  void sendDelayNotice(String campaignId, String vin, Instant newEta, Map<String, Object> journeyValues, String stepKey) {
    Customer owner = owner(campaignId, vin);
    Map<String, Object> values = values(campaignId, vin, owner, journeyValues);
    values.put("newEtaDay", newEta.atZone(ZoneId.of(owner.timeZone())).toLocalDate().toString());
    notifications.request(new NotificationRequest("recall-delay", owner.id(), journeyKey(campaignId, vin), stepKey, null,
        null, values, false));
  }

  /** The owner did not come: back to reminders, and the timeline says why. */
  void noShow(String campaignId, String vin) {
    recalls.vehicleStatus(campaignId, vin, RecallVehicleStatus.NOTIFIED);
    long owner = customerId(campaignId, vin);
    contactLog.record(journeyKey(campaignId, vin), owner, Channel.WEB, Direction.INBOUND, "customer:" + owner, "NO_SHOW",
        null);
  }

  /** The day before, the owner is reminded where and when (his local time). */
  void sendAppointmentReminder(String campaignId, String vin, Instant appointmentAt, Map<String, Object> journeyValues,
      String stepKey) {
    Customer owner = owner(campaignId, vin);
    Map<String, Object> values = values(campaignId, vin, owner, journeyValues);
    values.put("appointmentDay", appointmentAt.atZone(ZoneId.of(owner.timeZone())).toLocalDateTime().toString()
        .replace('T', ' '));
    notifications.request(new NotificationRequest("recall-appointment-reminder", owner.id(), journeyKey(campaignId, vin),
        stepKey, null, null, values, false));
  }

  /** After the repair, a survey link that needs no login; a retried step opens no second survey. */
  void sendSurvey(String campaignId, String vin, Map<String, Object> journeyValues, String stepKey) {
    if (notifications.alreadyRequested(stepKey)) {
      return; // a retried job: the survey (and its token) exists already
    }
    Customer owner = owner(campaignId, vin);
    Map<String, Object> values = values(campaignId, vin, owner, journeyValues);
    String key = journeyKey(campaignId, vin);
    values.put("surveyLink", publicBaseUrl.get() + "/self-service/#survey=" + surveys.open(key, owner.id()));
    notifications.request(new NotificationRequest("recall-survey", owner.id(), key, stepKey, null, null, values, false));
  }

  /** What customer relations learned from a dissatisfied owner, on his timeline. */
  void recordFollowUp(String campaignId, String vin, String followedUpBy, Object rootCause, Object note) {
    contactLog.record(journeyKey(campaignId, vin), customerId(campaignId, vin), Channel.CALL, Direction.OUTBOUND,
        followedUpBy, "FOLLOW_UP", "root cause: " + rootCause + " — " + note);
  }

  /** Sold, exported or scrapped: the vehicle is closed with the reason. */
  void closeVehicle(String campaignId, String vin, String reason) {
    recalls.closeVehicle(campaignId, vin, reason);
  }

  /**
   * The journey's values and what every recall message of this vehicle says (as the campaign writes
   * it, in the owner's language or wholly in English); French facts that journeys started earlier
   * still carry as variables ({@code campaignTitle_fr} …) are left out, or they would stand in for
   * the English ones one by one.
   */
  private Map<String, Object> values(String campaignId, String vin, Customer owner, Map<String, Object> journeyValues) {
    Map<String, Object> values = new HashMap<>(journeyValues);
    values.keySet().removeAll(RecallCampaign.French.VARIABLES);
    values.putAll(outreach.values(campaign(campaignId), target(campaignId, vin), owner.locale(),
        outreach.stockByRegion(campaignId)));
    return values;
  }

  private RecallCampaign campaign(String campaignId) {
    return recalls.find(campaignId).orElseThrow();
  }

  private Target target(String campaignId, String vin) {
    return recalls.target(campaignId, vin).orElseThrow();
  }

  private Customer owner(String campaignId, String vin) {
    return customers.find(customerId(campaignId, vin)).orElseThrow();
  }

  /** The vehicle's owner as the vehicle record holds him — never from a variable. */
  private long customerId(String campaignId, String vin) {
    Long owner = target(campaignId, vin).ownerId();
    if (owner == null) {
      throw new IllegalStateException("Vehicle " + vin + " has no known owner");
    }
    return owner;
  }
}
