package com.drivecare.contact;

import com.drivecare.customer.CustomerRepository;
import com.drivecare.platform.Caller;
import com.drivecare.platform.NotFoundException;
import java.util.List;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TimelineController {

  private final ContactLog contactLog;
  private final CustomerRepository customers;

  TimelineController(ContactLog contactLog, CustomerRepository customers) {
    this.contactLog = contactLog;
    this.customers = customers;
  }

  /**
   * The case's touchpoints in order. A customer sees only a case that is his alone; staff only the
   * cases of customers of their region. Anything else is not found.
   */
  @GetMapping("/api/cases/{businessKey}/timeline")
  List<ContactEntry> timeline(@PathVariable String businessKey) {
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
