package com.drivecare.people;

import java.time.LocalTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo organisation of the default (dev) profile: three regions, their agents and managers, the
 * national teams, all with the password {@value #PASSWORD}, and the administrator {@code admin}/{@code admin}.
 * Never active in the {@code postgres} (production) profile.
 */
@Component
@ConditionalOnProperty(name = "drivecare.demo-data.enabled", havingValue = "true")
public class DemoOrganisation {

  static final String PASSWORD = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoOrganisation.class);

  static final List<Region> REGIONS = List.of(
      new Region("NA-WEST", "North America West", "US", "America/Los_Angeles", "USD", null, null),
      new Region("FR-IDF", "France — Île-de-France", "FR", "Europe/Paris", "EUR", LocalTime.of(9, 0), LocalTime.of(20, 0)),
      new Region("DE-BY", "Germany — Bavaria", "DE", "Europe/Berlin", "EUR", null, null));

  /** user id, first name, last name, group, region (null: national), manager, phone */
  private static final List<String[]> STAFF = List.of(
      new String[] {"ryan", "Ryan", "Brooks", Groups.REGIONAL_MANAGERS, "NA-WEST", null, "+13105550100"},
      new String[] {"mia", "Mia", "Torres", Groups.MANAGERS, "NA-WEST", "ryan", "+13105550101"},
      new String[] {"olivia", "Olivia", "Park", Groups.CASE_OWNERS, "NA-WEST", "mia", "+13105550102"},
      new String[] {"noah", "Noah", "Reed", Groups.CASE_OWNERS, "NA-WEST", "mia", "+13105550103"},
      new String[] {"grace", "Grace", "Kim", Groups.SERVICE_MANAGERS, "NA-WEST", "ryan", "+13105550104"},
      new String[] {"sam", "Sam", "Patel", Groups.SERVICE_ADVISORS, "NA-WEST", "grace", "+13105550105"},
      new String[] {"ethan", "Ethan", "Cole", Groups.SALES, "NA-WEST", "ryan", "+13105550106"},
      new String[] {"antoine", "Antoine", "Leroy", Groups.REGIONAL_MANAGERS, "FR-IDF", null, "+33140000100"},
      new String[] {"chloe", "Chloé", "Dubois", Groups.MANAGERS, "FR-IDF", "antoine", "+33140000101"},
      new String[] {"camille", "Camille", "Martin", Groups.CASE_OWNERS, "FR-IDF", "chloe", "+33140000102"},
      new String[] {"lucas", "Lucas", "Bernard", Groups.CASE_OWNERS, "FR-IDF", "chloe", "+33140000103"},
      new String[] {"ines", "Inès", "Laurent", Groups.SERVICE_MANAGERS, "FR-IDF", "antoine", "+33140000104"},
      new String[] {"hugo", "Hugo", "Moreau", Groups.SERVICE_ADVISORS, "FR-IDF", "ines", "+33140000105"},
      new String[] {"julie", "Julie", "Girard", Groups.SALES, "FR-IDF", "antoine", "+33140000106"},
      new String[] {"katrin", "Katrin", "Maier", Groups.REGIONAL_MANAGERS, "DE-BY", null, "+49890000100"},
      new String[] {"jonas", "Jonas", "Wagner", Groups.MANAGERS, "DE-BY", "katrin", "+49890000101"},
      new String[] {"lena", "Lena", "Huber", Groups.CASE_OWNERS, "DE-BY", "jonas", "+49890000102"},
      new String[] {"felix", "Felix", "Bauer", Groups.CASE_OWNERS, "DE-BY", "jonas", "+49890000103"},
      new String[] {"sophie", "Sophie", "Fischer", Groups.SERVICE_MANAGERS, "DE-BY", "katrin", "+49890000104"},
      new String[] {"max", "Max", "Schmid", Groups.SERVICE_ADVISORS, "DE-BY", "sophie", "+49890000105"},
      new String[] {"paul", "Paul", "Weber", Groups.SALES, "DE-BY", "katrin", "+49890000106"},
      new String[] {"clara", "Clara", "Novak", Groups.CUSTOMER_RELATIONS, null, null, "+33140000200"},
      new String[] {"rita", "Rita", "Alvarez", Groups.RECALL_COORDINATORS, null, null, "+33140000300"},
      new String[] {"victor", "Victor", "Chen", Groups.RECALL_COORDINATORS, null, null, "+33140000301"});

  private final IdentityService identityService;
  private final OrganisationRepository organisation;
  private final TransactionTemplate transaction;

  DemoOrganisation(IdentityService identityService, OrganisationRepository organisation, TransactionTemplate transaction) {
    this.identityService = identityService;
    this.organisation = organisation;
    this.transaction = transaction;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(1)
  public void onEngineReady() {
    transaction.executeWithoutResult(status -> {
      REGIONS.stream().filter(r -> organisation.region(r.code()).isEmpty()).forEach(organisation::saveRegion);
      for (String[] s : STAFF) {
        ensureUser(s[0], s[1], s[2], PASSWORD, s[3]);
        if (organisation.agent(s[0]).isEmpty()) {
          organisation.saveAgent(new Agent(s[0], s[4], s[5], s[6]));
        }
      }
      ensureUser("admin", "Ada", "Admin", "admin", Groups.ADMINS);
    });
    LOG.info("Demo organisation ready: {} regions, {} staff (password '{}'), admin/admin", REGIONS.size(), STAFF.size(), PASSWORD);
  }

  private void ensureUser(String id, String first, String last, String password, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(first);
      user.setLastName(last);
      user.setEmail(id + "@drivecare.example");
      user.setPassword(password);
      identityService.saveUser(user);
    }
    if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identityService.createMembership(id, group);
    }
  }
}
