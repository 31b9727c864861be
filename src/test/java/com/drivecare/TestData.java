package com.drivecare;

import com.drivecare.customer.AccessTokenService;
import com.drivecare.customer.Channel;
import com.drivecare.customer.Customer;
import com.drivecare.customer.CustomerService;
import com.drivecare.customer.NewCustomer;
import com.drivecare.customer.NewReservation;
import com.drivecare.customer.NewVehicle;
import com.drivecare.customer.Reservation;
import com.drivecare.customer.ReservationService;
import com.drivecare.customer.Vehicle;
import com.drivecare.customer.VehicleService;
import com.drivecare.people.Agent;
import com.drivecare.people.Groups;
import com.drivecare.people.OrganisationRepository;
import com.drivecare.people.Region;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Small named builders for test data. Everything is idempotent or unique, so tests sharing one
 * database (one Spring context, or the PostgreSQL suite) never trip over each other.
 */
@Component
public class TestData {

  public static final String FR = "T-FR";
  public static final String NA = "T-NA";
  private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final OrganisationRepository organisation;
  private final IdentityService identityService;
  private final CustomerService customers;
  private final VehicleService vehicles;
  private final ReservationService reservations;
  private final AccessTokenService tokens;

  TestData(OrganisationRepository organisation, IdentityService identityService, CustomerService customers,
      VehicleService vehicles, ReservationService reservations, AccessTokenService tokens) {
    this.organisation = organisation;
    this.identityService = identityService;
    this.customers = customers;
    this.vehicles = vehicles;
    this.reservations = reservations;
    this.tokens = tokens;
    organisation.saveRegion(new Region(FR, "Test France", "FR", "Europe/Paris", "EUR", null, null));
    organisation.saveRegion(new Region(NA, "Test North America", "US", "America/Los_Angeles", "USD",
        LocalTime.of(8, 0), LocalTime.of(21, 0)));
  }

  /** A unique id for this test run, to keep users and keys apart. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The password of every user {@link #staff} creates. */
  public static String password(String userId) {
    return userId + "-pw";
  }

  /** A member of staff: a Camunda user in {@code group} and an agent of {@code region} (null: national). */
  public String staff(String userId, String group, String region, String managerId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName("First" + userId);
      user.setLastName("Last");
      user.setEmail(userId + "@test.example");
      user.setPassword(password(userId));
      identityService.saveUser(user);
    }
    if (group != null && identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      identityService.createMembership(userId, group);
    }
    organisation.saveAgent(new Agent(userId, region, managerId, "+33100000000"));
    return userId;
  }

  /** A region of its own (Europe/Paris), so a test's workload and assignments are its own. */
  public String freshRegion() {
    String code = ("X" + UUID.randomUUID().toString().replace("-", "")).substring(0, 12).toUpperCase();
    organisation.saveRegion(new Region(code, "Region " + code, "FR", "Europe/Paris", "EUR", null, null));
    return code;
  }

  /** A case owner, his manager and the region's regional manager. */
  public Team team(String region) {
    String regional = staff(unique("regional"), Groups.REGIONAL_MANAGERS, region, null);
    String manager = staff(unique("manager"), Groups.MANAGERS, region, regional);
    String owner = staff(unique("owner"), Groups.CASE_OWNERS, region, manager);
    return new Team(owner, manager, regional);
  }

  public record Team(String owner, String manager, String regionalManager) {}

  public CustomerBuilder customer() {
    return new CustomerBuilder();
  }

  public Vehicle vehicle(long ownerId) {
    return vehicle(ownerId, "Aurora Sedan", "65000");
  }

  public Vehicle vehicle(long ownerId, String model, String listPrice) {
    return vehicles.create(new NewVehicle(europeanVin(), "T-" + SEQUENCE.incrementAndGet(), model, 2025,
        new BigDecimal(listPrice), ownerId, null));
  }

  public Reservation reservation(long customerId) {
    return reservations.create(new NewReservation(null, customerId, "Aurora GT", new BigDecimal("2500"), null, null));
  }

  public String token(long customerId) {
    return tokens.issue(customerId, "test", null, "test").token();
  }

  /** A valid VIN of a European maker (no check digit applies), different every call. */
  public static String europeanVin() {
    StringBuilder vin = new StringBuilder("WDC");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 14; i++) {
      vin.append(VIN_CHARS.charAt(random.nextInt(VIN_CHARS.length())));
    }
    return vin.toString();
  }

  public final class CustomerBuilder {
    private String name = "Test Customer " + SEQUENCE.incrementAndGet();
    private String email = UUID.randomUUID().toString().substring(0, 12) + "@customer.example";
    private String phone = "+33612345678";
    private String address;
    private Channel preferred = Channel.EMAIL;
    private String language = "fr";
    private String timeZone = "Europe/Paris";
    private String region = FR;
    private boolean doNotCall;
    private String salesAdvisor;

    public CustomerBuilder named(String name) {
      this.name = name;
      return this;
    }

    public CustomerBuilder inRegion(String region, String timeZone) {
      this.region = region;
      this.timeZone = timeZone;
      return this;
    }

    public CustomerBuilder speaking(String language) {
      this.language = language;
      return this;
    }

    public CustomerBuilder email(String email) {
      this.email = email;
      return this;
    }

    public CustomerBuilder preferring(Channel channel) {
      this.preferred = channel;
      return this;
    }

    public CustomerBuilder address(String address) {
      this.address = address;
      return this;
    }

    public CustomerBuilder doNotCall() {
      this.doNotCall = true;
      return this;
    }

    public CustomerBuilder salesAdvisor(String userId) {
      this.salesAdvisor = userId;
      return this;
    }

    public CustomerBuilder withoutPhone() {
      this.phone = null;
      return this;
    }

    public Customer create() {
      return customers.create(new NewCustomer(name, email, phone, address, preferred, language, timeZone, region,
          doNotCall, salesAdvisor));
    }
  }
}
