package com.drivecare.people;

/** What a customer or a colleague needs to know of a member of staff: who and how to reach him. */
public record StaffMember(String userId, String name, String email, String phone, String region) {}
