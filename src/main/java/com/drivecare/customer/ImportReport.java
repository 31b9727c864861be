package com.drivecare.customer;

import java.util.List;

/**
 * What a CSV import did: how many rows went in (and their ids), how many were refused, and the
 * first refused rows with their line and reason ({@code drivecare.imports.reported-lines} at most, so a
 * huge file gets a small answer; the counts are always whole).
 */
public record ImportReport(int accepted, int rejectedCount, List<Object> created, List<Rejected> rejected) {

  public record Rejected(long line, String reason) {}
}
