package com.drivecare.customer;

import com.drivecare.platform.Caller;
import com.drivecare.platform.CustomerEndpoint;
import com.drivecare.platform.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
@Validated
class CustomerController {

  static final Set<String> CSV_COLUMNS = Set.of("name", "email", "phone", "address", "preferredChannel", "language",
      "timeZone", "region", "doNotCall", "salesAdvisor");

  private final CustomerService customers;
  private final AccessTokenService tokens;
  private final CsvImporter importer;

  CustomerController(CustomerService customers, AccessTokenService tokens, CsvImporter importer) {
    this.customers = customers;
    this.tokens = tokens;
    this.importer = importer;
  }

  @PostMapping(consumes = "application/json")
  ResponseEntity<Customer> create(@RequestBody NewCustomer input) {
    Customer created = customers.create(input, Caller.current());
    return ResponseEntity.created(URI.create("/api/customers/" + created.id())).body(created);
  }

  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  ImportReport importCsv(InputStream body) {
    return importer.importCsv(body, CSV_COLUMNS, row -> customers.create(new NewCustomer(row.text("name"),
            row.text("email"), row.text("phone"), row.text("address"),
            row.enumeration("preferredChannel", Channel.class), row.text("language"),
            row.text("timeZone"), row.text("region"), row.bool("doNotCall"), row.text("salesAdvisor")), Caller.current()),
        Customer::id);
  }

  @CustomerEndpoint
  @GetMapping("/{id}")
  Customer get(@PathVariable long id) {
    return customers.get(id, Caller.current());
  }

  @GetMapping
  List<Customer> search(@RequestParam(required = false) String q,
      @RequestParam(required = false) String name, @RequestParam(required = false) String email,
      @RequestParam(required = false) String phone,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    return customers.search(q, name, email, phone, (Caller.Staff) Caller.current(), limit, offset);
  }

  @PostMapping("/{id}/access-tokens")
  ResponseEntity<AccessTokenService.IssuedToken> issueToken(@PathVariable long id,
      @RequestBody(required = false) @Valid TokenRequest request) {
    customers.get(id, Caller.current());
    Duration validity = request == null ? null : request.validityDuration();
    var issued = tokens.issue(id, request == null ? null : request.purpose(), validity, Caller.current().actor());
    return ResponseEntity.created(URI.create("/api/customers/" + id + "/access-tokens/" + issued.id())).body(issued);
  }

  @GetMapping("/{id}/access-tokens")
  List<AccessTokenService.TokenInfo> tokens(@PathVariable long id) {
    customers.get(id, Caller.current());
    return tokens.list(id);
  }

  @DeleteMapping("/{id}/access-tokens/{tokenId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable long id, @PathVariable long tokenId) {
    customers.get(id, Caller.current());
    tokens.revoke(id, tokenId);
  }

  /** {@code validity} is an ISO-8601 duration such as P30D; the default is configured. */
  record TokenRequest(@Size(max = 100) String purpose, @Size(max = 40) String validity) {

    Duration validityDuration() {
      if (validity == null) {
        return null;
      }
      try {
        Duration d = Duration.parse(validity);
        if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(366)) > 0) {
          throw new InvalidInputException("validity", "must be between a second and a year");
        }
        return d;
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("validity", "must be an ISO-8601 duration such as P30D");
      }
    }
  }
}
