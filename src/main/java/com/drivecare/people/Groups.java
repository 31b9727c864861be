package com.drivecare.people;

import java.util.List;

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

  public static boolean isStaffGroup(String groupId) {
    return STAFF.stream().anyMatch(g -> g.id().equals(groupId));
  }

  public record StaffGroup(String id, String name) {}

  private Groups() {}
}
