package com.drivecare.customer;

import com.drivecare.people.OrganisationRepository;
import com.drivecare.platform.Caller;
import com.drivecare.platform.ConflictException;
import com.drivecare.platform.ForbiddenException;
import com.drivecare.platform.InputValidator;
import com.drivecare.platform.InvalidInputException.FieldError;
import com.drivecare.platform.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Vehicles: registered by staff, read by staff of their region and by their owner. */
@Service
public class VehicleService {

  private final VehicleRepository vehicles;
  private final CustomerRepository customers;
  private final OrganisationRepository organisation;
  private final InputValidator validator;
  private final Clock clock;

  VehicleService(VehicleRepository vehicles, CustomerRepository customers, OrganisationRepository organisation,
      InputValidator validator, Clock clock) {
    this.vehicles = vehicles;
    this.customers = customers;
    this.organisation = organisation;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * Registers a vehicle for {@code caller}: staff of a region name owners they can see and register
   * vehicles of their region only (an owner they cannot see is unknown; another region is 403).
   */
  @Transactional
  public Vehicle create(NewVehicle input, Caller caller) {
    if (input.region() != null && !caller.maySee(-1, input.region()) && organisation.region(input.region()).isPresent()) {
      throw new ForbiddenException("region", "is not your region: you register vehicles of "
          + CustomerService.describeScope(caller) + " only");
    }
    return create(input, customer -> caller.maySee(customer.id(), customer.region()));
  }

  /** Registers a vehicle, with no regard to who asks (demo data, set-up). */
  @Transactional
  public Vehicle create(NewVehicle input) {
    return create(input, customer -> true);
  }

  private Vehicle create(NewVehicle input, Predicate<Customer> visible) {
    List<FieldError> errors = validator.errors(input);
    String vin = Vin.normalise(input.vin());
    if (vin != null && !vin.isEmpty()) {
      Vin.problem(vin).ifPresent(p -> errors.add(new FieldError("vin", p)));
    }
    Optional<Customer> owner = Optional.ofNullable(input.ownerId()).flatMap(customers::find).filter(visible);
    if (input.ownerId() != null && owner.isEmpty()) {
      errors.add(new FieldError("ownerId", "is not a known customer: " + input.ownerId()));
    }
    String region = input.region() != null ? input.region() : owner.map(Customer::region).orElse(null);
    if (region == null) {
      errors.add(new FieldError("region", "is required for a vehicle without a known owner"));
    } else if (organisation.region(region).isEmpty()) {
      errors.add(new FieldError("region", "is not a known region: " + region));
    }
    InputValidator.check(errors);
    if (vehicles.findByVin(vin).isPresent()) {
      throw new ConflictException("A vehicle with VIN " + vin + " is already registered");
    }
    long id = vehicles.insert(vin, input, region, clock.instant());
    return vehicles.find(id).orElseThrow();
  }

  public Vehicle get(long id, Caller caller) {
    return vehicles.find(id).filter(v -> v.visibleTo(caller)).orElseThrow(() -> new NotFoundException("Vehicle " + id));
  }

  /** A customer's own vehicles; for staff, a VIN or plate lookup or a page of their region's vehicles. */
  public List<Vehicle> list(Caller caller, String vin, String plate, int limit, int offset) {
    List<Vehicle> found;
    if (vin != null && !vin.isBlank()) {
      found = vehicles.findByVin(Vin.normalise(vin)).stream().toList();
    } else if (plate != null && !plate.isBlank()) {
      found = vehicles.findByPlate(plate.trim().toUpperCase());
    } else if (caller instanceof Caller.Customer customer) {
      found = vehicles.findByOwner(customer.customerId());
    } else {
      Caller.Staff staff = (Caller.Staff) caller;
      return vehicles.list(staff.regionScope(), limit, offset);
    }
    return found.stream().filter(v -> v.visibleTo(caller)).toList();
  }
}
