package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.*;

import com.drivecare.customer.Channel;
import com.drivecare.contact.ContactLog;
import com.drivecare.contact.Direction;
import com.drivecare.contact.NotificationService;
import com.drivecare.customer.ImportLimits;
import com.drivecare.customer.ImportReport;
import com.drivecare.customer.Vehicle;
import com.drivecare.customer.VehicleRepository;
import com.drivecare.customer.Vin;
import com.drivecare.people.OrganisationRepository;
import com.drivecare.platform.ConflictException;
import com.drivecare.platform.InputValidator;
import com.drivecare.platform.InvalidInputException;
import com.drivecare.platform.InvalidInputException.FieldError;
import com.drivecare.platform.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Recall campaigns as coordinators set them up: the campaign, its vehicles, where it stands. */
@Service
public class RecallCampaignService {

  static final int IMPORT_CHUNK = 1000;
  /**
   * The longest notice: the drafts are the engine's string variables {@code noticeEn}/{@code noticeFr}
   * (4,000 characters) until approval; the notice form takes no more either.
   */
  static final int NOTICE_MAX_LENGTH = 4000;

  private final NotificationService notifications;
  private final RecallRepository recalls;
  private final VehicleRepository vehicles;
  private final OrganisationRepository organisation;
  private final InputValidator validator;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final RuntimeService runtimeService;
  private final RecallNotices notices;
  private final RecallProperties properties;
  private final ContactLog contactLog;
  private final ImportLimits importLimits;

  RecallCampaignService(RecallRepository recalls, VehicleRepository vehicles, OrganisationRepository organisation,
      InputValidator validator, TransactionTemplate transaction, Clock clock, RuntimeService runtimeService,
      RecallNotices notices, RecallProperties properties, ContactLog contactLog, ImportLimits importLimits,
      NotificationService notifications) {
    this.contactLog = contactLog;
    this.importLimits = importLimits;
    this.notifications = notifications;
    this.runtimeService = runtimeService;
    this.notices = notices;
    this.properties = properties;
    this.recalls = recalls;
    this.vehicles = vehicles;
    this.organisation = organisation;
    this.validator = validator;
    this.transaction = transaction;
    this.clock = clock;
  }

  public record RegionStock(@NotBlank String region, @Min(0) Integer available, LocalDate expected) {}

  /** Parts: available now, or the date they are expected; per region when known. */
  public record Parts(@NotNull Boolean availableNow, LocalDate expected, @Valid List<RegionStock> regions) {}

  public record NewCampaign(
      @NotBlank @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{2,19}$", message = "must be 3 to 20 capital letters, digits or dashes, e.g. 23V-838")
      String id,
      @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 200) String component,
      @NotBlank @Size(max = 4000) String defectDescription,
      @NotBlank @Size(max = 2000) String safetyRisk,
      @NotBlank @Size(max = 2000) String remedy,
      @NotEmpty List<RecallCampaign.RemedyOption> remedyOptions,
      @NotNull @Min(1) @Max(72) Integer remedyHours,
      @NotNull @Valid Parts parts,
      @Valid FrenchFacts fr) {

    /** Without the French facts (the coordinator fills them while drafting the notice). */
    public NewCampaign(String id, String title, String component, String defectDescription, String safetyRisk,
        String remedy, List<RecallCampaign.RemedyOption> remedyOptions, Integer remedyHours, Parts parts) {
      this(id, title, component, defectDescription, safetyRisk, remedy, remedyOptions, remedyHours, parts, null);
    }
  }

  /** The campaign's facts in French, as owners who read French get them. */
  public record FrenchFacts(@Size(max = 200) String title, @Size(max = 200) String component,
      @Size(max = 4000) String defectDescription, @Size(max = 2000) String safetyRisk, @Size(max = 2000) String remedy) {

    RecallCampaign.French french() {
      return RecallCampaign.French.from(Map.<String, Object>of(
          "campaignTitle_fr", title == null ? "" : title, "component_fr", component == null ? "" : component,
          "defect_fr", defectDescription == null ? "" : defectDescription,
          "safetyRisk_fr", safetyRisk == null ? "" : safetyRisk, "remedy_fr", remedy == null ? "" : remedy)::get);
    }
  }

  /**
   * @param messagesPerChannel the campaign's notices, invitations and reminders per channel: how many are
   *     queued (not yet accepted by the receiver), delivered and failed
   */
  public record CampaignView(RecallCampaign campaign, List<RecallRepository.Stock> partsByRegion,
      Map<String, Long> vehiclesPerStatus, long vehicles, double completionRate,
      Map<Channel, Map<String, Long>> messagesPerChannel) {}

  @Transactional
  public CampaignView create(NewCampaign input, String coordinator) {
    List<FieldError> errors = validator.errors(input);
    Parts parts = input.parts();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (parts != null && Boolean.FALSE.equals(parts.availableNow())
        && (parts.expected() == null || parts.expected().isBefore(today))) {
      errors.add(new FieldError("parts.expected", "is required, today or later, when parts are not available now"));
    }
    Set<String> seen = new HashSet<>();
    if (parts != null && parts.regions() != null) {
      for (RegionStock s : parts.regions()) {
        if (s.region() != null && organisation.region(s.region()).isEmpty()) {
          errors.add(new FieldError("parts.regions", "names an unknown region: " + s.region()));
        }
        if (s.region() != null && !seen.add(s.region())) {
          errors.add(new FieldError("parts.regions", "names region " + s.region() + " twice"));
        }
      }
    }
    InputValidator.check(errors);
    if (recalls.exists(input.id())) {
      throw new ConflictException("Campaign " + input.id() + " already exists");
    }
    RecallCampaign campaign = new RecallCampaign(input.id(), input.title().trim(), input.component().trim(),
        input.defectDescription().trim(), input.safetyRisk().trim(), input.remedy().trim(),
        input.remedyOptions().stream().distinct().toList(), input.remedyHours(), parts.availableNow(),
        parts.availableNow() ? null : parts.expected(), RecallCampaign.CampaignStatus.DRAFT, coordinator,
        clock.instant(), null, null, input.fr() == null ? RecallCampaign.French.from(n -> null) : input.fr().french());
    String noticeEn = notices.draft(campaign, Locale.ENGLISH);
    String noticeFr = notices.draft(campaign, Locale.FRENCH);
    int longest = Math.max(noticeEn.length(), noticeFr.length());
    if (longest > NOTICE_MAX_LENGTH) {
      throw new InvalidInputException("defectDescription", "with title, component, safetyRisk"
          + " and remedy makes a draft notice of " + longest + " characters; a notice holds at most "
          + NOTICE_MAX_LENGTH + ": shorten them by " + (longest - NOTICE_MAX_LENGTH) + " characters together");
    }
    recalls.insert(campaign, parts.regions() == null ? List.of() : parts.regions().stream()
        .map(s -> new RecallRepository.Stock(s.region(), s.available(), s.expected())).toList());
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_CAMPAIGN_ID, campaign.id());
    variables.put("campaignTitle", campaign.title());
    variables.put("component", campaign.component());
    variables.put("defect", campaign.defect());
    variables.put("safetyRisk", campaign.safetyRisk());
    variables.put("remedy", campaign.remedy());
    variables.put("remedyHours", campaign.remedyHours());
    variables.put("remedyOptions", String.join(", ", campaign.remedyOptions().stream().map(Enum::name).toList()));
    variables.put(VAR_VEHICLE_COUNT, 0L);
    variables.put(VAR_LAUNCH_CHUNK_SIZE, properties.launchChunkSize());
    variables.put(VAR_REMINDER_SWEEP_CYCLE, properties.sweepCycle());
    variables.putAll(properties.reminderSchedule().variables());
    variables.putAll(campaign.fr().variables());
    variables.put(VAR_NOTICE_EN, noticeEn);
    variables.put(VAR_NOTICE_FR, noticeFr);
    runtimeService.startProcessInstanceByKey(CAMPAIGN_KEY, campaign.id(), variables);
    return view(input.id());
  }

  /** Closes a launched campaign with a reason; vehicle journeys still running end with it. */
  @Transactional
  public CampaignView close(String id, String reason) {
    view(id);
    if (reason == null || reason.isBlank() || reason.length() > 1000) {
      throw new InvalidInputException("reason", "is required (at most 1000 characters)");
    }
    try {
      runtimeService.createMessageCorrelation(MSG_CAMPAIGN_CLOSED).processInstanceBusinessKey(id)
          .setVariable(VAR_CLOSE_REASON, reason.trim()).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("Campaign " + id + " is not running: it is closed, or not launched yet");
    }
    return view(id);
  }

  /** Parts arrived for a region: the stock is recorded and every journey waiting there is woken. */
  @Transactional
  public Map<String, Object> partsAvailable(String id, String region, Integer available) {
    CampaignView campaign = view(id);
    if (region == null || organisation.region(region).isEmpty()) {
      throw new InvalidInputException("region", "is not a known region: " + region);
    }
    if (available == null || available < 1) {
      throw new InvalidInputException("available", "must be at least 1");
    }
    if (campaign.campaign().status() == RecallCampaign.CampaignStatus.CLOSED) {
      throw new ConflictException("Campaign " + id + " is closed");
    }
    recalls.updateStock(id, region, available);
    // journeys of their own (an owner who had to be found) wait for the message…
    int woken = runtimeService.createMessageCorrelation(MSG_PARTS_AVAILABLE)
        .processInstanceVariableEquals(VAR_CAMPAIGN_ID, id).processInstanceVariableEquals(VAR_REGION, region)
        .correlateAllWithResult().size();
    // …the owners the campaign carries are invited by the campaign, in chunks, after this commits
    long toInvite = recalls.carriedWaitingForParts(id, region);
    if (toInvite > 0) {
      runtimeService.createMessageCorrelation(MSG_PARTS_ARRIVED).processInstanceBusinessKey(id)
          .correlateAll();
    }
    return Map.of("region", region, "available", available, "journeysWoken", woken, "ownersToInvite", toInvite);
  }

  /**
   * The parts are late: a new expected date for a region (or, region null, wherever they are not in
   * stock). Every owner waiting for them is told the new date at once, by the campaign, in chunks.
   */
  @Transactional
  public Map<String, Object> partsDelayed(String id, String region, LocalDate expected, String reason) {
    CampaignView campaign = view(id);
    List<FieldError> errors = new ArrayList<>();
    if (region != null && organisation.region(region).isEmpty()) {
      errors.add(new FieldError("region", "is not a known region: " + region));
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (expected == null || !expected.isAfter(today)) {
      errors.add(new FieldError("expected", "is required, a date after today"));
    }
    if (reason != null && reason.length() > 500) {
      errors.add(new FieldError("reason", "must be at most 500 characters"));
    }
    InputValidator.check(errors);
    if (campaign.campaign().status() == RecallCampaign.CampaignStatus.CLOSED) {
      throw new ConflictException("Campaign " + id + " is closed");
    }
    var stock = campaign.partsByRegion().stream().filter(s -> s.region().equals(region)).findFirst();
    if (region != null && stock.map(s -> s.available() != null && s.available() > 0)
        .orElse(campaign.campaign().partsAvailable())) {
      throw new ConflictException("The parts are in stock in region " + region + "; nothing is waiting for them");
    }
    recalls.partsDelayed(id, region, expected, reason == null || reason.isBlank() ? null : reason.trim());
    // journeys waiting for the parts show the new date in their tasks
    var waiting = runtimeService.createExecutionQuery().processDefinitionKey(REMEDY_KEY)
        .activityId(CATCH_PARTS_AVAILABLE).processVariableValueEquals(VAR_CAMPAIGN_ID, id);
    if (region != null) {
      waiting.processVariableValueEquals(VAR_REGION, region);
    }
    waiting.list().forEach(e -> runtimeService.setVariable(e.getProcessInstanceId(), VAR_PARTS_EXPECTED,
        expected.toString()));
    long toTell = recalls.waitingForPartsCount(id, region);
    if (toTell > 0) {
      runtimeService.createMessageCorrelation(MSG_PARTS_DELAYED).processInstanceBusinessKey(id)
          .correlateAll();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("region", region);
    result.put("expected", expected.toString());
    result.put("ownersToTell", toTell);
    return result;
  }

  /** A vehicle was sold, exported or scrapped: its journey is closed with the reason. */
  @Transactional
  public void closeVehicle(String id, String vin, String reason, String actor) {
    if (reason == null || !Set.of("SOLD", "EXPORTED", "SCRAPPED").contains(reason)) {
      throw new InvalidInputException("reason", "must be SOLD, EXPORTED or SCRAPPED");
    }
    String normalised = Vin.normalise(vin);
    RecallVehicleStatus status = recalls.lockVehicle(id, normalised)
        .orElseThrow(() -> new NotFoundException("Vehicle " + normalised + " in campaign " + id));
    String businessKey = journeyKey(id, normalised);
    var journey = runtimeService.createProcessInstanceQuery().processDefinitionKey(REMEDY_KEY)
        .processInstanceBusinessKey(businessKey).singleResult();
    if (journey != null) {
      try {
        runtimeService.createMessageCorrelation(MSG_VEHICLE_CLOSED).processInstanceId(journey.getId())
            .setVariable(VAR_CLOSE_REASON, reason).correlateWithResult();
      } catch (MismatchingMessageCorrelationException e) {
        throw new ConflictException("Vehicle " + normalised + " is being closed already");
      }
    } else if (RecallVehicleStatus.OPEN_WITHOUT_BOOKING.contains(status)) {
      // carried by the campaign, no journey of its own: closed here
      recalls.closeVehicle(id, normalised, reason);
      contactLog.record(businessKey, null, Channel.WEB, Direction.OUTBOUND, actor, "VEHICLE_CLOSED", reason);
      closeWhenDone(id, 0);
    } else {
      throw new ConflictException("Vehicle " + normalised + " is " + status + " in campaign " + id + ": nothing to close");
    }
  }

  /**
   * Closes a launched campaign once no vehicle is left open: none carried by the campaign, and at
   * most {@code endingJourneys} journeys running (the one ending now, when a journey asks). Two
   * journeys ending at the same instant can each miss being last; a coordinator then closes the
   * campaign by hand.
   */
  void closeWhenDone(String id, long endingJourneys) {
    boolean launched = recalls.find(id).map(c -> c.status() == RecallCampaign.CampaignStatus.LAUNCHED).orElse(false);
    if (!launched || recalls.carriesOpenVehicles(id)) {
      return;
    }
    long running = runtimeService.createProcessInstanceQuery().processDefinitionKey(REMEDY_KEY)
        .variableValueEquals(VAR_CAMPAIGN_ID, id).count();
    if (running <= endingJourneys) {
      runtimeService.createMessageCorrelation(MSG_CAMPAIGN_CLOSED).processInstanceBusinessKey(id)
          .setVariable(VAR_CLOSE_REASON, "every vehicle journey has ended").correlateAll();
    }
  }

  /** Every owner has been told: the campaign is launched. */
  void launched(String id) {
    recalls.launched(id, clock.instant());
  }

  /**
   * The quarter's completion figures, kept with the campaign (once per quarter): its vehicles, how
   * many are remedied, how many owners are unknown, how many closed (exported, scrapped, sold).
   */
  void produceQuarterlyReport(String id) {
    Map<String, Long> perStatus = recalls.vehiclesPerStatus(id);
    long total = perStatus.values().stream().mapToLong(Long::longValue).sum();
    recalls.saveReport(id, recalls.reportCount(id) + 1, clock.instant(), total,
        count(perStatus, RecallVehicleStatus.REMEDIED), count(perStatus, RecallVehicleStatus.OWNER_UNKNOWN),
        count(perStatus, RecallVehicleStatus.CLOSED));
  }

  private static long count(Map<String, Long> perStatus, RecallVehicleStatus status) {
    return perStatus.getOrDefault(status.name(), 0L);
  }

  /**
   * The campaign is closed with its reason. Journeys still running end with it, in a batch (visible
   * in Cockpit), so no transaction holds every journey of a large campaign.
   */
  void closed(String id, String reason) {
    recalls.close(id, reason, clock.instant());
    var open = runtimeService.createProcessInstanceQuery().processDefinitionKey(REMEDY_KEY)
        .variableValueEquals(VAR_CAMPAIGN_ID, id);
    if (open.count() > 0) {
      runtimeService.deleteProcessInstancesAsync(open, "campaign closed: " + reason);
    }
  }

  public List<Map<String, Object>> reports(String id) {
    view(id);
    return recalls.reports(id);
  }

  public CampaignView view(String id) {
    RecallCampaign campaign = recalls.find(id).orElseThrow(() -> new NotFoundException("Recall campaign " + id));
    Map<String, Long> perStatus = recalls.vehiclesPerStatus(id);
    long total = perStatus.values().stream().mapToLong(Long::longValue).sum();
    long remedied = count(perStatus, RecallVehicleStatus.REMEDIED);
    double completion = total == 0 ? 0 : Math.round(remedied * 10000.0 / total) / 100.0;
    return new CampaignView(campaign, recalls.stock(id), perStatus, total, completion, notifications.bulkProgress(id));
  }

  /**
   * Adds vehicles by VIN: one VIN a line, or a CSV whose header has a {@code vin} column. Repeatable
   * before launch; a VIN already in the campaign, unknown to us or invalid is reported by line, never
   * added twice. Accepted VINs are committed in chunks, so no transaction holds the whole file. The
   * file is read whole first: one over the byte or line limit is refused (413) before a VIN is added.
   */
  public ImportReport importVehicles(String id, InputStream body) {
    RecallCampaign campaign = recalls.find(id).orElseThrow(() -> new NotFoundException("Recall campaign " + id));
    if (campaign.status() != RecallCampaign.CampaignStatus.DRAFT) {
      throw new ConflictException("Campaign " + id + " is " + campaign.status() + "; vehicles are imported before launch");
    }
    List<Object> accepted = new ArrayList<>();
    ImportLimits.Rejections rejected = importLimits.rejections();
    Set<String> inFile = new HashSet<>();
    Map<String, Long> chunk = new LinkedHashMap<>(); // VIN → line
    byte[] bytes = ImportLimits.readAtMost(body, importLimits.vinListMaxBytes());
    long lines = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n' || i == bytes.length - 1) {
        lines++;
      }
    }
    ImportLimits.checkRows(lines, importLimits.vinListMaxRows());
    // a file that is not CSV is refused before any of it is written
    try (CSVParser csv = vinList(bytes)) {
      csv.forEach(record -> { });
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidInputException("file", "is not a readable VIN list or CSV: " + e.getMessage());
    }
    try (CSVParser csv = vinList(bytes)) {
      int column = 0;
      for (CSVRecord record : csv) {
        long number = record.getRecordNumber(); // empty lines are kept, so records count as lines
        if (number == 1 && headerColumn(record).isPresent()) {
          column = headerColumn(record).get();
          continue;
        }
        if (record.stream().allMatch(String::isBlank)) {
          continue;
        }
        String vin = Vin.normalise(column < record.size() ? record.get(column) : "");
        Optional<String> problem = Vin.problem(vin);
        if (problem.isPresent()) {
          rejected.add(number, "VIN " + problem.get());
          continue;
        }
        if (!inFile.add(vin)) {
          rejected.add(number, "duplicate: " + vin + " is already earlier in this file");
          continue;
        }
        chunk.put(vin, number);
        if (chunk.size() == IMPORT_CHUNK) {
          accepted.addAll(save(id, chunk, rejected));
        }
      }
      accepted.addAll(save(id, chunk, rejected));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(CAMPAIGN_KEY).list()
        .forEach(pi -> runtimeService.setVariable(pi.getId(), VAR_VEHICLE_COUNT, view(id).vehicles()));
    return importLimits.report(accepted, rejected, false);
  }

  /**
   * Looks the chunk's VINs up at once — ours? in the campaign already? — and commits the vehicles
   * that may go in, in one batch and one transaction.
   */
  private List<Object> save(String id, Map<String, Long> chunk, ImportLimits.Rejections rejected) {
    if (chunk.isEmpty()) {
      return List.of();
    }
    List<Object> vins = new ArrayList<>();
    transaction.executeWithoutResult(s -> {
      List<String> candidates = List.copyOf(chunk.keySet());
      Map<String, Vehicle> ours = vehicles.findByVins(candidates);
      Set<String> already = recalls.vinsInCampaign(id, candidates);
      List<Vehicle> toAdd = new ArrayList<>();
      chunk.forEach((vin, line) -> {
        if (!ours.containsKey(vin)) {
          rejected.add(line, "unknown VIN: " + vin + " is not a vehicle of ours");
        } else if (already.contains(vin)) {
          rejected.add(line, "duplicate: " + vin + " is already in the campaign");
        } else {
          toAdd.add(ours.get(vin));
          vins.add(vin);
        }
      });
      recalls.addVehicles(id, toAdd, clock.instant());
    });
    chunk.clear();
    return vins;
  }

  /** A VIN list is a one-column CSV, or a CSV with a {@code vin} column; quoting as RFC 4180. */
  private static final CSVFormat VIN_LIST = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();

  private static CSVParser vinList(byte[] bytes) throws IOException {
    return VIN_LIST.parse(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
  }

  private static Optional<Integer> headerColumn(CSVRecord header) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equalsIgnoreCase("vin")) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
