package com.drivecare.customer;

import com.drivecare.people.Groups;
import com.drivecare.people.OrganisationRepository;
import com.drivecare.people.Region;
import com.drivecare.platform.Caller;
import com.drivecare.platform.ForbiddenException;
import com.drivecare.platform.InputValidator;
import com.drivecare.platform.InvalidInputException.FieldError;
import com.drivecare.platform.NotFoundException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers: created by staff, read by staff of their region and by themselves. */
@Service
public class CustomerService {

  private final CustomerRepository customers;
  private final OrganisationRepository organisation;
  private final IdentityService identityService;
  private final InputValidator validator;
  private final Clock clock;

  CustomerService(CustomerRepository customers, OrganisationRepository organisation, IdentityService identityService,
      InputValidator validator, Clock clock) {
    this.customers = customers;
    this.organisation = organisation;
    this.identityService = identityService;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * Creates a customer for {@code caller}: staff of a region create customers of that region only
   * (403 otherwise), like what they read.
   */
  @Transactional
  public Customer create(NewCustomer input, Caller caller) {
    if (input.region() != null && !caller.maySee(-1, input.region()) && organisation.region(input.region()).isPresent()) {
      throw new ForbiddenException("region", "is not your region: you create customers of "
          + describeScope(caller) + " only");
    }
    return create(input);
  }

  /** Describes where {@code caller} may write, for a refusal. */
  static String describeScope(Caller caller) {
    String scope = caller instanceof Caller.Staff staff ? staff.regionScope() : null;
    return Caller.Staff.NO_REGION.equals(scope) ? "no region (you are not placed in one yet)" : "region " + scope;
  }

  /** Creates a customer, with no regard to who asks (demo data, set-up). */
  @Transactional
  public Customer create(NewCustomer input) {
    List<FieldError> errors = validator.errors(input);
    Optional<Region> region = Optional.ofNullable(input.region()).flatMap(organisation::region);
    if (input.region() != null && region.isEmpty()) {
      errors.add(new FieldError("region", "is not a known region: " + input.region()));
    }
    String timeZone = input.timeZone() != null ? input.timeZone() : region.map(Region::timeZone).orElse(null);
    if (timeZone != null) {
      try {
        ZoneId.of(timeZone);
      } catch (DateTimeException e) {
        errors.add(new FieldError("timeZone", "is not a time zone such as Europe/Paris: " + timeZone));
      }
    }
    if (input.preferredChannel() != null) {
      switch (input.preferredChannel()) {
        case EMAIL -> require(errors, input.email(), "email", "is required when the preferred channel is EMAIL");
        case SMS, CALL -> require(errors, input.phone(), "phone",
            "is required when the preferred channel is " + input.preferredChannel());
        case LETTER -> require(errors, input.address(), "address", "is required when the preferred channel is LETTER");
        case WEB -> errors.add(new FieldError("preferredChannel", "must be one of CALL, EMAIL, SMS, LETTER"));
      }
    }
    if (input.salesAdvisor() != null && identityService.createUserQuery().userId(input.salesAdvisor())
        .memberOfGroup(Groups.SALES).count() == 0) {
      errors.add(new FieldError("salesAdvisor", "is not a member of the sales group: " + input.salesAdvisor()));
    }
    InputValidator.check(errors);
    long id = customers.insert(input, timeZone, clock.instant());
    return customers.find(id).orElseThrow();
  }

  /** The customer, if the caller may see him; otherwise not found, the same as a customer who does not exist. */
  public Customer get(long id, Caller caller) {
    return customers.find(id).filter(c -> caller.maySee(c.id(), c.region()))
        .orElseThrow(() -> new NotFoundException("Customer " + id));
  }

  public List<Customer> search(String name, String email, String phone, Caller.Staff staff, int limit, int offset) {
    return search(null, name, email, phone, staff, limit, offset);
  }

  /** Staff search; {@code q} finds a customer by part of his name or e-mail, or his vehicle's plate or VIN. */
  public List<Customer> search(String q, String name, String email, String phone, Caller.Staff staff, int limit,
      int offset) {
    String region = staff.regionScope();
    return customers.search(blankToNull(q), blankToNull(name), blankToNull(email), blankToNull(phone), region, limit, offset);
  }

  private static void require(List<FieldError> errors, String value, String field, String reason) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, reason));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
