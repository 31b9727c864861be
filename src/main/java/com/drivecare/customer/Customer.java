package com.drivecare.customer;

import java.time.Instant;
import java.util.Locale;

/** A customer of the brand, with how and when he wants to be reached. */
public record Customer(long id, String name, String email, String phone, String address,
    Channel preferredChannel, String language, String timeZone, String region, boolean doNotCall,
    String salesAdvisor, Instant createdAt) {

  public Locale locale() {
    return Locale.forLanguageTag(language);
  }
}
