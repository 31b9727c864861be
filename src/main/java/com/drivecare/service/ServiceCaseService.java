package com.drivecare.service;

import static com.drivecare.service.ServiceCaseProcess.*;

import com.drivecare.contact.ContactEntry;
import com.drivecare.contact.ContactLog;
import com.drivecare.contact.Direction;
import com.drivecare.customer.Channel;
import com.drivecare.contact.Words;
import com.drivecare.customer.Customer;
import com.drivecare.customer.CustomerRepository;
import com.drivecare.customer.Vehicle;
import com.drivecare.customer.VehicleRepository;
import com.drivecare.customer.Vin;
import com.drivecare.people.AssignmentService;
import com.drivecare.people.StaffMember;
import com.drivecare.platform.Caller;
import com.drivecare.platform.ConflictException;
import com.drivecare.platform.InputValidator;
import com.drivecare.platform.InvalidInputException;
import com.drivecare.platform.InvalidInputException.FieldError;
import com.drivecare.platform.NotFoundException;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Service cases from outside: opened by the customer or staff, followed, escalated, expenses submitted, reported on. */
@Service
public class ServiceCaseService {

  private final ServiceCaseRepository cases;
  private final VehicleRepository vehicles;
  private final CustomerRepository customers;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final AssignmentService assignment;
  private final ContactLog contactLog;
  private final InputValidator validator;
  private final Clock clock;

  private final Words words;

  ServiceCaseService(ServiceCaseRepository cases, VehicleRepository vehicles, CustomerRepository customers,
      RuntimeService runtimeService, ManagementService managementService,
      AssignmentService assignment, ContactLog contactLog, InputValidator validator, Clock clock,
      Words words) {
    this.words = words;
    this.cases = cases;
    this.vehicles = vehicles;
    this.customers = customers;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.assignment = assignment;
    this.contactLog = contactLog;
    this.validator = validator;
    this.clock = clock;
  }

  public enum Kind { ROADSIDE, SERVICE }

  public record NewServiceCase(String vin, String plate, @NotNull Kind kind, @NotBlank @Size(max = 2000) String description,
      @Size(max = 500) String location, @Size(max = 200) String reachAt) {}

  public record NewEscalation(@NotBlank @Size(max = 2000) String reason) {}

  public record NewExpense(@NotNull @Pattern(regexp = "^(HOTEL|TRANSPORT|TOWING|LOANER|MEALS|REPAIR|OTHER)$",
      message = "must be one of HOTEL, TRANSPORT, TOWING, LOANER, MEALS, REPAIR, OTHER") String kind,
      @NotNull @DecimalMin(value = "0.01") @Digits(integer = 8, fraction = 2) BigDecimal amount,
      @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
      @Size(max = 1000) String note) {}

  public record CaseView(String number, String status, String kind, String tier, String vin, String plate,
      StaffMember caseOwner, String whatHappensNext, Instant nextStepDue, Instant nextUpdateDue, Instant openedAt,
      Instant resolvedAt, List<ContactEntry> timeline) {}

  /** Opens the case and starts its process; the answer names the case owner, who keeps it to the end. */
  @Transactional
  public CaseView open(NewServiceCase input, Caller caller) {
    List<FieldError> errors = validator.errors(input);
    Vehicle vehicle = null;
    String vin = null;
    if (input.vin() != null && !input.vin().isBlank()) {
      vin = Vin.normalise(input.vin());
      Vin.problem(vin).ifPresent(problem -> errors.add(new FieldError("vin", problem)));
    } else if (input.plate() != null && !input.plate().isBlank()) {
      List<Vehicle> found = vehicles.findByPlate(input.plate().trim().toUpperCase());
      if (caller instanceof Caller.Customer c) {
        found = found.stream().filter(v -> v.ownerId() != null && v.ownerId() == c.customerId()).toList();
      }
      if (found.size() == 1) {
        vehicle = found.get(0);
      } else {
        errors.add(new FieldError("plate", found.isEmpty() ? "is not a plate we know: " + input.plate()
            : "matches several vehicles; give the VIN"));
      }
    } else {
      errors.add(new FieldError("vin", "or plate is required"));
    }
    if (vehicle != null && vehicle.ownerId() == null) {
      errors.add(new FieldError("vin", "belongs to a vehicle without a known owner"));
    }
    InputValidator.check(errors);
    if (vin != null) {
      vehicle = vehicleToOpenFor(vin, caller);
    }
    Customer owner = customers.find(vehicle.ownerId()).orElseThrow();
    if (!vehicle.visibleTo(caller)) {
      throw new NotFoundException("Vehicle " + vehicle.vin());
    }
    Instant now = clock.instant();
    String number = cases.insert(owner.id(), vehicle.id(), input.kind().name(), input.description().trim(),
        input.location(), input.reachAt(), vehicle.region(), now);
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_CASE_NUMBER, number);
    variables.put(VAR_CUSTOMER_ID, owner.id());
    variables.put(VAR_CUSTOMER_NAME, owner.name());
    variables.put(VAR_CUSTOMER_TIME_ZONE, owner.timeZone());
    variables.put(VAR_CUSTOMER_LANGUAGE, owner.language());
    variables.put(VAR_SALES_ADVISOR, owner.salesAdvisor());
    variables.put(VAR_REGION, vehicle.region());
    variables.put(VAR_KIND, input.kind().name());
    variables.put(VAR_VIN, vehicle.vin());
    variables.put(VAR_PLATE, vehicle.plate() == null ? "" : vehicle.plate());
    variables.put(VAR_MODEL, vehicle.model());
    variables.put(VAR_MODEL_LINE, vehicle.model());
    variables.put(VAR_LIST_PRICE, vehicle.listPrice() == null ? 0.0 : vehicle.listPrice().doubleValue());
    variables.put(VAR_LOYALTY, vehicles.findByOwner(owner.id()).size());
    variables.put(VAR_DESCRIPTION, input.description().trim());
    variables.put(VAR_LOCATION, input.location() == null ? "" : input.location());
    variables.put(VAR_REACH_AT, input.reachAt() == null ? "" : input.reachAt());
    variables.put(VAR_OPENED_AT, Date.from(now));
    contactLog.record(number, owner.id(), caller instanceof Caller.Customer ? Channel.WEB : Channel.CALL,
        Direction.INBOUND, caller.actor(), "CASE_REPORTED", input.kind() + ": " + input.description().trim());
    runtimeService.startProcessInstanceByKey(KEY, number, variables);
    return view(cases.find(number).orElseThrow(), caller);
  }

  /**
   * The vehicle a case is opened for by VIN. A VIN the caller may not open a case for — unknown,
   * without a known owner, or someone else's — gets one and the same answer, so that nobody can
   * probe which VINs exist. Staff who see the vehicle's region are told when its owner is unknown.
   */
  private Vehicle vehicleToOpenFor(String vin, Caller caller) {
    Optional<Vehicle> found = vehicles.findByVin(vin);
    if (found.isPresent() && found.get().ownerId() == null && caller instanceof Caller.Staff staff
        && found.get().visibleTo(staff)) {
      throw new InvalidInputException("vin", "belongs to a vehicle without a known owner");
    }
    return found.filter(v -> v.ownerId() != null && v.visibleTo(caller))
        .orElseThrow(() -> new NotFoundException("Vehicle with this VIN"));
  }

  public CaseView get(String number, Caller caller) {
    return view(visible(number, caller), caller);
  }

  public List<CaseView> search(String plate, String customerName, Caller.Staff staff) {
    return cases.search(blank(plate) ? null : plate.trim().toUpperCase(), blank(customerName) ? null : customerName.trim(),
        staff.regionScope(), 50).stream().map(c -> view(c, staff)).toList();
  }

  /**
   * The customer's direct line to a manager. One open escalation per case: a repeat is a conflict
   * that says since when the open one waits.
   */
  @Transactional
  public Map<String, Object> escalate(String number, NewEscalation input, Caller caller) {
    InputValidator.check(validator.errors(input));
    visible(number, caller);
    ServiceCaseRepository.ServiceCase c = cases.lock(number).orElseThrow();
    requireOpen(c);
    cases.openEscalation(number).ifPresent(open -> {
      throw new ConflictException("Case " + number + " already has an open escalation, since " + open.openedAt()
          + "; you will hear back on it");
    });
    Instant now = clock.instant();
    long id = cases.insertEscalation(number, input.reason().trim(), c.pilot(), now);
    contactLog.record(number, c.customerId(), caller instanceof Caller.Customer ? Channel.WEB : Channel.CALL,
        Direction.INBOUND, caller.actor(), "ESCALATION_REQUESTED", input.reason().trim());
    correlate(MSG_ESCALATION_REQUESTED, number,
        Map.of(VAR_ESCALATION_ID, id, VAR_ESCALATION_REASON, input.reason().trim()));
    return Map.of("escalationId", id, "pilot", c.pilot(), "status", "RECEIVED");
  }

  @Transactional
  public Map<String, Object> submitExpense(String number, NewExpense input, Caller caller) {
    InputValidator.check(validator.errors(input));
    ServiceCaseRepository.ServiceCase c = visible(number, caller);
    requireOpen(c);
    long id = cases.insertExpense(number, input.kind(), input.amount(), input.currency(), input.note(), clock.instant());
    contactLog.record(number, c.customerId(), caller instanceof Caller.Customer ? Channel.WEB : Channel.CALL,
        Direction.INBOUND, caller.actor(), "EXPENSE_SUBMITTED",
        input.kind() + " " + input.amount().toPlainString() + " " + input.currency());
    correlate(MSG_EXPENSE_SUBMITTED, number, Map.of(VAR_EXPENSE_ID, id, VAR_EXPENSE_KIND, input.kind(),
        VAR_EXPENSE_AMOUNT, input.amount().toPlainString() + " " + input.currency(),
        VAR_EXPENSE_NOTE, input.note() == null ? "" : input.note()));
    return Map.of("expenseId", id, "status", "PENDING");
  }

  private void correlate(String message, String number, Map<String, Object> variables) {
    try {
      runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(number).setVariables(variables)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("Case " + number + " is closing and takes no more requests");
    }
  }

  /** A customer had to ask for news: the pilot report counts it. */
  @Transactional
  public CaseView statusRequested(String number, Caller caller) {
    ServiceCaseRepository.ServiceCase c = visible(number, caller);
    cases.statusRequested(number);
    contactLog.record(number, c.customerId(), caller instanceof Caller.Customer ? Channel.WEB : Channel.CALL,
        Direction.INBOUND, caller.actor(), "STATUS_REQUESTED", null);
    return view(cases.find(number).orElseThrow(), caller);
  }

  /** The owner's personal line for the next proactive update. */
  @Transactional
  public void personalLine(String number, String line, Caller.Staff staff) {
    ServiceCaseRepository.ServiceCase c = visible(number, staff);
    requireOpen(c);
    if (!staff.isAdmin() && !staff.userId().equals(c.caseOwner())) {
      throw new ConflictException("Only the case owner adds the personal line to his updates");
    }
    if (blank(line) || line.length() > 500) {
      throw new InvalidInputException("line", "must be 1 to 500 characters");
    }
    runtimeService.setVariable(c.processInstance(), VAR_PERSONAL_LINE, line.trim());
  }

  private ServiceCaseRepository.ServiceCase visible(String number, Caller caller) {
    return cases.find(number).filter(c -> caller.maySee(c.customerId(), c.region()))
        .orElseThrow(() -> new NotFoundException("Service case " + number));
  }

  private static void requireOpen(ServiceCaseRepository.ServiceCase c) {
    if (c.status() != ServiceCaseStatus.OPEN) {
      throw new ConflictException("Case " + c.number() + " is " + c.status());
    }
  }

  private CaseView view(ServiceCaseRepository.ServiceCase c, Caller caller) {
    Vehicle vehicle = vehicles.find(c.vehicleId()).orElseThrow();
    StaffMember owner = c.caseOwner() == null ? null : assignment.staffMember(c.caseOwner()).orElse(null);
    // the customer reads it in his language; staff in English
    Locale locale = caller instanceof Caller.Customer
        ? customers.find(c.customerId()).map(Customer::locale).orElse(Locale.ENGLISH)
        : Locale.ENGLISH;
    String ownerName = owner == null ? words.phrase("next.owner", locale) : owner.name();
    boolean running = c.processInstance() != null
        && runtimeService.createProcessInstanceQuery().processInstanceId(c.processInstance()).count() > 0;
    String next;
    Instant due = null;
    if (c.status() == ServiceCaseStatus.CLOSED) {
      next = words.phrase("next.closed", locale);
    } else if (c.status() == ServiceCaseStatus.RESOLVED) {
      next = words.phrase("next.resolved", locale, ownerName);
    } else if (c.firstResponseAt() == null) {
      next = words.phrase("next.contact", locale, ownerName);
      due = running ? date(c.processInstance(), VAR_FIRST_RESPONSE_DUE) : null;
    } else {
      next = words.phrase("next.working", locale, ownerName);
      due = running ? date(c.processInstance(), VAR_RESOLUTION_DUE) : null;
    }
    Instant nextUpdate = c.processInstance() == null ? null : managementService.createJobQuery()
        .processInstanceId(c.processInstance()).activityId(TIMER_STATUS_UPDATE).list().stream()
        .map(Job::getDuedate).filter(d -> d != null).min(Comparator.naturalOrder()).map(Date::toInstant).orElse(null);
    return new CaseView(c.number(), c.status().name(), c.kind(), c.tier(), vehicle.vin(), vehicle.plate(), owner, next, due,
        nextUpdate, c.openedAt(), c.resolvedAt(), contactLog.timelineFor(c.number(), caller));
  }

  private Instant date(String processInstance, String variable) {
    Object value = runtimeService.getVariable(processInstance, variable);
    return value instanceof Date d ? d.toInstant() : null;
  }

  public record PilotReport(String region, boolean pilot, int cases, int escalations, Double medianHoursToFirstResponse,
      Double medianHoursToResolution, int slaBreaches, Double averageSatisfaction, int statusRequests) {}

  /** How the escalation pilot is judged: per region and pilot/not. */
  public List<PilotReport> pilotReport(Caller.Staff staff) {
    Map<String, List<ServiceCaseRepository.ServiceCase>> groups = new TreeMap<>();
    for (var c : cases.all()) {
      if (staff.regionScope() == null || staff.regionScope().equals(c.region())) {
        groups.computeIfAbsent(c.region() + "|" + c.pilot(), k -> new ArrayList<>()).add(c);
      }
    }
    Map<String, Long> escalationsByCase = new HashMap<>();
    cases.escalations().forEach(e -> escalationsByCase.merge(e.caseNumber(), 1L, Long::sum));
    List<PilotReport> report = new ArrayList<>();
    groups.forEach((key, list) -> {
      String[] parts = key.split("\\|");
      report.add(new PilotReport(parts[0], Boolean.parseBoolean(parts[1]), list.size(),
          (int) list.stream().mapToLong(c -> escalationsByCase.getOrDefault(c.number(), 0L)).sum(),
          median(list.stream().filter(c -> c.firstResponseAt() != null)
              .map(c -> Duration.between(c.openedAt(), c.firstResponseAt())).toList()),
          median(list.stream().filter(c -> c.resolvedAt() != null)
              .map(c -> Duration.between(c.openedAt(), c.resolvedAt())).toList()),
          list.stream().mapToInt(ServiceCaseRepository.ServiceCase::slaBreaches).sum(),
          list.stream().filter(c -> c.satisfaction() != null).mapToInt(ServiceCaseRepository.ServiceCase::satisfaction)
              .average().stream().boxed().findFirst().map(d -> Math.round(d * 100) / 100.0).orElse(null),
          list.stream().mapToInt(ServiceCaseRepository.ServiceCase::statusRequests).sum()));
    });
    return report;
  }

  static Double median(List<Duration> durations) {
    if (durations.isEmpty()) {
      return null;
    }
    List<Double> hours = durations.stream().map(d -> d.toMinutes() / 60.0).sorted().toList();
    int n = hours.size();
    double median = n % 2 == 1 ? hours.get(n / 2) : (hours.get(n / 2 - 1) + hours.get(n / 2)) / 2;
    return Math.round(median * 100) / 100.0;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
