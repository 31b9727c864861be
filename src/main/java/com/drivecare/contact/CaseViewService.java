package com.drivecare.contact;

import com.drivecare.customer.Channel;
import com.drivecare.customer.Customer;
import com.drivecare.customer.CustomerRepository;
import com.drivecare.customer.Reservation;
import com.drivecare.customer.ReservationRepository;
import com.drivecare.customer.Vehicle;
import com.drivecare.customer.VehicleRepository;
import com.drivecare.people.Agent;
import com.drivecare.people.OrganisationRepository;
import com.drivecare.people.Region;
import com.drivecare.platform.Caller;
import com.drivecare.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the {@link CaseView} of a case from its business key, for every journey alike: the
 * customer (and, for a retention case, the reservation it is about) comes from the journey's own
 * records ({@link CaseCustomerResolver}), the tasks from the
 * engine, the timeline from the contact log. Region rules are those of the API: staff see the cases
 * of their region's customers (national teams and administrators every case); anything else is not
 * found.
 */
@Service
public class CaseViewService {

  /** Process variables that are deadlines of a case, shown as its clocks while they are ahead or unmet. */
  static final Map<String, String> CLOCK_VARIABLES = new LinkedHashMap<>();
  /** A clock is met (not shown) once this variable is set. */
  static final Map<String, String> CLOCK_MET_BY = Map.of("firstResponseDue", "firstResponseAt");

  static {
    CLOCK_VARIABLES.put("firstResponseDue", "clock.first-response");
    CLOCK_VARIABLES.put("resolutionDue", "clock.resolution");
    CLOCK_VARIABLES.put("managerAnswerDue", "clock.manager-answer");
    CLOCK_VARIABLES.put("appointmentAt", "clock.appointment");
    CLOCK_VARIABLES.put("cancellationDate", "clock.cancellation");
  }

  private static final Locale AGENT = Locale.ENGLISH;

  private final List<CaseCustomerResolver> resolvers;
  private final CustomerRepository customers;
  private final VehicleRepository vehicles;
  private final ReservationRepository reservations;
  private final OrganisationRepository organisation;
  private final ContactLog contactLog;
  private final ConsentService consent;
  private final Words words;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final Clock clock;

  CaseViewService(List<CaseCustomerResolver> resolvers, CustomerRepository customers, VehicleRepository vehicles,
      ReservationRepository reservations, OrganisationRepository organisation, ContactLog contactLog, ConsentService consent, Words words,
      TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
      IdentityService identityService, Clock clock) {
    this.resolvers = resolvers;
    this.customers = customers;
    this.vehicles = vehicles;
    this.reservations = reservations;
    this.organisation = organisation;
    this.contactLog = contactLog;
    this.consent = consent;
    this.words = words;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** The customer a case is about, when it names one. */
  public Optional<Customer> customerOf(String businessKey, String processDefinitionKey) {
    for (CaseCustomerResolver resolver : resolvers) {
      if (processDefinitionKey == null || resolver.handles(processDefinitionKey)) {
        Optional<Long> id = resolver.customerOf(businessKey);
        if (id.isPresent()) {
          return customers.find(id.get());
        }
      }
    }
    return Optional.empty();
  }

  /** The reservation a case is about, when its journey's business key names one (a retention case). */
  public Optional<Reservation> reservationOf(String businessKey, String processDefinitionKey) {
    return resolvers.stream().filter(r -> processDefinitionKey != null && r.handles(processDefinitionKey))
        .map(r -> r.reservationOf(businessKey)).flatMap(Optional::stream).findFirst().flatMap(reservations::find);
  }

  /** The vehicle a case names: a recall journey's VIN ({@code <campaignId>:<VIN>}). */
  public Optional<Vehicle> vehicleOf(String businessKey) {
    int colon = businessKey.lastIndexOf(':');
    return colon < 0 ? Optional.empty() : vehicles.findByVin(businessKey.substring(colon + 1));
  }

  @Transactional(readOnly = true)
  public CaseView view(String businessKey, Caller caller) {
    List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).orderByProcessInstanceStartTime().desc().list();
    String definitionKey = instances.isEmpty() ? null : instances.get(0).getProcessDefinitionKey();
    Optional<Customer> customer = customerOf(businessKey, definitionKey);
    Optional<Vehicle> caseVehicle = vehicleOf(businessKey);
    String region = customer.map(Customer::region).or(() -> caseVehicle.map(Vehicle::region)).orElse(null);
    List<ContactEntry> entries = contactLog.timeline(businessKey);
    boolean known = !instances.isEmpty() || !entries.isEmpty();
    boolean visible = known && (customer.isPresent()
        ? caller.maySee(customer.get().id(), customer.get().region())
        : caller instanceof Caller.Staff staff && (staff.regionScope() == null || staff.regionScope().equals(region)));
    if (!visible) {
      throw new NotFoundException("Case " + businessKey);
    }
    ZoneId agentZone = agentZone(caller, region);
    Instant now = clock.instant();
    Map<String, String> names = new HashMap<>();
    CaseView.CustomerCard card = customer.map(c -> card(c, now)).orElse(null);
    List<CaseView.VehicleLine> vehicleLines = customer.map(c -> vehicles.findByOwner(c.id())).orElseGet(
        () -> caseVehicle.map(List::of).orElse(List.of())).stream()
        .map(v -> new CaseView.VehicleLine(v.vin(), v.plate(), v.model(), v.modelYear(),
            v.listPrice() == null ? null : words.money(v.listPrice(), currency(v.region()), AGENT),
            caseVehicle.map(cv -> cv.vin().equals(v.vin())).orElse(false)))
        .toList();
    CaseView.ReservationLine reservation = reservationOf(businessKey, definitionKey)
        .map(r -> new CaseView.ReservationLine(r.number(), r.model(), r.status().name(),
            words.code("reservation", r.status(), AGENT),
            r.deposit() == null ? null : words.money(r.deposit(), r.currency(), AGENT)))
        .orElse(null);
    ZoneId customerZone = customer.map(c -> ZoneId.of(c.timeZone())).orElse(agentZone);
    List<CaseView.OpenTask> tasks = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
        .orderByTaskCreateTime().asc().list().stream()
        .map(t -> openTask(t, agentZone, now, names)).toList();
    List<CaseView.CaseClock> clocks = clocks(businessKey, agentZone, customerZone, now);
    List<CaseView.TimelineLine> timeline = entries.stream()
        .map(e -> line(e, agentZone, customer.orElse(null), names)).toList();
    String journey = instances.isEmpty() ? null : instances.get(0).getProcessDefinitionName();
    return new CaseView(businessKey, journey, region, words.zoneName(agentZone, AGENT), card, vehicleLines, reservation,
        tasks,
        clocks, timeline);
  }

  CaseView.CustomerCard card(Customer c, Instant now) {
    ZoneId zone = ZoneId.of(c.timeZone());
    ContactProperties.Window window = consent.callingWindow(c);
    ContactDecision call = consent.mayCall(c, now);
    String mayCall = call.allowed() ? words.code("consent", call.reason(), AGENT)
        : words.code("consent", call.reason() != null ? call.reason() : ContactDecision.QUIET_HOURS, AGENT)
            + (call.nextAllowedAt() != null ? "; next from " + words.timeOfDay(call.nextAllowedAt(), zone, AGENT) : "");
    return new CaseView.CustomerCard(c.id(), c.name(), c.language(), words.language(c.language(), AGENT), c.timeZone(),
        words.timeOfDay(now, zone, AGENT), c.phone(), c.email(), words.code("channel", c.preferredChannel(), AGENT),
        c.doNotCall(), window.start() + "–" + window.end() + " his time",
        "calls " + window.start() + "–" + window.end() + ", messages held back outside the messaging window, his time",
        mayCall, c.salesAdvisor());
  }

  private CaseView.OpenTask openTask(Task t, ZoneId zone, Instant now, Map<String, String> names) {
    List<String> groups = taskService.getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
    return new CaseView.OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getAssignee(),
        t.getAssignee() == null ? null : actorName(t.getAssignee(), null, names), groups,
        t.getCreateTime().toInstant(), due, due == null ? null : words.at(due, zone, AGENT),
        due == null ? null : words.timeLeft(due, now, AGENT));
  }

  private List<CaseView.CaseClock> clocks(String businessKey, ZoneId agentZone, ZoneId customerZone, Instant now) {
    List<CaseView.CaseClock> clocks = new ArrayList<>();
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
      Map<String, Object> variables = runtimeService.getVariables(instance.getId(),
          new ArrayList<>(Stream.concat(CLOCK_VARIABLES.keySet().stream(), CLOCK_MET_BY.values().stream()).toList()));
      CLOCK_VARIABLES.forEach((name, label) -> {
        if (variables.get(name) instanceof Date date && (CLOCK_MET_BY.get(name) == null
            || variables.get(CLOCK_MET_BY.get(name)) == null)) {
          clocks.add(clock(words.phrase(label, AGENT), date.toInstant(), agentZone, customerZone, now));
        }
      });
    }
    clocks.sort(Comparator.comparing(CaseView.CaseClock::due));
    return clocks;
  }

  private CaseView.CaseClock clock(String label, Instant due, ZoneId agentZone, ZoneId customerZone, Instant now) {
    return new CaseView.CaseClock(label, due, words.at(due, agentZone, AGENT),
        customerZone.equals(agentZone) ? null : words.at(due, customerZone, AGENT), words.timeLeft(due, now, AGENT),
        due.isBefore(now));
  }

  private CaseView.TimelineLine line(ContactEntry e, ZoneId zone, Customer customer, Map<String, String> names) {
    String actor = actorName(e.actor(), customer, names);
    StringBuilder sentence = new StringBuilder();
    sentence.append(actor).append(" · ").append(words.code("channel", e.channel(), AGENT));
    if (e.channel() != Channel.WEB) {
      sentence.append(' ').append(words.code("direction", e.direction(), AGENT));
    }
    if (e.outcome() != null) {
      sentence.append(": ").append(words.code("outcome", e.outcome(), AGENT));
    }
    if (e.note() != null && !e.note().isBlank()) {
      sentence.append(" — ").append(e.note());
    }
    return new CaseView.TimelineLine(e.occurredAt(), words.at(e.occurredAt(), zone, AGENT), actor, sentence.toString(),
        ContactLog.INTERNAL_OUTCOMES.contains(e.outcome()));
  }

  /** The case's timeline as sentences, oldest first, times in {@code zone} (for forms and mails to staff). */
  public List<String> timelineSentences(String businessKey, ZoneId zone) {
    Map<String, String> names = new HashMap<>();
    Optional<Customer> customer = customerOf(businessKey, null);
    return contactLog.timeline(businessKey).stream().map(e -> line(e, zone, customer.orElse(null), names))
        .map(l -> l.atText() + " · " + l.sentence()).toList();
  }

  /** A person's name for an actor of the contact log: staff by their name, the customer by his, the system as Drivecare. */
  String actorName(String actor, Customer customer, Map<String, String> names) {
    if (actor == null || actor.isBlank() || "drivecare".equals(actor)) {
      return "Drivecare";
    }
    if (actor.startsWith("customer")) {
      return customer != null ? customer.name() + " (customer)" : "the customer";
    }
    return names.computeIfAbsent(actor, id -> {
      User user = identityService.createUserQuery().userId(id).singleResult();
      if (user == null) {
        return id;
      }
      String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
          + (user.getLastName() == null ? "" : user.getLastName())).trim();
      return name.isEmpty() ? id : name;
    });
  }

  /** The zone an agent reads times in: his region's, else the case's region's, else UTC. */
  public ZoneId agentZone(Caller caller, String caseRegion) {
    Optional<String> own = caller instanceof Caller.Staff staff
        ? organisation.agent(staff.userId()).map(Agent::region) : Optional.empty();
    return own.or(() -> Optional.ofNullable(caseRegion)).flatMap(organisation::region).map(Region::timeZone)
        .map(ZoneId::of).orElse(ZoneOffset.UTC);
  }

  /** The zone of a region, or UTC. */
  public ZoneId regionZone(String region) {
    return Optional.ofNullable(region).flatMap(organisation::region).map(Region::timeZone).map(ZoneId::of)
        .orElse(ZoneOffset.UTC);
  }

  private String currency(String region) {
    return Optional.ofNullable(region).flatMap(organisation::region).map(Region::currency).orElse(null);
  }
}
