package com.drivecare.people;

/**
 * A member of staff as the organisation knows him: his region (null for national roles) and his
 * manager. Name, e-mail and groups come from Camunda's identity service.
 */
public record Agent(String userId, String region, String managerId, String phone) {}
