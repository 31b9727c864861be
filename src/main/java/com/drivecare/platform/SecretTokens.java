package com.drivecare.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets handed to customers in links (access tokens, survey tokens): random, URL-safe, and kept
 * in the database only as their SHA-256. High-entropy tokens need no slow hash.
 */
public final class SecretTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretTokens() {}

  /** {@code prefix} followed by {@code bytes} random bytes, base64url without padding. */
  public static String newToken(String prefix, int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** The SHA-256 of the token, hex: what is stored and looked up. */
  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
