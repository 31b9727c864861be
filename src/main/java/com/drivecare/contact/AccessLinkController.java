package com.drivecare.contact;

import com.drivecare.customer.CustomerService;
import com.drivecare.platform.Caller;
import com.drivecare.platform.ConflictException;
import com.drivecare.platform.InvalidInputException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff send a customer his personal self-service link (a fresh access token) on his preferred
 * written channel. An {@code Idempotency-Key} header makes a repeated click send one message.
 */
@RestController
class AccessLinkController {

  static final String TEMPLATE = "access-link";
  /** The header's longest value: the outbox key (200 characters) is it behind "access-link:{id}:". */
  static final int MAX_IDEMPOTENCY_KEY = 150;

  private final CustomerService customers;
  private final NotificationService notifications;

  AccessLinkController(CustomerService customers, NotificationService notifications) {
    this.customers = customers;
    this.notifications = notifications;
  }

  @PostMapping("/api/customers/{id}/access-link")
  @Transactional
  public ResponseEntity<Map<String, Object>> send(@PathVariable long id,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
      throw new InvalidInputException("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
    }
    Caller caller = Caller.current();
    customers.get(id, caller);
    String key = "access-link:" + id + ":" + (idempotencyKey != null ? idempotencyKey : UUID.randomUUID());
    var outboxId = notifications.request(new NotificationRequest(TEMPLATE, id, "customer-" + id, key, null,
        caller.actor(), Map.of(), true));
    long notificationId = outboxId.orElseThrow(() -> new ConflictException(
        "Customer " + id + " has no e-mail, mobile number or postal address to send the link to"));
    return ResponseEntity.accepted().body(Map.of("notificationId", notificationId));
  }
}
