package com.drivecare.customer;

import com.drivecare.platform.Caller;
import com.drivecare.platform.CustomerEndpoint;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reservations")
class ReservationController {

  static final Set<String> CSV_COLUMNS = Set.of("number", "customerId", "model", "deposit", "currency", "status");

  private final ReservationService reservations;
  private final CsvImporter importer;

  ReservationController(ReservationService reservations, CsvImporter importer) {
    this.reservations = reservations;
    this.importer = importer;
  }

  @PostMapping(consumes = "application/json")
  ResponseEntity<Reservation> create(@RequestBody NewReservation input) {
    Reservation created = reservations.create(input, Caller.current());
    return ResponseEntity.created(URI.create("/api/reservations/" + created.number())).body(created);
  }

  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  ImportReport importCsv(InputStream body) {
    return importer.importCsv(body, CSV_COLUMNS, row -> reservations.create(new NewReservation(row.text("number"),
        row.number("customerId"), row.text("model"), row.decimal("deposit"), row.text("currency"),
        row.enumeration("status", ReservationStatus.class)), Caller.current()), Reservation::number);
  }

  @CustomerEndpoint
  @GetMapping("/{number}")
  Reservation get(@PathVariable String number) {
    return reservations.get(number, Caller.current());
  }

  /** A customer gets his own reservations; staff name the customer. */
  @CustomerEndpoint
  @GetMapping
  List<Reservation> list(@RequestParam(required = false) Long customerId) {
    return reservations.list(Caller.current(), customerId);
  }
}
