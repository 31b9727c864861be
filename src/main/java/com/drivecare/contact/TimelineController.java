package com.drivecare.contact;

import com.drivecare.customer.Channel;
import com.drivecare.customer.CustomerRepository;
import com.drivecare.people.AssignmentService;
import com.drivecare.people.StaffMember;
import com.drivecare.platform.Caller;
import com.drivecare.platform.CustomerEndpoint;
import com.drivecare.platform.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TimelineController {

  private final ContactLog contactLog;
  private final CustomerRepository customers;
  private final AssignmentService assignment;

  TimelineController(ContactLog contactLog, CustomerRepository customers, AssignmentService assignment) {
    this.contactLog = contactLog;
    this.customers = customers;
    this.assignment = assignment;
  }

  /**
   * The case's touchpoints in order. A customer sees only a case that is his alone; staff only the
   * cases of customers of their region. Anything else is not found.
   */
  @CustomerEndpoint
  @GetMapping("/api/cases/{businessKey}/timeline")
  List<ContactEntry> timeline(@PathVariable String businessKey) {
    return visibleTimeline(businessKey);
  }

  /** Who did something on a customer's case, as the customer's page names him. */
  public enum Who { YOU, STAFF, DRIVECARE }

  /**
   * One step of the case as the customer's page shows it: what happened (the page says it in words
   * from the outcome), when, on which channel, and who did it — by name for a member of staff. For
   * a message we sent, its subject.
   */
  public record CustomerEntry(Instant at, Channel channel, Direction direction, String outcome, Who who, String name,
      String subject) {}

  /** The case's timeline for the customer's page: the same visibility as the timeline, in plain terms. */
  @CustomerEndpoint
  @GetMapping("/api/self-service/timeline/{businessKey}")
  List<CustomerEntry> customerTimeline(@PathVariable String businessKey) {
    return visibleTimeline(businessKey).stream().map(e -> {
      String actor = e.actor() == null ? "drivecare" : e.actor();
      Who who = actor.startsWith("customer:") ? Who.YOU : "drivecare".equals(actor) ? Who.DRIVECARE : Who.STAFF;
      String name = who == Who.STAFF ? assignment.staffMember(actor).map(StaffMember::name).orElse(null) : null;
      String subject = "DELIVERED".equals(e.outcome()) && e.note() != null && e.note().contains(": ")
          ? e.note().substring(e.note().indexOf(": ") + 2) : null;
      return new CustomerEntry(e.occurredAt(), e.channel(), e.direction(), e.outcome(), who, name,
          subject == null || subject.isBlank() ? null : subject);
    }).toList();
  }

  private List<ContactEntry> visibleTimeline(String businessKey) {
    List<ContactEntry> entries = contactLog.timeline(businessKey);
    List<Long> customerIds = entries.stream().map(ContactEntry::customerId).filter(Objects::nonNull).distinct().toList();
    Caller caller = Caller.current();
    boolean visible = !entries.isEmpty() && customerIds.stream().allMatch(id ->
        customers.find(id).map(c -> caller.maySee(c.id(), c.region())).orElse(false))
        && (caller instanceof Caller.Staff || !customerIds.isEmpty());
    if (!visible) {
      throw new NotFoundException("Case " + businessKey);
    }
    return contactLog.timelineFor(businessKey, caller);
  }
}
