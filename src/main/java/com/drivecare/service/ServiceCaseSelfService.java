package com.drivecare.service;

import com.drivecare.customer.Vehicle;
import com.drivecare.customer.VehicleRepository;
import com.drivecare.people.AssignmentService;
import com.drivecare.people.StaffMember;
import com.drivecare.platform.Caller;
import com.drivecare.platform.CustomerEndpoint;
import com.drivecare.platform.NotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service case as its customer follows it on his page: where it stands (a stage and the open steps,
 * which the page says in words), his one case owner, when he hears next, his escalation (who decides,
 * by when, the answer) and his expenses with their decisions. The actions are the case API's own
 * ({@code .../escalation}, {@code .../expenses}). Someone else's case is 404.
 */
@RestController
class ServiceCaseSelfService {

  private final ServiceCaseService service;
  private final ServiceCaseRepository cases;
  private final VehicleRepository vehicles;
  private final AssignmentService assignment;
  private final RuntimeService runtimeService;
  private final TaskService taskService;

  ServiceCaseSelfService(ServiceCaseService service, ServiceCaseRepository cases, VehicleRepository vehicles,
      AssignmentService assignment, RuntimeService runtimeService, TaskService taskService) {
    this.service = service;
    this.cases = cases;
    this.vehicles = vehicles;
    this.assignment = assignment;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  /** Where the case is: the owner is to make first contact, is working on it, it is resolved, closed. */
  enum Stage { FIRST_CONTACT, IN_PROGRESS, RESOLVED, CLOSED }

  record Escalation(String status, boolean pilot, StaffMember decider, Instant answerBy, String decision,
      Instant openedAt, Instant decidedAt) {}

  record Expense(String kind, BigDecimal amount, String currency, String note, String status, String decision,
      Instant submittedAt, Instant decidedAt) {}

  record CaseSummary(String number, String status, String kind, String model, String plate, Instant openedAt) {}

  record CaseFile(String number, String status, Stage stage, String kind, String tier, String model, String plate,
      String vin, StaffMember caseOwner, List<String> openSteps, Instant nextStepDue, Instant nextUpdateDue,
      Instant openedAt, Instant resolvedAt, Escalation escalation, List<Expense> expenses) {}

  @CustomerEndpoint
  @GetMapping("/api/self-service/service-cases")
  List<CaseSummary> mine() {
    if (!(Caller.current() instanceof Caller.Customer customer)) {
      throw new NotFoundException("Customer file");
    }
    return cases.ofCustomer(customer.customerId()).stream().map(c -> {
      Vehicle v = vehicles.find(c.vehicleId()).orElseThrow();
      return new CaseSummary(c.number(), c.status().name(), c.kind(), v.model(), v.plate(), c.openedAt());
    }).toList();
  }

  @CustomerEndpoint
  @GetMapping("/api/self-service/service-cases/{number}")
  CaseFile file(@PathVariable String number) {
    Caller caller = Caller.current();
    ServiceCaseService.CaseView view = service.get(number, caller); // 404 unless the caller may see it
    ServiceCaseRepository.ServiceCase c = cases.find(number).orElseThrow();
    Vehicle vehicle = vehicles.find(c.vehicleId()).orElseThrow();
    Stage stage = switch (c.status()) {
      case CLOSED -> Stage.CLOSED;
      case RESOLVED -> Stage.RESOLVED;
      case OPEN -> c.firstResponseAt() == null ? Stage.FIRST_CONTACT : Stage.IN_PROGRESS;
    };
    boolean running = c.processInstance() != null
        && runtimeService.createProcessInstanceQuery().processInstanceId(c.processInstance()).count() > 0;
    List<String> steps = running ? taskService.createTaskQuery().processInstanceId(c.processInstance()).list().stream()
        .map(Task::getTaskDefinitionKey).distinct().sorted().toList() : List.of();
    List<ServiceCaseRepository.Escalation> escalations = cases.escalations(number);
    Escalation escalation = escalations.isEmpty() ? null : escalation(c, escalations.get(escalations.size() - 1), running);
    List<Expense> expenses = cases.expenses(number).stream().map(e -> new Expense(e.kind(), e.amount(), e.currency(),
        e.note(), e.status(), e.decision(), e.submittedAt(), e.decidedAt())).toList();
    return new CaseFile(c.number(), c.status().name(), stage, c.kind(), c.tier(), vehicle.model(), vehicle.plate(),
        vehicle.vin(), view.caseOwner(), steps, view.nextStepDue(), view.nextUpdateDue(), c.openedAt(),
        c.resolvedAt(), escalation, expenses);
  }

  /**
   * Who decides on the escalation and by when: whoever the case's process gave the decision task —
   * in the pilot the owner's manager (the regional manager once the manager let the time pass),
   * elsewhere the case owner as a priority — and that task's due date.
   */
  private Escalation escalation(ServiceCaseRepository.ServiceCase c, ServiceCaseRepository.Escalation e, boolean running) {
    String deciderId = e.decidedBy();
    Instant answerBy = null;
    if ("OPEN".equals(e.status()) && running) {
      Task decision = taskService.createTaskQuery().processInstanceId(c.processInstance())
          .taskDefinitionKeyIn(ServiceCaseProcess.TASK_MANAGER_DECISION, ServiceCaseProcess.TASK_PRIORITY_FOLLOW_UP)
          .list().stream().findFirst().orElse(null);
      deciderId = decision == null ? null : decision.getAssignee();
      answerBy = decision == null || decision.getDueDate() == null ? null : decision.getDueDate().toInstant();
    }
    StaffMember decider = deciderId == null ? null : assignment.staffMember(deciderId).orElse(null);
    return new Escalation(e.status(), e.pilot(), decider, answerBy, e.decision(), e.openedAt(), e.decidedAt());
  }
}
