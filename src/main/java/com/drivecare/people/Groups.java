package com.drivecare.people;

import java.util.List;
import java.util.Map;

/** The Camunda groups Drivecare's staff belong to. Their ids are fixed: diagrams and forms use them. */
public final class Groups {

  public static final String CASE_OWNERS = "case-owners";
  public static final String MANAGERS = "managers";
  public static final String REGIONAL_MANAGERS = "regional-managers";
  public static final String SERVICE_ADVISORS = "service-advisors";
  public static final String SERVICE_MANAGERS = "service-managers";
  public static final String RECALL_COORDINATORS = "recall-coordinators";
  public static final String CUSTOMER_RELATIONS = "customer-relations";
  public static final String SALES = "sales";
  /** Camunda's administrators' group: full rights in the webapps, the engine REST API and /api. */
  public static final String ADMINS = "camunda-admin";

  /** The staff groups with the names Tasklist shows. */
  public static final List<StaffGroup> STAFF = List.of(
      new StaffGroup(CASE_OWNERS, "Case owners"),
      new StaffGroup(MANAGERS, "Managers"),
      new StaffGroup(REGIONAL_MANAGERS, "Regional managers"),
      new StaffGroup(SERVICE_ADVISORS, "Service advisors"),
      new StaffGroup(SERVICE_MANAGERS, "Service managers"),
      new StaffGroup(RECALL_COORDINATORS, "Recall coordinators"),
      new StaffGroup(CUSTOMER_RELATIONS, "Customer relations"),
      new StaffGroup(SALES, "Sales"));

  /**
   * National teams and the journeys (process definition keys) whose work they are offered as a
   * candidate group: they read and work every task of these journeys (one {@code READ_TASK},
   * {@code TASK_WORK} grant per journey, see OrganisationSetup), and the engine writes no
   * authorization row per task for them ({@link TaskAuthorizationProvider}). Recall campaigns are not
   * listed: their notice tasks are few and the approval is offered to named coordinators only.
   */
  public static final Map<String, List<String>> TEAM_JOURNEYS = Map.of(
      RECALL_COORDINATORS, List.of("recall-remedy"),
      CUSTOMER_RELATIONS, List.of("recall-remedy", "service-case"));

  /** Whether {@code groupId} holds its rights on every task of the journey {@code processKey}. */
  public static boolean worksAcrossJourney(String groupId, String processKey) {
    return processKey != null && TEAM_JOURNEYS.getOrDefault(groupId, List.of()).contains(processKey);
  }

  public static boolean isStaffGroup(String groupId) {
    return STAFF.stream().anyMatch(g -> g.id().equals(groupId));
  }

  public record StaffGroup(String id, String name) {}

  private Groups() {}
}
