package com.drivecare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.TestData;
import com.drivecare.customer.Customer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What a customer may call, in one list: the endpoints marked {@link CustomerEndpoint}. Marking a
 * staff endpoint by mistake, or forgetting one the self-service page needs, fails here.
 */
@DrivecareTest
class CustomerEndpointsTest {

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired TestData testData;
  @LocalServerPort int port;

  @Test
  void theEndpointsOpenToCustomersAreExactlyThese() {
    Set<String> open = mappings.getHandlerMethods().entrySet().stream()
        .filter(e -> e.getValue().hasMethodAnnotation(CustomerEndpoint.class))
        .flatMap(e -> e.getKey().getMethodsCondition().getMethods().stream()
            .flatMap(m -> e.getKey().getPatternValues().stream().map(p -> m + " " + p)))
        .collect(Collectors.toSet());
    assertThat(open).containsExactlyInAnyOrder(
        // his own file, vehicles, reservations and timelines
        "GET /api/customers/{id}", "GET /api/vehicles", "GET /api/vehicles/{id}", "GET /api/reservations",
        "GET /api/reservations/{number}", "GET /api/cases/{businessKey}/timeline",
        // retention: cancel, confirm, withdraw
        "POST /api/reservations/{number}/cancellation", "GET /api/reservations/{number}/cancellation",
        "POST /api/reservations/{number}/cancellation/confirm", "POST /api/reservations/{number}/cancellation/withdraw",
        // service cases
        "POST /api/service-cases", "GET /api/service-cases/{number}", "POST /api/service-cases/{number}/escalation",
        "POST /api/service-cases/{number}/expenses", "POST /api/service-cases/{number}/status-requests",
        // recall: his repair appointment, the service centres, and the public lookups
        "POST /api/recalls/{campaignId}/vehicles/{vin}/appointment",
        "GET /api/recalls/{campaignId}/vehicles/{vin}/appointment",
        "DELETE /api/recalls/{campaignId}/vehicles/{vin}/appointment", "GET /api/service-centers",
        "GET /api/recalls", "GET /api/surveys/{token}", "POST /api/surveys/{token}",
        // the self-service page
        "GET /api/self-service/texts", "GET /api/self-service/me", "POST /api/self-service/fresh-link",
        "GET /api/self-service/timeline/{businessKey}", "GET /api/self-service/recalls",
        "GET /api/self-service/recalls/{campaignId}/vehicles/{vin}",
        "GET /api/self-service/recalls/{campaignId}/vehicles/{vin}/availability",
        "GET /api/self-service/recalls/{campaignId}/vehicles/{vin}/appointment.ics",
        "GET /api/self-service/service-cases", "GET /api/self-service/service-cases/{number}");
  }

  @Test
  void aCustomerGetsA403ProblemFromAnyOtherEndpointAndStaffPass() {
    Customer customer = testData.customer().create();
    Api asCustomer = Api.at(port).bearer(testData.token(customer.id()));
    for (String staffOnly : List.of("/api/regions", "/api/outbox", "/api/reports/escalation-pilot",
        "/api/cases/" + TestData.unique("CASE") + "/view", "/api/customers/" + customer.id() + "/access-tokens")) {
      var refused = asCustomer.get(staffOnly);
      assertThat(refused.status()).as(staffOnly).isEqualTo(403);
      assertThat(refused.contentType()).as(staffOnly).startsWith("application/problem+json");
    }
    assertThat(asCustomer.get("/api/customers/" + customer.id()).status()).isEqualTo(200);
    assertThat(Api.at(port).basic("test-admin", "test-admin-secret").get("/api/regions").status()).isEqualTo(200);
  }
}
