package com.drivecare.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.DrivecareTest;
import com.drivecare.Jobs;
import com.drivecare.TestData;
import com.drivecare.customer.Customer;
import com.drivecare.customer.Vehicle;
import com.drivecare.people.Groups;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service case as its customer follows it on his page: owner, next steps, escalation, expenses. */
@DrivecareTest
class ServiceCaseSelfServiceApiTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired Jobs jobs;

  String advisor;
  Customer customer;
  Vehicle vehicle;
  Api asCustomer;

  @BeforeEach
  void setUp() {
    String region = testData.freshRegion();
    String manager = testData.staff(TestData.unique("svcmgr"), Groups.SERVICE_MANAGERS, region, null);
    advisor = testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, region, manager);
    customer = testData.customer().inRegion(region, "Europe/Paris").create();
    vehicle = testData.vehicle(customer.id(), "Aurora GT", "121000");
    asCustomer = Api.at(port).bearer(testData.token(customer.id()));
  }

  @Test
  void theCustomerSeesHisOwnerTheNextStepHisEscalationAndHisExpenses() {
    String number = asCustomer.post("/api/service-cases", Map.of("vin", vehicle.vin(), "kind", "ROADSIDE",
        "description", "Flat tyre far from home")).json().get("number").asText();
    jobs.runDueForBusinessKey(number);

    var file = asCustomer.get("/api/self-service/service-cases/" + number);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.json().get("stage").asText()).isEqualTo("FIRST_CONTACT");
    assertThat(file.json().get("caseOwner").get("name").asText()).isEqualTo("First" + advisor + " Last");
    assertThat(file.json().get("caseOwner").get("phone").asText()).isEqualTo("+33100000000");
    assertThat(file.json().get("openSteps").toString()).contains("Task_ContactCustomer");
    assertThat(file.json().get("nextUpdateDue").asText()).isNotBlank();
    assertThat(file.json().get("model").asText()).isEqualTo("Aurora GT");
    assertThat(file.json().has("escalation")).isFalse();
    assertThat(asCustomer.get("/api/self-service/service-cases").json().findValuesAsText("number")).containsExactly(number);

    assertThat(asCustomer.post("/api/service-cases/" + number + "/escalation", Map.of("reason", "Nobody called me"))
        .status()).isEqualTo(202);
    jobs.runDueForBusinessKey(number);
    var escalated = asCustomer.get("/api/self-service/service-cases/" + number).json().get("escalation");
    assertThat(escalated.get("status").asText()).isEqualTo("OPEN");
    assertThat(escalated.get("pilot").asBoolean()).isFalse();
    // outside the pilot, the owner follows it up as a priority, within the table's hours
    assertThat(escalated.get("decider").get("name").asText()).isEqualTo("First" + advisor + " Last");
    assertThat(escalated.get("answerBy").asText()).isNotBlank();

    assertThat(asCustomer.post("/api/service-cases/" + number + "/expenses", Map.of("kind", "HOTEL", "amount", new BigDecimal("189.50"),
        "currency", "EUR", "note", "Hotel du Lac")).status()).isEqualTo(202);
    var expense = asCustomer.get("/api/self-service/service-cases/" + number).json().get("expenses").get(0);
    assertThat(expense.get("kind").asText()).isEqualTo("HOTEL");
    assertThat(expense.get("amount").decimalValue()).isEqualByComparingTo("189.50");
    assertThat(expense.get("status").asText()).isEqualTo("PENDING");
  }

  @Test
  void anotherCustomersTokenGetsNotFoundAndStaffHaveNoListOfTheirOwn() {
    String number = asCustomer.post("/api/service-cases", Map.of("vin", vehicle.vin(), "kind", "SERVICE",
        "description", "Noise when braking")).json().get("number").asText();
    Customer other = testData.customer().create();
    Api asOther = Api.at(port).bearer(testData.token(other.id()));
    var foreign = asOther.get("/api/self-service/service-cases/" + number);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.contentType()).startsWith("application/problem+json");
    assertThat(asOther.get("/api/self-service/service-cases").json()).isEmpty();
    assertThat(asOther.get("/api/self-service/timeline/" + number).status()).isEqualTo(404);
    assertThat(Api.at(port).get("/api/self-service/service-cases/" + number).status()).isEqualTo(401);
    assertThat(asCustomer.post("/api/service-cases/" + number + "/expenses", Map.of("kind", "HOTEL", "amount", -3,
        "currency", "euros")).status()).isEqualTo(400);
  }
}
