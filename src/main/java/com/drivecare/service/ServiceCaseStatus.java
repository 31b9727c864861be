package com.drivecare.service;

/** Where a service case stands: open until resolved, closed after the satisfaction call. */
public enum ServiceCaseStatus {
  OPEN, RESOLVED, CLOSED
}
