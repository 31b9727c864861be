package com.drivecare.retention;

import com.drivecare.platform.Caller;
import com.drivecare.platform.CustomerEndpoint;
import com.drivecare.platform.EngineConflictRetry;
import com.drivecare.platform.InvalidInputException;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The retention ladder from outside: the customer (with his token) or staff ask for a cancellation,
 * and the customer can end the ladder himself at any time — cancel now, or keep the reservation.
 */
@RestController
class RetentionController {

  private final RetentionService retention;
  private final EngineConflictRetry retry;

  RetentionController(RetentionService retention, EngineConflictRetry retry) {
    this.retention = retention;
    this.retry = retry;
  }

  /** 201 with the new case, or 200 with the case already open. */
  @CustomerEndpoint
  @PostMapping("/api/reservations/{number}/cancellation")
  ResponseEntity<RetentionService.CaseView> request(@PathVariable String number,
      @RequestBody(required = false) CancellationRequest body) {
    String reason = body == null ? null : body.reason();
    if (reason != null && reason.length() > 1000) {
      throw new InvalidInputException("reason", "must be at most 1000 characters");
    }
    var opened = retention.requestCancellation(number, reason, Caller.current());
    return opened.created()
        ? ResponseEntity.created(URI.create("/api/reservations/" + number + "/cancellation")).body(opened.view())
        : ResponseEntity.ok(opened.view());
  }

  @CustomerEndpoint
  @GetMapping("/api/reservations/{number}/cancellation")
  RetentionService.CaseView get(@PathVariable String number) {
    return retention.get(number, Caller.current());
  }

  @CustomerEndpoint
  @PostMapping("/api/reservations/{number}/cancellation/confirm")
  ResponseEntity<RetentionService.CaseView> confirm(@PathVariable String number) {
    return ResponseEntity.accepted().body(retry.call(() -> retention.confirm(number, Caller.current())));
  }

  @CustomerEndpoint
  @PostMapping("/api/reservations/{number}/cancellation/withdraw")
  ResponseEntity<RetentionService.CaseView> withdraw(@PathVariable String number) {
    return ResponseEntity.accepted().body(retry.call(() -> retention.withdraw(number, Caller.current())));
  }

  @GetMapping("/api/reports/retention")
  List<RetentionService.RegionReport> report() {
    return retention.report((Caller.Staff) Caller.current());
  }

  record CancellationRequest(@Size(max = 1000) String reason) {}
}
