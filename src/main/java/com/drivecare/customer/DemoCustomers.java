package com.drivecare.customer;

import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo customers, vehicles and reservations of the default (dev) profile — one story per journey:
 * cancelling customers in each region (one of them do-not-call), owners of recalled North American
 * cars, a premium-car owner far from home, a customer who prefers letters. Loaded once.
 */
@Component
@ConditionalOnProperty(name = "drivecare.demo-data.enabled", havingValue = "true")
class DemoCustomers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCustomers.class);

  private final CustomerService customers;
  private final VehicleService vehicles;
  private final ReservationService reservations;
  private final ReservationRepository reservationRepository;
  private final TransactionTemplate transaction;

  /** Loaded once: the first demo reservation marks the data as there. */
  static final String MARKER = "RES-DEMO-NA1";

  DemoCustomers(CustomerService customers, VehicleService vehicles, ReservationService reservations,
      ReservationRepository reservationRepository, TransactionTemplate transaction) {
    this.customers = customers;
    this.vehicles = vehicles;
    this.reservations = reservations;
    this.reservationRepository = reservationRepository;
    this.transaction = transaction;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(2)
  public void onEngineReady() {
    if (reservationRepository.exists(MARKER)) {
      return;
    }
    transaction.executeWithoutResult(status -> load());
    LOG.info("Demo customers, vehicles and reservations loaded");
  }

  private void load() {
    long james = customer("James Carter", "james.carter@example.com", "+13105550142", null, Channel.EMAIL, "en",
        "America/Los_Angeles", "NA-WEST", false, "ethan");
    long linda = customer("Linda Nguyen", "linda.nguyen@example.com", "+13105550177", null, Channel.EMAIL, "en",
        "America/Los_Angeles", "NA-WEST", true, "ethan");
    long emilie = customer("Émilie Rousseau", "emilie.rousseau@example.fr", "+33612345678", null, Channel.SMS, "fr",
        "Europe/Paris", "FR-IDF", false, "julie");
    long thierry = customer("Thierry Vasseur", "thierry.vasseur@example.fr", "+33698765432", null, Channel.CALL, "fr",
        "Europe/Paris", "FR-IDF", false, "julie");
    long marc = customer("Marc Lefèvre", null, null, "12 rue des Lilas\n75011 Paris\nFrance", Channel.LETTER, "fr",
        "Europe/Paris", "FR-IDF", false, null);
    long thomas = customer("Thomas Becker", "thomas.becker@example.de", "+491701234567", null, Channel.CALL, "en",
        "Europe/Berlin", "DE-BY", false, "paul");

    vehicle("1DCAR5EV1RA000101", "8ABC123", "Aurora Sedan", 2024, "68900.00", james, null);
    vehicle("1DCAR5EV3RA000102", "8XYZ789", "Aurora Sedan", 2024, "71400.00", linda, null);
    vehicle("5DCGT7EV1SA000203", null, "Aurora GT", 2025, "112000.00", null, "NA-WEST");
    vehicle("WDCAR9GT5SB000311", "GT-911-TV", "Aurora GT Prestige", 2025, "185000.00", thierry, null);
    vehicle("WDCAR9GT2RB000287", "FR-287-TV", "Aurora GT", 2024, "121000.00", thierry, null);
    vehicle("WDCAR5EV7SB000412", "ER-412-AA", "Aurora Sedan", 2025, "64900.00", emilie, null);
    vehicle("WDCAR5EV0RB000455", "ML-455-CD", "Aurora Compact", 2024, "42900.00", marc, null);
    vehicle("WDCAR5EV4SB000520", "M-TB 520", "Aurora Sedan", 2025, "66500.00", thomas, null);

    reservation(MARKER, james, "Aurora Sedan Long Range", "1000.00");
    reservation("RES-DEMO-NA2", linda, "Aurora GT", "2500.00");
    reservation("RES-DEMO-FR1", emilie, "Aurora GT", "2500.00");
    reservation("RES-DEMO-DE1", thomas, "Aurora Compact", "1000.00");
  }

  private long customer(String name, String email, String phone, String address, Channel preferred, String language,
      String timeZone, String region, boolean doNotCall, String salesAdvisor) {
    return customers.create(new NewCustomer(name, email, phone, address, preferred, language, timeZone, region,
        doNotCall, salesAdvisor)).id();
  }

  private void vehicle(String vin, String plate, String model, int year, String price, Long owner, String region) {
    vehicles.create(new NewVehicle(vin, plate, model, year, new BigDecimal(price), owner, region));
  }

  private void reservation(String number, long customer, String model, String deposit) {
    reservations.create(new NewReservation(number, customer, model, new BigDecimal(deposit), null, null));
  }
}
