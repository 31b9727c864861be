package com.drivecare.contact;

import com.drivecare.customer.Customer;
import com.drivecare.customer.Vehicle;
import com.drivecare.customer.VehicleRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The variables a task shows about its case (see {@link CaseTaskPlugin}). Agents read English;
 * times are in the zone of the case's region (the agent's), with the customer's local time beside
 * them when his zone differs.
 */
@Component
public class CaseTaskVariables {

  /** Task variables for Tasklist's cards and search: names the shared filters list. */
  public static final String CUSTOMER_NAME = "customerName";
  public static final String CASE_NUMBER = "caseNumber";
  public static final String VEHICLE = "vehicle";
  public static final String CARD_FACT = "cardFact";

  /** Date variables of the journeys shown as words ({@code <name>Text}). */
  static final List<String> TIMES = List.of("firstResponseDue", "resolutionDue", "managerAnswerDue", "appointmentAt",
      "newEta", "callbackAt", "nextCallAt", "callDeadline", "cancellationDate", "callWithin", "invitedAt",
      "nextReminderAt", "firstResponseAt");
  /** Code variables shown as words ({@code <name>Text}), with their bundle group. */
  static final Map<String, String> CODES = Map.of("kind", "kind", "tier", "tier", "remedyOptions", "remedyOption",
      "remedyOption", "remedyOption", "expenseKind", "expenseKind", "breachedSla", "sla", "stage", "stage");

  private static final Locale AGENT = Locale.ENGLISH;

  private final CaseViewService cases;
  private final VehicleRepository vehicles;
  private final ConsentService consent;
  private final Words words;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final Clock clock;
  private final List<LiveFormVariables> journeys;

  CaseTaskVariables(List<LiveFormVariables> journeys, CaseViewService cases, VehicleRepository vehicles, ConsentService consent, Words words,
      TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService, Clock clock) {
    this.journeys = journeys;
    this.cases = cases;
    this.vehicles = vehicles;
    this.consent = consent;
    this.words = words;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.clock = clock;
  }

  /** Create-listener of every user task: the card's and the search's variables, on the task. */
  void store(DelegateTask task) {
    String businessKey = task.getExecution().getProcessBusinessKey();
    if (businessKey == null) {
      return;
    }
    String definitionKey = ((ExecutionEntity) task.getExecution())
        .getProcessDefinition().getKey();
    Optional<Customer> customer = cases.customerOf(businessKey, definitionKey);
    Optional<Vehicle> vehicle = caseVehicle(businessKey, task.getVariable("vin"));
    if (customer.isPresent()) {
      task.setVariableLocal(CUSTOMER_NAME, customer.get().name());
    } else if (vehicle.isPresent()) {
      task.setVariableLocal(CUSTOMER_NAME, words.phrase("customer.owner-unknown", AGENT));
    }
    task.setVariableLocal(CASE_NUMBER, businessKey);
    task.setVariableLocal(VEHICLE, vehicle.map(v -> Stream.of(v.model(), v.plate(), v.vin())
        .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" · "))).orElse(
            task.getVariable("model") != null ? task.getVariable("model").toString() : ""));
    task.setVariableLocal(CARD_FACT, cardFact(task, customer.orElse(null)));
  }

  /** The one fact that ranks a task among its like: the attempt, the tier, when it is due. */
  private String cardFact(DelegateTask task, Customer customer) {
    ZoneId zone = cases.regionZone(customer != null ? customer.region() : (String) task.getVariable("region"));
    String attempt = task.getVariable("attemptLabel") instanceof String label ? label : null;
    String tier = task.getVariable("tier") != null ? words.code("tier", task.getVariable("tier"), AGENT) : null;
    Date due = task.getDueDate();
    String dueText = due == null ? null : "due " + words.at(due.toInstant(), zone, AGENT);
    if ("Task_ReviewCallLog".equals(task.getTaskDefinitionKey())) {
      attempt = "review before the " + words.code("stage", task.getVariable("stage"), AGENT) + "'s calls";
    }
    return Stream.of(attempt, tier, dueText).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" · "));
  }

  private Optional<Vehicle> caseVehicle(String businessKey, Object vin) {
    Optional<Vehicle> byKey = cases.vehicleOf(businessKey);
    if (byKey.isPresent() || vin == null) {
      return byKey;
    }
    return vehicles.findByVin(vin.toString());
  }

  /** What a task's form shows about its case, computed now; {@code current} holds the task's variables. */
  Map<String, Object> live(String taskId, VariableMap current) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    Map<String, Object> live = new LinkedHashMap<>();
    if (task == null || task.getProcessInstanceId() == null) {
      return live;
    }
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult();
    if (instance == null || instance.getBusinessKey() == null) {
      return live;
    }
    String definitionKey = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    journeys.forEach(j -> live.putAll(j.live(definitionKey, task.getTaskDefinitionKey(), current)));
    Optional<Customer> customer = cases.customerOf(instance.getBusinessKey(), definitionKey);
    String region = customer.map(Customer::region).orElse(current.get("region") instanceof String r ? r : null);
    ZoneId agentZone = cases.regionZone(region);
    ZoneId customerZone = customer.map(c -> ZoneId.of(c.timeZone())).orElse(agentZone);
    Instant now = clock.instant();
    live.put(CASE_NUMBER, instance.getBusinessKey());
    live.put("agentZone", words.zoneName(agentZone, AGENT));
    customer.ifPresent(c -> {
      CaseView.CustomerCard card = cases.card(c, now);
      live.put(CUSTOMER_NAME, c.name());
      live.put("customerPhone", c.phone() == null || c.phone().isBlank() ? "no phone number on file" : c.phone());
      live.put("customerEmail", c.email() == null ? "" : c.email());
      live.put("customerLanguage", card.languageName());
      live.put("languageLabel", words.phrase("language.label", AGENT, card.languageName()));
      live.put("customerTimeZone", words.zoneName(customerZone, AGENT));
      live.put("customerLocalTime", card.localTimeNow());
      live.put("customerChannel", card.preferredChannel());
      live.put("callingWindow", card.callingWindow());
      live.put("mayCallNow", card.mayCallNow());
    });
    for (String name : TIMES) {
      Object value = current.get(name);
      if (value instanceof Date date) {
        live.put(name + "Text", when(date.toInstant(), agentZone, customerZone));
      }
    }
    CODES.forEach((name, group) -> {
      Object value = current.get(name);
      if (value != null) {
        live.put(name + "Text", name.endsWith("s") ? words.codes(group, value, AGENT) : words.code(group, value, AGENT));
      }
    });
    if (current.get("expenseAmount") instanceof String amount) {
      live.put("expenseAmountText", money(amount));
    }
    if (current.get("remedyHours") != null) {
      String hours = current.get("remedyHours").toString();
      live.put("remedyHoursText", hours + ("1".equals(hours) ? " hour" : " hours"));
    }
    return live;
  }

  /** A time in the agent's zone, with the customer's local time beside it when his zone differs. */
  private String when(Instant at, ZoneId agentZone, ZoneId customerZone) {
    String text = words.at(at, agentZone, AGENT);
    return customerZone.equals(agentZone) ? text
        : text + " (" + words.timeOfDay(at, customerZone, AGENT) + " for the customer)";
  }

  /** "150000 EUR" as "€150,000". */
  private String money(String amount) {
    String[] parts = amount.trim().split("\\s+");
    try {
      return words.money(new BigDecimal(parts[0]), parts.length > 1 ? parts[1] : null, AGENT);
    } catch (IllegalArgumentException e) {
      return amount;
    }
  }
}
