package com.drivecare.contact;

import java.time.Instant;
import java.util.List;

/**
 * Everything an agent needs on any task of a case, in one answer: who the customer is and how to
 * reach him now, his vehicles, the reservation the case is about (a retention case), who holds which open task, the clocks that run, and the whole
 * timeline in plain words. Times come as instants and as words in the agent's zone, with the
 * customer's local time beside them where it matters.
 */
public record CaseView(String caseNumber, String journey, String region, String agentZone, CustomerCard customer,
    List<VehicleLine> vehicles, ReservationLine reservation, List<OpenTask> openTasks, List<CaseClock> clocks, List<TimelineLine> timeline) {

  /** The customer as the agent calls him: name, language, his local time now, how and when to reach him. */
  public record CustomerCard(Long id, String name, String language, String languageName, String timeZone,
      String localTimeNow, String phone, String email, String preferredChannel, boolean doNotCall,
      String callingWindow, String quietHours, String mayCallNow, String salesAdvisor) {}

  /** One of his vehicles; {@code ofThisCase} marks the one the case is about, when it names one. */
  public record VehicleLine(String vin, String plate, String model, int modelYear, String listPrice, boolean ofThisCase) {}

  /**
   * The reservation the case is about (a retention case; null for the other journeys): the reserved
   * car, the reservation's number, its status as a code and in words, the deposit paid.
   */
  public record ReservationLine(String number, String model, String status, String statusText, String deposit) {}

  /** An open task of the case and who holds it (or which groups it is offered to). */
  public record OpenTask(String id, String name, String taskKey, String assignee, String assigneeName,
      List<String> candidateGroups, Instant created, Instant due, String dueText, String timeLeft) {}

  /** A clock of the case: what is due, when, and how much time is left. */
  public record CaseClock(String label, Instant due, String dueText, String customerLocalDue, String timeLeft,
      boolean overdue) {}

  /** A timeline entry as a sentence. */
  public record TimelineLine(Instant at, String atText, String actor, String sentence, boolean internal) {}
}
