package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.*;

import com.drivecare.contact.ContactLog;
import com.drivecare.contact.Direction;
import com.drivecare.customer.Channel;
import com.drivecare.customer.Vehicle;
import com.drivecare.customer.VehicleRepository;
import com.drivecare.customer.Vin;
import com.drivecare.people.AssignmentService;
import com.drivecare.people.Groups;
import com.drivecare.people.OrganisationRepository;
import com.drivecare.people.Region;
import com.drivecare.platform.Caller;
import com.drivecare.platform.ConflictException;
import com.drivecare.platform.InputValidator;
import com.drivecare.platform.InvalidInputException;
import com.drivecare.platform.InvalidInputException.FieldError;
import com.drivecare.platform.NotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking a recall repair against real capacity: each service centre has daily slots (dealer and
 * pickup) and mobile units, and a part of the region's stock is reserved per booked vehicle. A full
 * day is a 409 with the next free dates. Bookings of one centre are serialised by a row lock. The
 * statements are the repositories' ({@link ServiceCenterRepository}, {@link RecallAppointmentRepository},
 * {@link RecallRepository}).
 */
@Service
public class RecallBookingService {

  static final int BOOKING_HORIZON_DAYS = 120;
  static final LocalTime APPOINTMENT_TIME = LocalTime.of(8, 0);

  private final ServiceCenterRepository centers;
  private final RecallAppointmentRepository appointments;
  private final RecallRepository recalls;
  private final RecallOutreach outreach;
  private final VehicleRepository vehicles;
  private final OrganisationRepository organisation;
  private final AssignmentService assignment;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ContactLog contactLog;
  private final InputValidator validator;
  private final Clock clock;

  RecallBookingService(ServiceCenterRepository centers, RecallAppointmentRepository appointments,
      RecallRepository recalls, RecallOutreach outreach, VehicleRepository vehicles, OrganisationRepository organisation,
      AssignmentService assignment, RuntimeService runtimeService, TaskService taskService, ContactLog contactLog,
      InputValidator validator, Clock clock) {
    this.centers = centers;
    this.appointments = appointments;
    this.recalls = recalls;
    this.outreach = outreach;
    this.vehicles = vehicles;
    this.organisation = organisation;
    this.assignment = assignment;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.contactLog = contactLog;
    this.validator = validator;
    this.clock = clock;
  }

  /** A service centre; as input ({@code PUT /api/service-centers/{id}}) every field is required. */
  public record ServiceCenter(
      @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$",
          message = "must be 1 to 20 letters, digits, dashes or underscores") String id,
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 16) String region,
      @NotNull @Min(0) @Max(100000) Integer dailySlots,
      @NotNull @Min(0) @Max(100000) Integer mobileUnits) {}

  public record BookingRequest(@NotNull RecallCampaign.RemedyOption option, @NotBlank String serviceCenter,
      @NotNull LocalDate date) {}

  public record Appointment(long id, String campaignId, String vin, String serviceCenter, String option, LocalDate day,
      String status) {}

  public List<ServiceCenter> centers(String region) {
    return centers.inRegion(region);
  }

  @Transactional
  public void saveCenter(ServiceCenter c) {
    List<FieldError> errors = validator.errors(c);
    if (c.region() != null && c.region().length() <= 16 && organisation.region(c.region()).isEmpty()) {
      errors.add(new FieldError("region", "is not a known region: " + c.region()));
    }
    InputValidator.check(errors);
    centers.save(c);
  }

  /** Books (or moves) the vehicle's repair; the journey learns it through {@value RecallProcess#MSG_APPOINTMENT_BOOKED}. */
  @Transactional
  public Appointment book(String campaignId, String rawVin, BookingRequest request, Caller caller) {
    String vin = Vin.normalise(rawVin);
    Vehicle vehicle = visibleVehicle(campaignId, vin, caller);
    RecallCampaign campaign = recalls.find(campaignId).orElseThrow();
    List<FieldError> errors = validator.errors(request);
    if (request.option() != null && !campaign.remedyOptions().contains(request.option())) {
      errors.add(new FieldError("option", "is not offered by this campaign; offered: " + campaign.remedyOptions()));
    }
    InputValidator.check(errors);
    ServiceCenter center = centers.lock(request.serviceCenter())
        .filter(c -> c.region().equals(vehicle.region()))
        .orElseThrow(() -> new InvalidInputException("serviceCenter", "is not a service centre of your region"));
    ZoneId zone = organisation.region(vehicle.region()).map(Region::timeZone).map(ZoneId::of).orElse(ZoneId.of("UTC"));
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    if (!request.date().isAfter(today) || request.date().isAfter(today.plusDays(BOOKING_HORIZON_DAYS))) {
      throw new InvalidInputException("date", "must be between tomorrow and " + BOOKING_HORIZON_DAYS + " days ahead");
    }
    RecallVehicleStatus status = recalls.lockVehicle(campaignId, vin).orElseThrow();
    String key = journeyKey(campaignId, vin);
    ProcessInstance journey = runtimeService.createProcessInstanceQuery().processDefinitionKey(REMEDY_KEY)
        .processInstanceBusinessKey(key).singleResult();
    if (journey == null && status == RecallVehicleStatus.WAITING_FOR_PARTS) {
      throw new ConflictException("Vehicle " + vin + " cannot be booked yet: the parts have not arrived for its region");
    }
    if (journey == null && status != RecallVehicleStatus.NOTIFIED) {
      throw new ConflictException("Vehicle " + vin + " has no open recall journey in campaign " + campaignId);
    }
    Optional<Appointment> current = appointments.booked(campaignId, vin);
    if (current.isEmpty()) {
      reserveParts(campaign, vehicle.region());
    }
    if (!hasRoom(center, request.option(), request.date())) {
      throw new ConflictException("Service centre " + center.name() + " is full on " + request.date(),
          Map.of("nextFreeDates", nextFreeDates(center, request.option(), request.date())));
    }
    current.ifPresent(a -> appointments.cancel(a.id()));
    appointments.book(campaignId, vin, center.id(), request.option(), request.date(), clock.instant());
    Date at = Date.from(request.date().atTime(APPOINTMENT_TIME).atZone(zone).toInstant());
    Date reminder = Date.from(request.date().minusDays(1).atTime(LocalTime.of(10, 0)).atZone(zone).toInstant());
    Map<String, Object> variables = Map.of(VAR_APPOINTMENT_AT, at, VAR_APPOINTMENT_REMINDER_AT, reminder,
        VAR_SERVICE_CENTER, center.name(), VAR_REMEDY_OPTION, request.option().name(),
        VAR_REMEDY_ADVISOR, assignment.leastLoaded(vehicle.region(), Groups.SERVICE_ADVISORS));
    List<Task> remedyTasks = journey == null ? List.of() : taskService.createTaskQuery().processInstanceId(journey.getId())
        .taskDefinitionKey(TASK_PERFORM_REMEDY).list();
    if (!remedyTasks.isEmpty()) {
      // moved while the repair was already planned: new date on the same task
      runtimeService.setVariables(journey.getId(), variables);
      remedyTasks.forEach(t -> {
        t.setDueDate(at);
        taskService.saveTask(t);
      });
    } else if (journey == null) {
      // the campaign carried the vehicle so far: from this booking on it has a journey of its own
      recalls.claimJourney(campaignId, vin, clock.instant());
      Map<String, Object> start = new HashMap<>(
          outreach.journeyVariables(campaignId, recalls.target(campaignId, vin).orElseThrow()));
      start.putAll(variables);
      runtimeService.startProcessInstanceByMessage(MSG_JOURNEY_BOOKED, key, start);
    } else {
      try {
        runtimeService.createMessageCorrelation(MSG_APPOINTMENT_BOOKED).processInstanceId(journey.getId())
            .setVariables(variables).correlateWithResult();
      } catch (MismatchingMessageCorrelationException e) {
        throw new ConflictException("Vehicle " + vin + " cannot be booked now (its parts or its owner are not settled yet)");
      }
    }
    recalls.vehicleStatus(campaignId, vin, RecallVehicleStatus.BOOKED);
    contactLog.record(key, vehicle.ownerId(), caller instanceof Caller.Customer ? Channel.WEB : Channel.CALL,
        Direction.INBOUND, caller.actor(), current.isEmpty() ? "APPOINTMENT_BOOKED" : "APPOINTMENT_MOVED",
        center.name() + ", " + request.date() + ", " + request.option());
    return appointments.booked(campaignId, vin).orElseThrow();
  }

  /** Cancels the booked repair: the part goes back to stock and the journey back to waiting for a booking. */
  @Transactional
  public void cancel(String campaignId, String rawVin, Caller caller) {
    String vin = Vin.normalise(rawVin);
    Vehicle vehicle = visibleVehicle(campaignId, vin, caller);
    Appointment appointment = appointments.booked(campaignId, vin)
        .orElseThrow(() -> new ConflictException("Vehicle " + vin + " has no booked appointment"));
    centers.lock(appointment.serviceCenter());
    appointments.cancel(appointment.id());
    recalls.returnPart(campaignId, vehicle.region());
    String key = journeyKey(campaignId, vin);
    runtimeService.createMessageCorrelation(MSG_APPOINTMENT_CANCELLED).processInstanceBusinessKey(key)
        .correlateAllWithResult();
    recalls.vehicleStatus(campaignId, vin, RecallVehicleStatus.NOTIFIED);
    contactLog.record(key, vehicle.ownerId(), caller instanceof Caller.Customer ? Channel.WEB : Channel.CALL,
        Direction.INBOUND, caller.actor(), "APPOINTMENT_CANCELLED", null);
  }

  /** The vehicle's booked appointment, if the caller may see the vehicle. */
  public Appointment currentFor(String campaignId, String rawVin, Caller caller) {
    String vin = Vin.normalise(rawVin);
    visibleVehicle(campaignId, vin, caller);
    return current(campaignId, vin).orElseThrow(() -> new NotFoundException("Appointment of " + vin));
  }

  public Optional<Appointment> current(String campaignId, String vin) {
    return appointments.booked(campaignId, vin);
  }

  Vehicle visibleVehicle(String campaignId, String vin, Caller caller) {
    Optional<String> problem = Vin.problem(vin);
    if (problem.isPresent()) {
      throw new InvalidInputException("vin", problem.get());
    }
    Vehicle vehicle = vehicles.findByVin(vin).filter(v -> v.visibleTo(caller))
        .orElseThrow(() -> new NotFoundException("Vehicle " + vin));
    if (!recalls.containsVin(campaignId, vin)) {
      throw new NotFoundException("Vehicle " + vin + " in campaign " + campaignId);
    }
    return vehicle;
  }

  boolean hasRoom(ServiceCenter center, RecallCampaign.RemedyOption option, LocalDate day) {
    boolean mobile = option == RecallCampaign.RemedyOption.MOBILE;
    return appointments.bookedOn(center.id(), day, mobile) < (mobile ? center.mobileUnits() : center.dailySlots());
  }

  private List<LocalDate> nextFreeDates(ServiceCenter center, RecallCampaign.RemedyOption option, LocalDate from) {
    List<LocalDate> free = new ArrayList<>();
    for (LocalDate d = from.plusDays(1); free.size() < 5 && d.isBefore(from.plusDays(BOOKING_HORIZON_DAYS)); d = d.plusDays(1)) {
      if (hasRoom(center, option, d)) {
        free.add(d);
      }
    }
    return free;
  }

  /** Takes one part of the region's stock for this vehicle; none left, or none yet, is a conflict. */
  private void reserveParts(RecallCampaign campaign, String region) {
    var stock = recalls.stock(campaign.id()).stream().filter(s -> s.region().equals(region)).findFirst();
    if (stock.isPresent() && stock.get().available() != null) {
      if (!recalls.takePart(campaign.id(), region)) {
        throw new ConflictException("No parts left for your region; we will tell you when more arrive");
      }
    } else if (stock.isPresent() || !campaign.partsAvailable()) {
      throw new ConflictException("The parts are not available yet"
          + (campaign.partsExpected() == null ? "" : "; expected " + campaign.partsExpected()));
    }
  }
}
