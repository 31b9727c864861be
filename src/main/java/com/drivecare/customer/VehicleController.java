package com.drivecare.customer;

import com.drivecare.platform.Caller;
import com.drivecare.platform.CustomerEndpoint;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/vehicles")
@Validated
class VehicleController {

  static final Set<String> CSV_COLUMNS = Set.of("vin", "plate", "model", "modelYear", "listPrice", "ownerId", "region");

  private final VehicleService vehicles;
  private final CsvImporter importer;

  VehicleController(VehicleService vehicles, CsvImporter importer) {
    this.vehicles = vehicles;
    this.importer = importer;
  }

  @PostMapping(consumes = "application/json")
  ResponseEntity<Vehicle> create(@RequestBody NewVehicle input) {
    Vehicle created = vehicles.create(input, Caller.current());
    return ResponseEntity.created(URI.create("/api/vehicles/" + created.id())).body(created);
  }

  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  ImportReport importCsv(InputStream body) {
    return importer.importCsv(body, CSV_COLUMNS, row -> vehicles.create(new NewVehicle(row.text("vin"),
        row.text("plate"), row.text("model"), row.integer("modelYear"), row.decimal("listPrice"),
        row.number("ownerId"), row.text("region")), Caller.current()), Vehicle::id);
  }

  @CustomerEndpoint
  @GetMapping("/{id}")
  Vehicle get(@PathVariable long id) {
    return vehicles.get(id, Caller.current());
  }

  /** A customer gets his own vehicles; staff look up a VIN or plate, or page through their region's. */
  @CustomerEndpoint
  @GetMapping
  List<Vehicle> list(@RequestParam(required = false) String vin, @RequestParam(required = false) String plate,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    return vehicles.list(Caller.current(), vin, plate, limit, offset);
  }
}
