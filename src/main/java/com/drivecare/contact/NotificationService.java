package com.drivecare.contact;

import com.drivecare.customer.AccessTokenService;
import com.drivecare.customer.Customer;
import com.drivecare.customer.CustomerRepository;
import com.drivecare.people.AssignmentService;
import com.drivecare.people.StaffMember;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns a request to tell a customer something into an outbox row, in the caller's transaction (the
 * engine's, when a delegate asks). The text is rendered now, in the customer's language and with his
 * name and the case owner's, so what is stored is exactly what will be sent. The idempotency key
 * makes a repeated request a no-op. Delivery is the {@link OutboxDispatcher}'s job.
 */
@Service
public class NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  private final OutboxRepository outbox;
  private final CustomerRepository customers;
  private final NotificationTemplates templates;
  private final ConsentService consent;
  private final AssignmentService assignment;
  private final AccessTokenService tokens;
  private final ContactLog contactLog;
  private final Clock clock;
  private final String publicBaseUrl;

  NotificationService(OutboxRepository outbox, CustomerRepository customers, NotificationTemplates templates,
      ConsentService consent, AssignmentService assignment, AccessTokenService tokens, ContactLog contactLog,
      Clock clock, @Value("${drivecare.public-base-url}") String publicBaseUrl) {
    this.outbox = outbox;
    this.customers = customers;
    this.templates = templates;
    this.consent = consent;
    this.assignment = assignment;
    this.tokens = tokens;
    this.contactLog = contactLog;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl;
  }

  /**
   * Stores the notification once per idempotency key.
   *
   * @return the outbox id (of the row stored now or earlier with the same key), or empty when the
   *     customer cannot be reached on the channel — that is written to the case's timeline instead
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Long> request(NotificationRequest request) {
    Optional<Long> existing = outbox.idByKey(request.idempotencyKey());
    if (existing.isPresent()) {
      LOG.debug("Notification {} already requested", request.idempotencyKey());
      return existing;
    }
    Customer customer = customers.find(request.customerId())
        .orElseThrow(() -> new IllegalArgumentException("Unknown customer " + request.customerId()));
    Optional<Channel> channel = request.channel() != null
        ? Optional.of(request.channel()).filter(c -> ConsentService.address(customer, c).isPresent())
        : consent.messageChannel(customer);
    if (channel.isEmpty() || channel.get() == Channel.CALL || channel.get() == Channel.WEB) {
      Channel logged = request.channel() != null ? request.channel() : customer.preferredChannel();
      contactLog.record(request.businessKey(), customer.id(), logged, Direction.OUTBOUND, "drivecare", "UNREACHABLE",
          "'" + request.template() + "' not sent: no " + logged.name().toLowerCase() + " contact data");
      return Optional.empty();
    }
    Instant now = clock.instant();
    Map<String, Object> values = new HashMap<>(request.variables());
    values.put("customerName", customer.name());
    values.put("businessKey", request.businessKey() == null ? "" : request.businessKey());
    Optional<StaffMember> owner = Optional.ofNullable(request.caseOwner()).flatMap(assignment::staffMember);
    values.put("caseOwnerName", owner.map(StaffMember::name).orElse(""));
    values.put("caseOwnerPhone", owner.map(StaffMember::phone).orElse(""));
    values.put("caseOwnerEmail", owner.map(StaffMember::email).orElse(""));
    if (request.withAccessLink()) {
      values.put("link", accessLink(customer, request));
    }
    var rendered = templates.render(request.template(), channel.get(), customer.locale(), values);
    String recipient = channel.get() == Channel.LETTER
        ? customer.name() + "\n" + customer.address()
        : ConsentService.address(customer, channel.get()).orElseThrow();
    Instant notBefore = Optional.ofNullable(consent.mayMessage(customer, channel.get(), now).nextAllowedAt()).orElse(now);
    long id = outbox.insert(request.idempotencyKey(), request.template(), channel.get(), customer.id(),
        request.businessKey(), recipient, customer.language(), rendered.subject(), rendered.body(), now, notBefore);
    LOG.info("Notification {} '{}' for customer {} queued on {}", id, request.template(), customer.id(), channel.get());
    return Optional.of(id);
  }

  /**
   * Stores a notification to a member of staff (in English, by e-mail), once per idempotency key.
   * Empty when the user has no e-mail address — logged, since staff notifications are a courtesy,
   * not a step of the customer's case.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Long> requestForStaff(String template, String userId, String businessKey, String idempotencyKey,
      Map<String, Object> variables) {
    Optional<Long> existing = outbox.idByKey(idempotencyKey);
    if (existing.isPresent()) {
      return existing;
    }
    Optional<StaffMember> staff = assignment.staffMember(userId);
    if (staff.isEmpty() || staff.get().email() == null || staff.get().email().isBlank()) {
      LOG.warn("Staff notification '{}' for {} not sent: no e-mail address", template, userId);
      return Optional.empty();
    }
    Map<String, Object> values = new HashMap<>(variables);
    values.put("recipientName", staff.get().name());
    values.put("businessKey", businessKey == null ? "" : businessKey);
    var rendered = templates.render(template, Channel.EMAIL, java.util.Locale.ENGLISH, values);
    Instant now = clock.instant();
    return Optional.of(outbox.insert(idempotencyKey, template, Channel.EMAIL, null, businessKey, staff.get().email(),
        "en", rendered.subject(), rendered.body(), now, now));
  }

  /** Whether a notification with this key is stored already (for steps that must not do their work twice). */
  public boolean alreadyRequested(String idempotencyKey) {
    return outbox.idByKey(idempotencyKey).isPresent();
  }

  private String accessLink(Customer customer, NotificationRequest request) {
    return accessLink(customer.id(), request.businessKey(), "link in '" + request.template() + "'");
  }

  /** A new personal link for the customer, for a message that goes out on several channels with one link. */
  public String accessLink(long customerId, String businessKey, String purpose) {
    var token = tokens.issue(customerId, purpose, null, "drivecare");
    // the token travels in the fragment, which browsers never send to a server or put in its logs
    return UriComponentsBuilder.fromUriString(publicBaseUrl).path("/self-service/")
        .fragment("token=" + token.token() + (businessKey == null ? "" : "&case=" + businessKey))
        .build().toUriString();
  }
}
