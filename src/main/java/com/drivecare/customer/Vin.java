package com.drivecare.customer;

import java.util.Locale;
import java.util.Optional;

/**
 * Vehicle identification numbers (ISO 3779): 17 characters, letters and digits but never I, O or Q.
 * The check digit in position 9 (North American and Chinese rule, 49 CFR 565) is enforced where it
 * applies — vehicles made for North America (WMI 1–5) or China (L) — and not for makers elsewhere,
 * whose position 9 is free.
 */
public final class Vin {

  private static final String TRANSLITERATION = "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ";
  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  private Vin() {}

  /** Upper-cases and trims what a person typed. */
  public static String normalise(String vin) {
    return vin == null ? null : vin.trim().toUpperCase(Locale.ROOT);
  }

  /** Why {@code vin} is not a valid VIN, or empty when it is. Expects a normalised VIN. */
  public static Optional<String> problem(String vin) {
    if (vin == null || vin.isEmpty()) {
      return Optional.of("is required");
    }
    if (vin.length() != 17) {
      return Optional.of("must have 17 characters, has " + vin.length());
    }
    for (int i = 0; i < vin.length(); i++) {
      char c = vin.charAt(i);
      if (c == 'I' || c == 'O' || c == 'Q') {
        return Optional.of("must not contain I, O or Q (position " + (i + 1) + ")");
      }
      if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
        return Optional.of("may contain only letters and digits (position " + (i + 1) + ")");
      }
    }
    if (checkDigitApplies(vin)) {
      char expected = checkDigit(vin);
      if (vin.charAt(8) != expected) {
        return Optional.of("has a wrong check digit: position 9 should be " + expected + ", is " + vin.charAt(8));
      }
    }
    return Optional.empty();
  }

  public static boolean isValid(String vin) {
    return problem(normalise(vin)).isEmpty();
  }

  static boolean checkDigitApplies(String vin) {
    char region = vin.charAt(0);
    return (region >= '1' && region <= '5') || region == 'L';
  }

  /** The check digit of a 17-character VIN of valid characters: '0'–'9' or 'X'. */
  public static char checkDigit(String vin) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = vin.charAt(i);
      int value = Character.isDigit(c) ? c - '0' : TRANSLITERATION.indexOf(c) % 10;
      sum += value * WEIGHTS[i];
    }
    int remainder = sum % 11;
    return remainder == 10 ? 'X' : (char) ('0' + remainder);
  }
}
