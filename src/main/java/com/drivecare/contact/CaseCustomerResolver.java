package com.drivecare.contact;

import java.util.Optional;

/**
 * Which customer a case is about, read from a journey's own records by the case's business key —
 * so a step that writes to a customer ({@code ${sendNotification}}) never takes the customer from a
 * process variable. Each journey whose business key names a record provides one; the case view
 * also asks it which reservation the case is about.
 */
public interface CaseCustomerResolver {

  /** Whether this resolver reads the business keys of the process {@code processDefinitionKey}. */
  boolean handles(String processDefinitionKey);

  /** The customer of the case with this business key. */
  Optional<Long> customerOf(String businessKey);

  /**
   * The reservation the case is about, when the journey's business key names one (a retention case
   * is about a reservation, not about a registered vehicle).
   */
  default Optional<String> reservationOf(String businessKey) {
    return Optional.empty();
  }
}
