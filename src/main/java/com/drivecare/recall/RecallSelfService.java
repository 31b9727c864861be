package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.*;

import com.drivecare.customer.CustomerRepository;
import com.drivecare.customer.Vehicle;
import com.drivecare.customer.VehicleRepository;
import com.drivecare.customer.Vin;
import com.drivecare.people.OrganisationRepository;
import com.drivecare.people.Region;
import com.drivecare.platform.Caller;
import com.drivecare.platform.CustomerEndpoint;
import com.drivecare.platform.InvalidInputException;
import com.drivecare.platform.NotFoundException;
import com.drivecare.contact.PageTexts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A recall as the owner reads and acts on it from the link in his notice: what is wrong, the risk,
 * the remedy and how long it takes, the parts (available, or expected when and why it slipped), his
 * appointment, and which days each service centre of his region still has room — full days are not
 * offered. Booking, moving and cancelling are the booking API's own. His appointment as a calendar
 * file. And what a survey link is about. Someone else's vehicle is 404.
 */
@RestController
class RecallSelfService {

  /** How many days ahead the page offers (the booking API accepts up to its horizon). */
  static final int DAYS_OFFERED = 42;
  private static final DateTimeFormatter ICS_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private final RecallRepository recalls;
  private final RecallBookingService booking;
  private final VehicleRepository vehicles;
  private final CustomerRepository customers;
  private final OrganisationRepository organisation;
  private final RuntimeService runtimeService;
  private final RecallAppointmentRepository appointments;
  private final SurveyService surveys;
  private final PageTexts texts;
  private final Clock clock;

  RecallSelfService(RecallRepository recalls, RecallBookingService booking, VehicleRepository vehicles,
      CustomerRepository customers, OrganisationRepository organisation, RuntimeService runtimeService,
      RecallAppointmentRepository appointments, SurveyService surveys, PageTexts texts, Clock clock) {
    this.recalls = recalls;
    this.booking = booking;
    this.vehicles = vehicles;
    this.customers = customers;
    this.organisation = organisation;
    this.runtimeService = runtimeService;
    this.appointments = appointments;
    this.surveys = surveys;
    this.texts = texts;
    this.clock = clock;
  }


  record Parts(boolean available, LocalDate expected, String delayReason) {}

  record RepairDelay(Instant until, String reason) {}

  record Appointment(LocalDate day, String serviceCenter, String serviceCenterName, String option) {}

  /** {@code factsLanguage}: the language title, component, defect, risk and remedy are in (the page's, or English). */
  record RecallFile(String campaignId, String factsLanguage, String title, String component, String defect, String safetyRisk, String remedy,
      int remedyHours, List<RecallCampaign.RemedyOption> options, String vin, String model, String plate,
      RecallVehicleStatus status,
      Parts parts, RepairDelay repairDelay, Appointment appointment, List<RecallBookingService.ServiceCenter> serviceCenters,
      LocalDate firstDay, LocalDate lastDay) {}

  record Day(LocalDate date, boolean free) {}

  /** {@code factsLanguage}: the language the title is in; {@code language}: the owner's, the page's to start with. */
  record SurveyAbout(String campaignId, String factsLanguage, String title, String model, String plate,
      LocalDate repairedOn, boolean answered, String language) {}

  /** One recall in the owner's list; {@code factsLanguage}: the language the title is in (the page's, or English). */
  record MyRecall(String campaignId, String vin, String factsLanguage, String title, String model, String plate,
      RecallVehicleStatus status) {}

  /** The recalls of the customer's vehicles that he has been told about, titled in {@code lang} (else English). */
  @CustomerEndpoint
  @GetMapping("/api/self-service/recalls")
  List<MyRecall> mine(@RequestParam(required = false) String lang) {
    if (!(Caller.current() instanceof Caller.Customer customer)) {
      throw new NotFoundException("Customer file");
    }
    String language = PageTexts.language(lang);
    List<RecallRepository.OwnerRecall> mine = recalls.recallsOfOwner(customer.customerId());
    // each campaign read once, however many of his vehicles it recalls
    Map<String, RecallCampaign.Facts> facts = new HashMap<>();
    mine.stream().map(RecallRepository.OwnerRecall::campaignId).distinct().forEach(id ->
        facts.put(id, recalls.find(id).orElseThrow().facts(language)));
    return mine.stream().map(r -> {
      RecallCampaign.Facts f = facts.get(r.campaignId());
      return new MyRecall(r.campaignId(), r.vin(), f.language(), f.title(), r.model(), r.plate(), r.status());
    }).toList();
  }

  /** The recall of one vehicle, its facts in {@code lang} (the page's language) when the campaign has them, else English. */
  @CustomerEndpoint
  @GetMapping("/api/self-service/recalls/{campaignId}/vehicles/{vin}")
  RecallFile file(@PathVariable String campaignId, @PathVariable String vin,
      @RequestParam(required = false) String lang) {
    Vehicle vehicle = booking.visibleVehicle(campaignId, Vin.normalise(vin), Caller.current());
    RecallCampaign campaign = recalls.find(campaignId).orElseThrow();
    RecallVehicleStatus status = recalls.target(campaignId, vehicle.vin()).map(RecallRepository.Target::status)
        .orElse(null);
    var stock = recalls.stock(campaignId).stream().filter(s -> s.region().equals(vehicle.region())).findFirst();
    boolean available = stock.map(s -> s.available() != null && s.available() > 0).orElse(campaign.partsAvailable());
    LocalDate expected = available ? null : stock.map(RecallRepository.Stock::expected).orElse(campaign.partsExpected());
    Parts parts = new Parts(available, expected, available ? null : recalls.partsDelayReason(campaignId));
    RepairDelay delay = null;
    ProcessInstance journey = runtimeService.createProcessInstanceQuery().processDefinitionKey(REMEDY_KEY)
        .processInstanceBusinessKey(journeyKey(campaignId, vehicle.vin())).singleResult();
    if (journey != null && "DELAYED".equals(runtimeService.getVariable(journey.getId(), VAR_REMEDY_OUTCOME))
        && runtimeService.getVariable(journey.getId(), VAR_NEW_ETA) instanceof Date until) {
      delay = new RepairDelay(until.toInstant(), (String) runtimeService.getVariable(journey.getId(), VAR_DELAY_REASON));
    }
    List<RecallBookingService.ServiceCenter> centers = booking.centers(vehicle.region());
    Appointment appointment = booking.current(campaignId, vehicle.vin()).map(a -> new Appointment(a.day(),
        a.serviceCenter(), centers.stream().filter(c -> c.id().equals(a.serviceCenter())).map(
            RecallBookingService.ServiceCenter::name).findFirst().orElse(a.serviceCenter()), a.option())).orElse(null);
    LocalDate today = today(vehicle);
    RecallCampaign.Facts facts = campaign.facts(PageTexts.language(lang));
    return new RecallFile(campaign.id(), facts.language(), facts.title(), facts.component(), facts.defect(),
        facts.safetyRisk(), facts.remedy(), campaign.remedyHours(), campaign.remedyOptions(), vehicle.vin(), vehicle.model(),
        vehicle.plate(), status, parts, delay, appointment, centers, today.plusDays(1), today.plusDays(DAYS_OFFERED));
  }

  /** The days the service centre can still take this kind of repair (from tomorrow, {@value #DAYS_OFFERED} days). */
  @CustomerEndpoint
  @GetMapping("/api/self-service/recalls/{campaignId}/vehicles/{vin}/availability")
  List<Day> availability(@PathVariable String campaignId, @PathVariable String vin,
      @RequestParam(required = false) String option, @RequestParam(required = false) String serviceCenter) {
    Vehicle vehicle = booking.visibleVehicle(campaignId, Vin.normalise(vin), Caller.current());
    RecallCampaign campaign = recalls.find(campaignId).orElseThrow();
    RecallCampaign.RemedyOption remedyOption = campaign.remedyOptions().stream()
        .filter(o -> o.name().equals(option)).findFirst()
        .orElseThrow(() -> new InvalidInputException("option", "must be one this campaign offers: " + campaign.remedyOptions()));
    RecallBookingService.ServiceCenter center = booking.centers(vehicle.region()).stream()
        .filter(c -> c.id().equals(serviceCenter)).findFirst()
        .orElseThrow(() -> new InvalidInputException("serviceCenter", "is not a service centre of your region"));
    LocalDate today = today(vehicle);
    List<Day> days = new ArrayList<>(DAYS_OFFERED);
    for (int i = 1; i <= DAYS_OFFERED; i++) {
      LocalDate day = today.plusDays(i);
      days.add(new Day(day, booking.hasRoom(center, remedyOption, day)));
    }
    return days;
  }

  /** The booked appointment as a calendar file (iCalendar), in the owner's language and the campaign's facts in it (else English). */
  @CustomerEndpoint
  @GetMapping("/api/self-service/recalls/{campaignId}/vehicles/{vin}/appointment.ics")
  ResponseEntity<byte[]> calendar(@PathVariable String campaignId, @PathVariable String vin) {
    Caller caller = Caller.current();
    Vehicle vehicle = booking.visibleVehicle(campaignId, Vin.normalise(vin), caller);
    RecallBookingService.Appointment appointment = booking.current(campaignId, vehicle.vin())
        .orElseThrow(() -> new NotFoundException("Appointment of " + vehicle.vin()));
    RecallCampaign campaign = recalls.find(campaignId).orElseThrow();
    String language = PageTexts.language(vehicle.ownerId() == null ? "en"
        : customers.find(vehicle.ownerId()).map(c -> c.language()).orElse("en"));
    String centerName = booking.centers(vehicle.region()).stream().filter(c -> c.id().equals(appointment.serviceCenter()))
        .map(RecallBookingService.ServiceCenter::name).findFirst().orElse(appointment.serviceCenter());
    Instant start = appointment.day().atTime(RecallBookingService.APPOINTMENT_TIME).atZone(zone(vehicle)).toInstant();
    Instant end = start.plusSeconds(3600L * Math.max(1, campaign.remedyHours()));
    Map<String, Object> values = Map.of("model", vehicle.model(), "title", campaign.facts(language).title(),
        "campaign", campaign.id(),
        "center", centerName, "hours", campaign.remedyHours(),
        "option", texts.text(language, "recall.option." + appointment.option(), Map.of()));
    String ics = String.join("\r\n",
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Drivecare//Recall appointment//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        fold("UID:recall-appointment-" + appointment.id() + "@drivecare"),
        "DTSTAMP:" + ICS_TIME.format(clock.instant().atOffset(ZoneOffset.UTC)),
        "DTSTART:" + ICS_TIME.format(start.atOffset(ZoneOffset.UTC)),
        "DTEND:" + ICS_TIME.format(end.atOffset(ZoneOffset.UTC)),
        fold("SUMMARY:" + escape(texts.text(language, "ics.summary", values))),
        fold("LOCATION:" + escape(centerName)),
        fold("DESCRIPTION:" + escape(texts.text(language, "ics.description", values))),
        "END:VEVENT",
        "END:VCALENDAR", "");
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("recall-" + campaign.id() + ".ics").build().toString())
        .body(ics.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Public: what the survey of this link is about (the car, the repair, its day), without personal
   * data; the repair titled in {@code lang} (the page's), by default the owner's language, when the
   * campaign has its facts in it, else English.
   */
  @CustomerEndpoint
  @GetMapping("/api/surveys/{token}")
  SurveyAbout survey(@PathVariable String token, @RequestParam(required = false) String lang) {
    SurveyRepository.Survey found = surveys.find(token).orElseThrow(() -> new NotFoundException("Survey"));
    String campaignId = campaignOf(found.businessKey());
    String vin = vinOf(found.businessKey());
    RecallCampaign campaign = recalls.find(campaignId).orElseThrow();
    Vehicle vehicle = vehicles.findByVin(vin).orElseThrow();
    LocalDate repairedOn = appointments.lastDay(campaignId, vin).orElse(null);
    String language = customers.find(found.customerId()).map(c -> PageTexts.language(c.language())).orElse("en");
    RecallCampaign.Facts facts = campaign.facts(lang == null ? language : PageTexts.language(lang));
    return new SurveyAbout(campaign.id(), facts.language(), facts.title(), vehicle.model(), vehicle.plate(), repairedOn,
        found.answered(), language);
  }

  private ZoneId zone(Vehicle vehicle) {
    return organisation.region(vehicle.region()).map(Region::timeZone).map(ZoneId::of).orElse(ZoneId.of("UTC"));
  }

  private LocalDate today(Vehicle vehicle) {
    return clock.instant().atZone(zone(vehicle)).toLocalDate();
  }

  /** iCalendar TEXT: backslash, semicolon, comma and line breaks escaped. */
  static String escape(String text) {
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
  }

  /** iCalendar lines are folded at 75 octets: the rest continues on lines starting with a space. */
  static String fold(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 75) {
      return line;
    }
    StringBuilder out = new StringBuilder();
    int count = 0;
    int limit = 75;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (count + len > limit) {
        out.append("\r\n ");
        count = 0;
        limit = 74;
      }
      out.appendCodePoint(cp);
      count += len;
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
