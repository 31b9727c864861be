package com.drivecare.customer;

import java.util.List;

/** What a CSV import did: how many rows went in (and their ids), and each refused row with its reason. */
public record ImportReport(int accepted, int rejectedCount, List<Object> created, List<Rejected> rejected) {

  public record Rejected(long line, String reason) {}
}
