package com.drivecare;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.people.Groups;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What `mvn spring-boot:run` gives a newcomer: demo regions, staff who can log in, customers to walk every journey. */
// a second application context in the test JVM: its engine gets a name of its own, or it would take the
// place of the shared context's engine "default" in Camunda's registry, and /engine-rest of the shared
// context would then run on an engine where nobody is authenticated (no authorization check at all)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"drivecare.demo-data.enabled=true", "camunda.bpm.process-engine-name=demo"})
class DemoDataTest {

  @LocalServerPort int port;

  @Test
  void demoOrganisationAndCustomersAreThere() {
    Api camille = Api.at(port).basic("camille", "demo");
    var regions = camille.get("/api/regions");
    assertThat(regions.status()).isEqualTo(200);
    assertThat(regions.json().findValuesAsText("country")).contains("US", "FR", "DE");
    var france = regions.json().findParents("code").stream().filter(r -> r.get("code").asText().equals("FR-IDF"))
        .findFirst().orElseThrow();
    assertThat(france.get("agents").findValuesAsText("groups").toString()).isNotNull();
    assertThat(france.get("agents").findValuesAsText("userId")).contains("camille", "chloe", "antoine");

    var mine = camille.get("/api/customers?limit=500");
    assertThat(mine.json().findValuesAsText("region")).isNotEmpty().allMatch("FR-IDF"::equals);
    assertThat(mine.json().findValuesAsText("name")).contains("Émilie Rousseau", "Thierry Vasseur");

    Api admin = Api.at(port).basic("admin", "admin");
    assertThat(admin.get("/api/reservations/RES-DEMO-NA2").json().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(admin.get("/api/vehicles?vin=WDCAR9GT5SB000311").json().get(0).get("listPrice").asDouble())
        .isEqualTo(185000.0);
    for (String group : new String[] {Groups.RECALL_COORDINATORS, Groups.CUSTOMER_RELATIONS}) {
      assertThat(admin.get("/api/agents").json().findParents("userId").stream()
          .filter(a -> a.get("groups").toString().contains(group))).isNotEmpty();
    }
    // the recall module's demo service centres, one per demo region
    assertThat(admin.get("/api/service-centers").json().findValuesAsText("id"))
        .contains("NA-LA-01", "FR-PAR-01", "DE-MUC-01");
  }
}
