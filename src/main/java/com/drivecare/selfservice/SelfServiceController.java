package com.drivecare.selfservice;

import com.drivecare.contact.PageTexts;
import com.drivecare.customer.Customer;
import com.drivecare.customer.CustomerService;
import com.drivecare.platform.Caller;
import com.drivecare.platform.CustomerEndpoint;
import com.drivecare.platform.NotFoundException;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the self-service page needs before it shows anything: its texts (public, per language) and
 * who the customer holding the link is — his name, language and time zone, so the page speaks his
 * language and shows times in his zone, whatever his browser says.
 */
@RestController
class SelfServiceController {

  private final PageTexts texts;
  private final CustomerService customers;

  SelfServiceController(PageTexts texts, CustomerService customers) {
    this.texts = texts;
    this.customers = customers;
  }

  /** Public: the page's texts in {@code lang} ({@code en} or {@code fr}; anything else is English). */
  @CustomerEndpoint
  @GetMapping("/api/self-service/texts")
  ResponseEntity<Map<String, String>> texts(@RequestParam(required = false) String lang) {
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
        .body(texts.all(lang));
  }

  public record Me(long id, String name, String language, String timeZone) {}

  /** The customer holding the link (staff have no file of their own here: 404). */
  @CustomerEndpoint
  @GetMapping("/api/self-service/me")
  Me me() {
    if (!(Caller.current() instanceof Caller.Customer customer)) {
      throw new NotFoundException("Customer file");
    }
    Customer c = customers.get(customer.customerId(), Caller.current());
    return new Me(c.id(), c.name(), PageTexts.language(c.language()), c.timeZone());
  }
}
