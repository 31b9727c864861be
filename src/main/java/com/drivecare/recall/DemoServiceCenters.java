package com.drivecare.recall;

import com.drivecare.recall.RecallBookingService.ServiceCenter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo service centres of the default (dev) profile, one per demo region, where recalled cars are
 * repaired. A centre already there (perhaps changed by an administrator) is left as it is.
 */
@Component
@ConditionalOnProperty(name = "drivecare.demo-data.enabled", havingValue = "true")
class DemoServiceCenters {

  private static final Logger LOG = LoggerFactory.getLogger(DemoServiceCenters.class);

  static final List<ServiceCenter> CENTERS = List.of(
      new ServiceCenter("NA-LA-01", "Drivecare Los Angeles", "NA-WEST", 6, 2),
      new ServiceCenter("FR-PAR-01", "Drivecare Paris Bercy", "FR-IDF", 8, 2),
      new ServiceCenter("DE-MUC-01", "Drivecare München", "DE-BY", 6, 1));

  private final RecallBookingService bookings;

  DemoServiceCenters(RecallBookingService bookings) {
    this.bookings = bookings;
  }

  /** After the demo organisation (order 1), whose regions the centres belong to. */
  @EventListener(ApplicationStartedEvent.class)
  @Order(2)
  public void onEngineReady() {
    Set<String> known = bookings.centers(null).stream().map(ServiceCenter::id).collect(Collectors.toSet());
    List<ServiceCenter> missing = CENTERS.stream().filter(c -> !known.contains(c.id())).toList();
    missing.forEach(bookings::saveCenter);
    if (!missing.isEmpty()) {
      LOG.info("Demo service centres loaded: {}", missing.stream().map(ServiceCenter::id).toList());
    }
  }
}
