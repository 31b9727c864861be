package com.drivecare.customer;

import com.drivecare.people.OrganisationRepository;
import com.drivecare.people.Region;
import com.drivecare.platform.Caller;
import com.drivecare.platform.ConflictException;
import com.drivecare.platform.InputValidator;
import com.drivecare.platform.InvalidInputException;
import com.drivecare.platform.InvalidInputException.FieldError;
import com.drivecare.platform.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reservations: recorded by staff, read by staff of the customer's region and by the customer. */
@Service
public class ReservationService {

  private static final String NUMBER_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ReservationRepository reservations;
  private final CustomerRepository customers;
  private final OrganisationRepository organisation;
  private final InputValidator validator;
  private final Clock clock;

  ReservationService(ReservationRepository reservations, CustomerRepository customers,
      OrganisationRepository organisation, InputValidator validator, Clock clock) {
    this.reservations = reservations;
    this.customers = customers;
    this.organisation = organisation;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * Records a reservation for {@code caller}: staff of a region record reservations of the customers
   * they can see only; another's customer is unknown to them, as when they read.
   */
  @Transactional
  public Reservation create(NewReservation input, Caller caller) {
    return create(input, customer -> caller.maySee(customer.id(), customer.region()));
  }

  /** Records a reservation, with no regard to who asks (demo data, set-up). */
  @Transactional
  public Reservation create(NewReservation input) {
    return create(input, customer -> true);
  }

  private Reservation create(NewReservation input, Predicate<Customer> visible) {
    List<FieldError> errors = validator.errors(input);
    Optional<Customer> customer = Optional.ofNullable(input.customerId()).flatMap(customers::find).filter(visible);
    if (input.customerId() != null && customer.isEmpty()) {
      errors.add(new FieldError("customerId", "is not a known customer: " + input.customerId()));
    }
    if (input.status() == ReservationStatus.CANCELLATION_REQUESTED) {
      errors.add(new FieldError("status", "CANCELLATION_REQUESTED is set by the retention process, not on creation"));
    }
    InputValidator.check(errors);
    String number = input.number() != null ? input.number() : newNumber();
    if (reservations.exists(number)) {
      throw new ConflictException("Reservation " + number + " already exists");
    }
    String currency = input.currency() != null ? input.currency()
        : organisation.region(customer.get().region()).map(Region::currency).orElse("EUR");
    Instant now = clock.instant();
    reservations.insert(new Reservation(number, input.customerId(), input.model(), input.deposit(), currency,
        input.status() != null ? input.status() : ReservationStatus.ACTIVE, now, now));
    return reservations.find(number).orElseThrow();
  }

  public Reservation get(String number, Caller caller) {
    return reservations.find(number).filter(r -> maySee(r, caller))
        .orElseThrow(() -> new NotFoundException("Reservation " + number));
  }

  public List<Reservation> list(Caller caller, Long customerId) {
    long id;
    if (caller instanceof Caller.Customer customer) {
      id = customer.customerId();
    } else if (customerId != null) {
      id = customerId;
    } else {
      throw new InvalidInputException("customerId", "is required");
    }
    return reservations.findByCustomer(id).stream().filter(r -> maySee(r, caller)).toList();
  }

  private boolean maySee(Reservation r, Caller caller) {
    if (caller instanceof Caller.Customer customer) {
      return r.customerId() == customer.customerId();
    }
    return customers.find(r.customerId()).map(c -> caller.maySee(c.id(), c.region())).orElse(false);
  }

  private String newNumber() {
    for (int attempt = 0; attempt < 10; attempt++) {
      StringBuilder sb = new StringBuilder("RES-");
      for (int i = 0; i < 8; i++) {
        sb.append(NUMBER_ALPHABET.charAt(RANDOM.nextInt(NUMBER_ALPHABET.length())));
      }
      if (!reservations.exists(sb.toString())) {
        return sb.toString();
      }
    }
    throw new IllegalStateException("Could not draw a free reservation number");
  }
}
