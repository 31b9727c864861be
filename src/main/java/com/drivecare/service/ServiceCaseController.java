package com.drivecare.service;

import com.drivecare.platform.Caller;
import com.drivecare.platform.CustomerEndpoint;
import com.drivecare.platform.EngineConflictRetry;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Service cases: the customer (with his token) or staff open one, follow it, escalate, submit expenses. */
@RestController
class ServiceCaseController {

  private final ServiceCaseService service;
  private final EngineConflictRetry retry;

  ServiceCaseController(ServiceCaseService service, EngineConflictRetry retry) {
    this.service = service;
    this.retry = retry;
  }

  /** 201 with the case number and the name and direct contact of the case owner. */
  @CustomerEndpoint
  @PostMapping("/api/service-cases")
  ResponseEntity<ServiceCaseService.CaseView> open(@RequestBody ServiceCaseService.NewServiceCase input) {
    var view = service.open(input, Caller.current());
    return ResponseEntity.created(URI.create("/api/service-cases/" + view.number())).body(view);
  }

  @CustomerEndpoint
  @GetMapping("/api/service-cases/{number}")
  ServiceCaseService.CaseView get(@PathVariable String number) {
    return service.get(number, Caller.current());
  }

  /** Staff find cases by plate or customer name (the case number is the path above). */
  @GetMapping("/api/service-cases")
  List<ServiceCaseService.CaseView> search(@RequestParam(required = false) String plate,
      @RequestParam(required = false) String customerName) {
    return service.search(plate, customerName, (Caller.Staff) Caller.current());
  }

  @CustomerEndpoint
  @PostMapping("/api/service-cases/{number}/escalation")
  ResponseEntity<Map<String, Object>> escalate(@PathVariable String number,
      @RequestBody ServiceCaseService.NewEscalation input) {
    return ResponseEntity.accepted().body(retry.call(() -> service.escalate(number, input, Caller.current())));
  }

  @CustomerEndpoint
  @PostMapping("/api/service-cases/{number}/expenses")
  ResponseEntity<Map<String, Object>> expense(@PathVariable String number,
      @RequestBody ServiceCaseService.NewExpense input) {
    return ResponseEntity.accepted().body(retry.call(() -> service.submitExpense(number, input, Caller.current())));
  }

  /** The customer had to ask for news (logged by staff when he calls, or by the customer himself). */
  @CustomerEndpoint
  @PostMapping("/api/service-cases/{number}/status-requests")
  ServiceCaseService.CaseView statusRequest(@PathVariable String number) {
    return service.statusRequested(number, Caller.current());
  }

  /** The owner's personal line for the next proactive update. */
  @PostMapping("/api/service-cases/{number}/updates")
  ResponseEntity<Void> personalLine(@PathVariable String number, @RequestBody Map<String, String> body) {
    service.personalLine(number, body.get("line"), (Caller.Staff) Caller.current());
    return ResponseEntity.accepted().build();
  }

  @GetMapping("/api/reports/escalation-pilot")
  List<ServiceCaseService.PilotReport> report() {
    return service.pilotReport((Caller.Staff) Caller.current());
  }
}
