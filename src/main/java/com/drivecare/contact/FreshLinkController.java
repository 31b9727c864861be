package com.drivecare.contact;

import com.drivecare.customer.AccessTokenService;
import com.drivecare.platform.CustomerEndpoint;
import com.drivecare.platform.InvalidInputException;
import com.drivecare.platform.SecretTokens;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Send me a fresh link": a customer whose link no longer opens his page (expired, revoked, or about
 * a file that is not his) asks for a new one. It goes to the address on file of the customer the old
 * link was issued to — never to an address typed here — on his preferred written channel, and opens
 * the same case when that case is his. Public, and the answer is the same whatever the token, so it
 * tells nobody whether a link was ours. One fresh link per old link and day.
 */
@RestController
class FreshLinkController {

  private final AccessTokenService tokens;
  private final NotificationService notifications;
  private final List<CaseCustomerResolver> resolvers;
  private final Clock clock;

  FreshLinkController(AccessTokenService tokens, NotificationService notifications, List<CaseCustomerResolver> resolvers,
      Clock clock) {
    this.tokens = tokens;
    this.notifications = notifications;
    this.resolvers = resolvers;
    this.clock = clock;
  }

  record FreshLinkRequest(String token, String caseKey) {}

  @CustomerEndpoint
  @PostMapping("/api/self-service/fresh-link")
  @Transactional
  public ResponseEntity<Map<String, Object>> send(@RequestBody FreshLinkRequest request) {
    if (request.token() == null || request.token().isBlank() || request.token().length() > 100) {
      throw new InvalidInputException("token", "is required: the link you opened carries it");
    }
    if (request.caseKey() != null && request.caseKey().length() > 60) {
      throw new InvalidInputException("caseKey", "must be at most 60 characters");
    }
    tokens.issuedTo(request.token().trim()).ifPresent(customerId -> {
      String key = request.caseKey() != null && isHis(request.caseKey(), customerId) ? request.caseKey()
          : "customer-" + customerId;
      String day = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
      notifications.request(new NotificationRequest(AccessLinkController.TEMPLATE, customerId, key,
          "fresh-link:" + SecretTokens.hash(request.token().trim()) + ":" + day, null,
          null, Map.of(), true));
    });
    return ResponseEntity.accepted().body(Map.of("status", "REQUESTED"));
  }

  private boolean isHis(String caseKey, long customerId) {
    return resolvers.stream().anyMatch(r -> r.customerOf(caseKey).filter(id -> id == customerId).isPresent());
  }
}
