package com.drivecare.contact;

import com.drivecare.customer.AccessTokenService;
import com.drivecare.customer.Channel;
import com.drivecare.customer.Customer;
import com.drivecare.customer.CustomerRepository;
import com.drivecare.people.AssignmentService;
import com.drivecare.people.StaffMember;
import com.drivecare.platform.PublicBaseUrl;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
  private final PublicBaseUrl publicBaseUrl;

  NotificationService(OutboxRepository outbox, CustomerRepository customers, NotificationTemplates templates,
      ConsentService consent, AssignmentService assignment, AccessTokenService tokens, ContactLog contactLog,
      Clock clock, PublicBaseUrl publicBaseUrl) {
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
    Optional<Channel> channel = channel(request, customer);
    if (channel.isEmpty()) {
      unreachable(List.of(request), Map.of(customer.id(), customer));
      return Optional.empty();
    }
    String link = request.withAccessLink() ? accessLink(customer, request) : null;
    OutboxRepository.NewMessage message = render(request, customer, channel.get(), link, clock.instant());
    long id = outbox.insert(message);
    LOG.info("Notification {} '{}' for customer {} queued on {}", id, request.template(), customer.id(), channel.get());
    return Optional.of(id);
  }

  /**
   * Stores many notifications at once — the same rules as {@link #request}, in a few batched
   * statements, for messages that go to thousands of customers (a recall launch). Requests whose key
   * is stored already are skipped; the access links are issued in one batch as well.
   *
   * @return how many messages were stored now
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int requestAll(List<NotificationRequest> requests) {
    return requestAll(null, OutboxMessage.PRIORITY_BULK, requests);
  }

  /**
   * {@link #requestAll(List)} for a named bulk send (a recall campaign's id): its messages' progress
   * per channel is {@link #bulkProgress}. Bulk messages ({@link OutboxMessage#PRIORITY_BULK}) queue
   * behind every message to one person, so a campaign's millions never hold up a case update; news
   * that must not wait behind them (a delay notice) is sent with {@link OutboxMessage#PRIORITY_URGENT}.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int requestAll(String bulkKey, int priority, List<NotificationRequest> requests) {
    if (requests.isEmpty()) {
      return 0;
    }
    Set<String> existing = outbox.existingKeys(requests.stream().map(NotificationRequest::idempotencyKey).toList());
    Map<Long, Customer> byId = customers.findAll(requests.stream().map(NotificationRequest::customerId).toList());
    List<NotificationRequest> reachable = new ArrayList<>();
    List<Channel> channels = new ArrayList<>();
    List<NotificationRequest> unreachable = new ArrayList<>();
    Set<String> seen = new HashSet<>(existing);
    for (NotificationRequest request : requests) {
      if (!seen.add(request.idempotencyKey())) {
        continue;
      }
      Customer customer = byId.get(request.customerId());
      if (customer == null) {
        throw new IllegalArgumentException("Unknown customer " + request.customerId());
      }
      Optional<Channel> channel = channel(request, customer);
      if (channel.isPresent()) {
        reachable.add(request);
        channels.add(channel.get());
      } else {
        unreachable.add(request);
      }
    }
    List<NotificationRequest> linked = reachable.stream().filter(NotificationRequest::withAccessLink).toList();
    var issued = tokens.issueAll(linked.stream().map(NotificationRequest::customerId).toList(), "link in a message",
        "drivecare").iterator();
    Instant now = clock.instant();
    List<OutboxRepository.NewMessage> messages = new ArrayList<>(reachable.size());
    for (int i = 0; i < reachable.size(); i++) {
      NotificationRequest request = reachable.get(i);
      String link = request.withAccessLink() ? link(issued.next(), request.businessKey()) : null;
      messages.add(render(request, byId.get(request.customerId()), channels.get(i), link, now).inBulk(bulkKey, priority));
    }
    outbox.insertAll(messages);
    unreachable(unreachable, byId);
    LOG.info("{} notifications queued, {} customers unreachable, {} already queued", messages.size(), unreachable.size(),
        existing.size());
    return messages.size();
  }

  /** A bulk send's messages per channel: how many are queued (pending or being sent), delivered, failed. */
  public Map<Channel, Map<String, Long>> bulkProgress(String bulkKey) {
    Map<Channel, Map<String, Long>> progress = new EnumMap<>(Channel.class);
    outbox.bulkProgress(bulkKey).forEach((channel, counts) -> {
      Map<String, Long> view = new LinkedHashMap<>();
      view.put("queued", counts.getOrDefault(OutboxMessage.Status.PENDING, 0L)
          + counts.getOrDefault(OutboxMessage.Status.SENDING, 0L));
      view.put("delivered", counts.getOrDefault(OutboxMessage.Status.SENT, 0L));
      view.put("failed", counts.getOrDefault(OutboxMessage.Status.FAILED, 0L));
      progress.put(channel, view);
    });
    return progress;
  }

  /** The written channel the request goes on, or empty when the customer cannot be reached there. */
  private Optional<Channel> channel(NotificationRequest request, Customer customer) {
    Optional<Channel> channel = request.channel() != null
        ? Optional.of(request.channel()).filter(c -> ConsentService.address(customer, c).isPresent())
        : consent.messageChannel(customer);
    return channel.filter(c -> c != Channel.CALL && c != Channel.WEB);
  }

  /** What could not be sent is written to the case's timeline instead. */
  private void unreachable(List<NotificationRequest> requests, Map<Long, Customer> byId) {
    contactLog.recordAll(requests.stream().map(request -> {
      Customer customer = byId.get(request.customerId());
      Channel logged = request.channel() != null ? request.channel() : customer.preferredChannel();
      return new ContactLog.Entry(request.businessKey(), customer.id(), logged, Direction.OUTBOUND, "drivecare",
          "UNREACHABLE", "'" + request.template() + "' not sent: no " + logged.name().toLowerCase() + " contact data");
    }).toList());
  }

  /** The message exactly as it will be sent: in the customer's language, with his name and the case owner's. */
  private OutboxRepository.NewMessage render(NotificationRequest request, Customer customer, Channel channel,
      String link, Instant now) {
    Map<String, Object> values = new HashMap<>(request.variables());
    values.put("customerName", customer.name());
    values.put("businessKey", request.businessKey() == null ? "" : request.businessKey());
    Optional<StaffMember> owner = Optional.ofNullable(request.caseOwner()).flatMap(assignment::staffMember);
    values.put("caseOwnerName", owner.map(StaffMember::name).orElse(""));
    values.put("caseOwnerPhone", owner.map(StaffMember::phone).orElse(""));
    values.put("caseOwnerEmail", owner.map(StaffMember::email).orElse(""));
    if (link != null) {
      values.put("link", link);
    }
    var rendered = templates.render(request.template(), channel, customer.locale(), values);
    String recipient = channel == Channel.LETTER
        ? customer.name() + "\n" + customer.address()
        : ConsentService.address(customer, channel).orElseThrow();
    Instant notBefore = Optional.ofNullable(consent.mayMessage(customer, channel, now).nextAllowedAt()).orElse(now);
    return new OutboxRepository.NewMessage(request.idempotencyKey(), request.template(), channel, customer.id(),
        request.businessKey(), recipient, customer.language(), rendered.subject(), rendered.body(), now, notBefore);
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
    var rendered = templates.render(template, Channel.EMAIL, Locale.ENGLISH, values);
    Instant now = clock.instant();
    return Optional.of(outbox.insert(new OutboxRepository.NewMessage(idempotencyKey, template, Channel.EMAIL, null,
        businessKey, staff.get().email(), "en", rendered.subject(), rendered.body(), now, now)));
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
    return link(tokens.issue(customerId, purpose, null, "drivecare").token(), businessKey);
  }

  /**
   * Personal links for many customers at once (one new token each, in one batch), in the order of
   * the ids — for a message written to thousands of owners.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<String> accessLinks(List<Long> customerIds, List<String> businessKeys, String purpose) {
    List<String> issued = tokens.issueAll(customerIds, purpose, "drivecare");
    List<String> links = new ArrayList<>(issued.size());
    for (int i = 0; i < issued.size(); i++) {
      links.add(link(issued.get(i), businessKeys.get(i)));
    }
    return links;
  }

  private String link(String token, String businessKey) {
    // the token travels in the fragment, which browsers never send to a server or put in its logs
    String view = view(businessKey);
    return UriComponentsBuilder.fromUriString(publicBaseUrl.get()).path("/self-service/")
        .fragment("token=" + token + (view == null ? "" : "&view=" + view)
            + (businessKey == null ? "" : "&case=" + businessKey))
        .build().toUriString();
  }

  /**
   * Which view of the self-service page a link about this case opens, from the form of its business
   * key: {@code <campaignId>:<VIN>} a recall, {@code SC-…} a service case, {@code customer-…} the
   * customer's whole file, anything else a reservation number. Null: the whole file.
   */
  static String view(String businessKey) {
    if (businessKey == null || businessKey.startsWith("customer-")) {
      return null;
    }
    if (businessKey.contains(":")) {
      return "recall";
    }
    return businessKey.matches("SC-\\d+") ? "case" : "reservation";
  }
}
