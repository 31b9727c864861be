package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.*;

import com.drivecare.contact.ConsentService;
import com.drivecare.contact.NotificationRequest;
import com.drivecare.contact.NotificationService;
import com.drivecare.contact.OutboxMessage;
import com.drivecare.contact.NotificationTemplates;
import com.drivecare.customer.Channel;
import com.drivecare.customer.Customer;
import com.drivecare.customer.CustomerRepository;
import com.drivecare.recall.RecallRepository.Outreach;
import com.drivecare.recall.RecallRepository.Stock;
import com.drivecare.recall.RecallRepository.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign's side of the vehicle journeys, in bulk. A national recall covers millions of
 * vehicles, and most of them need nobody's attention for weeks: the owner is told, invited to book
 * and reminded. So a vehicle's journey becomes a {@code recall-remedy} process instance only when it
 * needs a person or a booking — its owner is unknown, the owner books, or the reminders have reached
 * the phone call. Until then the campaign carries it here, chunk by chunk, each chunk one
 * transaction of the campaign's job: a crash rolls the chunk back and the retry does it again, and
 * the outbox's idempotency keys mean nobody is written to twice.
 */
@Service
class RecallOutreach {

  private static final Logger LOG = LoggerFactory.getLogger(RecallOutreach.class);
  private static final List<Channel> NOTICE_CHANNELS = List.of(Channel.EMAIL, Channel.SMS, Channel.LETTER);

  private final RecallRepository recalls;
  private final CustomerRepository customers;
  private final NotificationService notifications;
  private final NotificationTemplates templates;
  private final RuntimeService runtimeService;
  private final RecallProperties properties;
  private final Clock clock;

  RecallOutreach(RecallRepository recalls, CustomerRepository customers, NotificationService notifications,
      NotificationTemplates templates, RuntimeService runtimeService, RecallProperties properties, Clock clock) {
    this.recalls = recalls;
    this.customers = customers;
    this.notifications = notifications;
    this.templates = templates;
    this.runtimeService = runtimeService;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Launches the next chunk of the campaign's vehicles: every owner gets the approved notice on each
   * written channel he has plus a letter, and the vehicle is invited to book (parts here) or waits
   * for parts. A vehicle without a known owner gets its journey at once: a coordinator must find him.
   *
   * @return how many vehicles this chunk launched (fewer than {@code size}: the launch is complete)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int launchChunk(String campaignId, int size, ReminderSchedule schedule) {
    String cursor = recalls.lockLaunchCursor(campaignId);
    List<Target> chunk = recalls.nextToLaunch(campaignId, cursor, size);
    if (chunk.isEmpty()) {
      return 0;
    }
    RecallCampaign campaign = recalls.find(campaignId).orElseThrow();
    Map<String, Stock> stock = stockByRegion(campaignId);
    Instant now = clock.instant();
    List<Target> owned = chunk.stream().filter(t -> t.ownerId() != null).toList();
    Map<Long, Customer> owners = customers.findAll(owned.stream().map(Target::ownerId).toList());
    List<Outreach> rows = new ArrayList<>(chunk.size());
    for (Target t : chunk) {
      if (t.ownerId() == null) {
        rows.add(new Outreach(t.vin(), RecallVehicleStatus.OWNER_UNKNOWN, null, 0, null, now, null));
      } else {
        boolean parts = partsHere(campaign, stock, t.region());
        rows.add(parts
            ? new Outreach(t.vin(), RecallVehicleStatus.NOTIFIED, now, 0, schedule.next(now, 0), null, null)
            : new Outreach(t.vin(), RecallVehicleStatus.WAITING_FOR_PARTS, null, 0, null, null, partsExpected(campaign, stock, t.region())));
      }
    }
    Set<String> launched = new HashSet<>(recalls.outreach(campaignId, rows, now, true, null));
    notifications.requestAll(campaignId, OutboxMessage.PRIORITY_BULK, notices(campaign, stock,
        owned.stream().filter(t -> launched.contains(t.vin())).toList(), owners));
    for (Target t : chunk) {
      if (t.ownerId() == null && launched.contains(t.vin())) {
        Map<String, Object> variables = schedule.variables();
        variables.put(VAR_CAMPAIGN_ID, campaignId);
        variables.put(VAR_VIN, t.vin());
        runtimeService.startProcessInstanceByKey(REMEDY_KEY, journeyKey(campaignId, t.vin()), variables);
      }
    }
    recalls.launchCursor(campaignId, chunk.get(chunk.size() - 1).vin());
    return chunk.size();
  }

  /**
   * The approved notice for each vehicle: in the owner's language and by name, on e-mail and SMS
   * when he has them and always by letter, one personal link for all channels of the notice. Keys
   * per vehicle and channel.
   */
  List<NotificationRequest> notices(RecallCampaign campaign, Map<String, Stock> stock, List<Target> vehicles,
      Map<Long, Customer> owners) {
    Map<String, String> text = recalls.notices(campaign.id());
    List<String> links = notifications.accessLinks(vehicles.stream().map(Target::ownerId).toList(),
        vehicles.stream().map(t -> journeyKey(campaign.id(), t.vin())).toList(), "recall notice");
    List<NotificationRequest> requests = new ArrayList<>(vehicles.size() * NOTICE_CHANNELS.size());
    for (int i = 0; i < vehicles.size(); i++) {
      Target t = vehicles.get(i);
      Customer owner = owners.get(t.ownerId());
      String key = journeyKey(campaign.id(), t.vin());
      Map<String, Object> values = values(campaign, t, owner.locale(), stock);
      values.put("noticeText", text.get("fr".equals(owner.language()) ? "fr" : "en"));
      values.put("link", links.get(i));
      for (Channel channel : NOTICE_CHANNELS) {
        if (channel == Channel.LETTER || ConsentService.address(owner, channel).isPresent()) {
          requests.add(new NotificationRequest("recall-notice", owner.id(), key, key + ":notice:" + channel, channel,
              null, values, false));
        }
      }
    }
    return requests;
  }

  /**
   * Parts have arrived: the next chunk of vehicles (after {@code after}, in VIN order) that wait
   * for them in a region that has them now is invited to book, and its reminders start.
   *
   * @return the last VIN of the chunk, or null when no vehicle is left waiting where parts are
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String inviteChunk(String campaignId, String after, int size, ReminderSchedule schedule) {
    RecallCampaign campaign = recalls.find(campaignId).orElseThrow();
    Map<String, Stock> stock = stockByRegion(campaignId);
    List<String> ready = stock.values().stream().filter(s -> s.available() != null && s.available() > 0)
        .map(Stock::region).toList();
    List<Target> chunk = recalls.waitingForParts(campaignId, ready, after == null ? "" : after, size);
    if (chunk.isEmpty()) {
      return null;
    }
    Instant now = clock.instant();
    List<Outreach> rows = chunk.stream()
        .map(t -> new Outreach(t.vin(), RecallVehicleStatus.NOTIFIED, now, 0, schedule.next(now, 0), null, null)).toList();
    Set<String> invited = new HashSet<>(recalls.outreach(campaignId, rows, now, false, RecallVehicleStatus.WAITING_FOR_PARTS));
    List<Target> owned = chunk.stream().filter(t -> invited.contains(t.vin())).toList();
    Map<Long, Customer> owners = customers.findAll(owned.stream().map(Target::ownerId).toList());
    notifications.requestAll(campaignId, OutboxMessage.PRIORITY_BULK, owned.stream().map(t -> new NotificationRequest("recall-parts-arrived", t.ownerId(),
        journeyKey(campaignId, t.vin()), journeyKey(campaignId, t.vin()) + ":parts-arrived", null, null,
        values(campaign, t, owners.get(t.ownerId()).locale(), stock), true)).toList());
    LOG.info("Campaign {}: {} owners invited to book, parts have arrived", campaignId, owned.size());
    return chunk.get(chunk.size() - 1).vin();
  }

  /**
   * The parts are late: the next chunk of vehicles (after {@code after}, in VIN order) that wait for
   * them — carried by the campaign or in a journey of their own — and whose owner was told an
   * earlier date hears the new one at once. Keyed by the date, so a retried job writes nothing
   * twice and a second slip is told again.
   *
   * @return the last VIN of the chunk, or null when no vehicle is left waiting
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String partsDelayChunk(String campaignId, String after, int size) {
    List<Target> chunk = recalls.waitingForParts(campaignId, after == null ? "" : after, size);
    if (chunk.isEmpty()) {
      return null;
    }
    RecallCampaign campaign = recalls.find(campaignId).orElseThrow();
    Map<String, Stock> stock = stockByRegion(campaignId);
    Map<LocalDate, List<Target>> byDate = new HashMap<>();
    for (Target t : chunk) {
      LocalDate expected = partsExpected(campaign, stock, t.region());
      if (t.ownerId() != null && expected != null && !expected.equals(t.partsExpectedTold())) {
        byDate.computeIfAbsent(expected, d -> new ArrayList<>()).add(t);
      }
    }
    String reason = recalls.partsDelayReason(campaignId);
    List<NotificationRequest> requests = new ArrayList<>();
    Map<Long, Customer> owners = customers.findAll(byDate.values().stream().flatMap(List::stream)
        .map(Target::ownerId).toList());
    byDate.forEach((expected, vehicles) -> {
      recalls.partsExpectedTold(campaignId, vehicles.stream().map(Target::vin).toList(), expected);
      for (Target t : vehicles) {
        Customer owner = owners.get(t.ownerId());
        Map<String, Object> values = values(campaign, t, owner.locale(), stock);
        values.put("partsExpected", expected.toString());
        values.put("delayReasonText", reason == null ? "" : " (" + reason + ")");
        requests.add(new NotificationRequest("recall-parts-delayed", t.ownerId(), journeyKey(campaignId, t.vin()),
            journeyKey(campaignId, t.vin()) + ":parts-delayed:" + expected, null, null, values, false));
      }
    });
    // news of a delay does not queue behind the campaign's bulk
    notifications.requestAll(campaignId, OutboxMessage.PRIORITY_URGENT, requests);
    LOG.info("Campaign {}: {} owners told the parts are delayed", campaignId, requests.size());
    return chunk.get(chunk.size() - 1).vin();
  }

  /**
   * The reminders that are due, one chunk: a message for the first ones; when the call is due, the
   * vehicle gets a journey of its own, which gives the call to a service advisor of its region.
   *
   * @return how many vehicles the chunk covered (fewer than {@code size}: none is due any more)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int remindChunk(String campaignId, int size, ReminderSchedule schedule) {
    Instant now = clock.instant();
    List<Target> chunk = recalls.dueReminders(campaignId, now, size);
    if (chunk.isEmpty()) {
      return 0;
    }
    RecallCampaign campaign = recalls.find(campaignId).orElseThrow();
    Map<String, Stock> stock = stockByRegion(campaignId);
    List<Outreach> rows = new ArrayList<>(chunk.size());
    for (Target t : chunk) {
      int sent = t.remindersSent() + 1;
      rows.add(schedule.isCall(t.remindersSent())
          ? new Outreach(t.vin(), t.status(), t.invitedAt(), t.remindersSent(), null, now, null)
          : new Outreach(t.vin(), t.status(), t.invitedAt(), sent, schedule.next(t.invitedAt(), sent), null, null));
    }
    Set<String> updated = new HashSet<>(recalls.outreach(campaignId, rows, now, false, RecallVehicleStatus.NOTIFIED));
    List<Target> written = chunk.stream()
        .filter(t -> updated.contains(t.vin()) && !schedule.isCall(t.remindersSent())).toList();
    Map<Long, Customer> owners = customers.findAll(chunk.stream().filter(t -> updated.contains(t.vin()))
        .map(Target::ownerId).toList());
    notifications.requestAll(campaignId, OutboxMessage.PRIORITY_BULK, written.stream().map(t -> new NotificationRequest("recall-reminder", t.ownerId(),
        journeyKey(campaignId, t.vin()), journeyKey(campaignId, t.vin()) + ":reminder-" + (t.remindersSent() + 1),
        null, null, values(campaign, t, owners.get(t.ownerId()).locale(), stock), true)).toList());
    for (Target t : chunk) {
      if (updated.contains(t.vin()) && schedule.isCall(t.remindersSent())) {
        runtimeService.startProcessInstanceByMessage(MSG_CALL_DUE, journeyKey(campaignId, t.vin()),
            journeyVariables(campaign, t, stock, schedule, owners.get(t.ownerId())));
      }
    }
    return chunk.size();
  }

  /**
   * What a journey that starts part-way needs to know: the campaign, the vehicle and its owner, and
   * where its reminders stand.
   */
  Map<String, Object> journeyVariables(RecallCampaign campaign, Target t, Map<String, Stock> stock,
      ReminderSchedule schedule, Customer owner) {
    Map<String, Object> variables = schedule.variables();
    variables.put(VAR_CAMPAIGN_ID, campaign.id());
    variables.put(VAR_VIN, t.vin());
    variables.put(VAR_REGION, t.region());
    variables.put("campaignTitle", campaign.title());
    variables.put("remedy", campaign.remedy());
    variables.put("model", t.model());
    boolean parts = partsHere(campaign, stock, t.region());
    variables.put(VAR_PARTS_AVAILABLE, parts);
    LocalDate expected = parts ? null : partsExpected(campaign, stock, t.region());
    variables.put(VAR_PARTS_EXPECTED, expected == null ? "" : expected.toString());
    variables.put(VAR_OWNER_KNOWN, t.ownerId() != null);
    Instant invited = t.invitedAt() != null ? t.invitedAt() : clock.instant();
    variables.put(VAR_INVITED_AT, Date.from(invited));
    variables.put(VAR_REMINDERS_SENT, t.remindersSent());
    variables.put(VAR_NEXT_REMINDER_AT, Date.from(schedule.next(invited, t.remindersSent())));
    if (owner != null) {
      variables.put(VAR_CUSTOMER_ID, owner.id());
      variables.put(VAR_CUSTOMER_NAME, owner.name());
      variables.put(VAR_OWNER_TIME_ZONE, owner.timeZone());
    }
    return variables;
  }

  Map<String, Object> journeyVariables(String campaignId, Target t) {
    return journeyVariables(recalls.find(campaignId).orElseThrow(), t, stockByRegion(campaignId), schedule(campaignId),
        t.ownerId() == null ? null : customers.find(t.ownerId()).orElse(null));
  }

  /** The campaign's reminder schedule, as its process carries it. */
  ReminderSchedule schedule(String campaignId) {
    var campaign = runtimeService.createProcessInstanceQuery().processDefinitionKey(CAMPAIGN_KEY)
        .processInstanceBusinessKey(campaignId).singleResult();
    if (campaign == null) {
      return properties.reminderSchedule();
    }
    Map<String, Object> values = runtimeService.getVariables(campaign.getId(),
        List.of(ReminderSchedule.VAR_REMINDER_DAYS, ReminderSchedule.VAR_CALL_EVERY_DAYS));
    Object days = values.get(ReminderSchedule.VAR_REMINDER_DAYS);
    Object every = values.get(ReminderSchedule.VAR_CALL_EVERY_DAYS);
    return days == null || every == null ? properties.reminderSchedule()
        : ReminderSchedule.of(days.toString(), ((Number) every).intValue());
  }

  /**
   * The values every recall message of this vehicle uses; the campaign's facts in the owner's
   * language ({@code locale}) as {@link RecallCampaign#facts} gives them: his language's when the
   * campaign has them all, else the English ones, every one of them — never a mix.
   */
  Map<String, Object> values(RecallCampaign campaign, Target t, Locale locale, Map<String, Stock> stock) {
    Map<String, Object> values = new HashMap<>();
    RecallCampaign.Facts facts = campaign.facts(locale.getLanguage());
    values.put("campaignId", campaign.id());
    values.put("campaignTitle", facts.title());
    values.put("defect", facts.defect());
    values.put("safetyRisk", facts.safetyRisk());
    values.put("remedy", facts.remedy());
    values.put("remedyHours", campaign.remedyHours());
    values.put("remedyOptions", String.join(", ", campaign.remedyOptions().stream().map(Enum::name).toList()));
    values.put("model", t.model());
    values.put("vin", t.vin());
    values.put("partsText", partsHere(campaign, stock, t.region())
        ? templates.phrase("recall-parts.available", locale)
        : templates.fillText(templates.phrase("recall-parts.expected", locale),
            Map.of("partsExpected", String.valueOf(partsExpected(campaign, stock, t.region())))));
    return values;
  }

  Map<String, Stock> stockByRegion(String campaignId) {
    Map<String, Stock> byRegion = new HashMap<>();
    recalls.stock(campaignId).forEach(s -> byRegion.put(s.region(), s));
    return byRegion;
  }

  /** Parts are here when the region's stock says so, or — no stock kept for the region — the campaign does. */
  static boolean partsHere(RecallCampaign campaign, Map<String, Stock> stock, String region) {
    Stock s = stock.get(region);
    return s != null ? s.available() != null && s.available() > 0 : campaign.partsAvailable();
  }

  static LocalDate partsExpected(RecallCampaign campaign, Map<String, Stock> stock, String region) {
    Stock s = stock.get(region);
    return s != null && s.expected() != null ? s.expected() : campaign.partsExpected();
  }

}
