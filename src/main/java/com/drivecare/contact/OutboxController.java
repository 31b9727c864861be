package com.drivecare.contact;

import com.drivecare.customer.Channel;
import com.drivecare.customer.CustomerRepository;
import com.drivecare.platform.Caller;
import com.drivecare.platform.ConflictException;
import com.drivecare.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox for staff: what was (or will be) sent to whom, failed deliveries, the letters to print. */
@RestController
@RequestMapping("/api/outbox")
@Validated
class OutboxController {

  private static final int PRINT_PAGE = 5_000;

  private final OutboxRepository outbox;
  private final CustomerRepository customers;
  private final Clock clock;

  OutboxController(OutboxRepository outbox, CustomerRepository customers, Clock clock) {
    this.outbox = outbox;
    this.customers = customers;
    this.clock = clock;
  }

  @GetMapping
  List<OutboxMessage> search(@RequestParam(required = false) OutboxMessage.Status status,
      @RequestParam(required = false) Channel channel, @RequestParam(required = false) String businessKey,
      @RequestParam(required = false) Long customerId,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    return outbox.search(status, channel, businessKey, customerId, region(), null, limit, offset);
  }

  @GetMapping("/{id}")
  OutboxMessage get(@PathVariable long id) {
    Caller caller = Caller.current();
    return outbox.find(id)
        .filter(m -> m.customerId() == null ? caller instanceof Caller.Staff s && s.isAdmin()
            : customers.find(m.customerId()).map(c -> caller.maySee(c.id(), c.region())).orElse(false))
        .orElseThrow(() -> new NotFoundException("Notification " + id));
  }

  /** Puts a FAILED notification back in line for delivery, with a fresh set of attempts. */
  @PostMapping("/{id}/retry")
  ResponseEntity<OutboxMessage> retry(@PathVariable long id) {
    OutboxMessage message = get(id);
    if (!outbox.requeue(message.id(), clock.instant())) {
      throw new ConflictException("Notification " + id + " is " + message.status() + "; only FAILED ones are retried");
    }
    return ResponseEntity.accepted().body(outbox.find(id).orElseThrow());
  }

  /**
   * The letters of a day's print batch as CSV, for the print shop: the whole batch (a national recall
   * puts millions of letters into one), streamed a page at a time.
   */
  @GetMapping(path = "/print-batches/{date}", produces = "text/csv")
  void printBatch(
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, HttpServletResponse response)
      throws IOException {
    String region = region();
    response.setContentType("text/csv;charset=UTF-8");
    writePrintBatch(date.toString(), region, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
  }

  /** The CSV of a print batch: one record per letter, in the order they went in. */
  private void writePrintBatch(String date, String region, Writer out) throws IOException {
    try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
        .setHeader("notification", "recipient", "language", "subject", "body").get())) {
      long after = 0;
      List<OutboxMessage> letters;
      do {
        letters = outbox.printBatch(date, region, after, PRINT_PAGE);
        for (OutboxMessage m : letters) {
          printer.printRecord(m.id(), spreadsheetSafe(m.recipient()), spreadsheetSafe(m.language()),
              spreadsheetSafe(m.subject()), spreadsheetSafe(m.body()));
          after = m.id();
        }
      } while (letters.size() == PRINT_PAGE);
    }
  }

  /**
   * A cell a spreadsheet would take for a formula (it begins with {@code =}, {@code +}, {@code -},
   * {@code @}, a tab or a carriage return) is written as text: prefixed with an apostrophe, as OWASP
   * advises against CSV injection. A customer named {@code =HYPERLINK(...)} prints as his name.
   */
  static String spreadsheetSafe(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + cell : cell;
  }

  private static String region() {
    return ((Caller.Staff) Caller.current()).regionScope();
  }
}
