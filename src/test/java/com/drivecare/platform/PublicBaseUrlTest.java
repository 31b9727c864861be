package com.drivecare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where links point: the configured public address, else the address and port the server listens on. */
class PublicBaseUrlTest {

  @Test
  void aConfiguredPublicBaseUrlWins() {
    assertThat(new PublicBaseUrl("https://care.example.com/", "", false, 8080).get()).isEqualTo("https://care.example.com");
  }

  @Test
  void withoutOneTheListeningAddressAndPortAreUsed() {
    assertThat(new PublicBaseUrl("", "10.1.2.3", true, 8443).get()).isEqualTo("https://10.1.2.3:8443");
    assertThat(new PublicBaseUrl("", "0.0.0.0", false, 9000).get()).isEqualTo("http://localhost:9000");
    assertThat(new PublicBaseUrl(null, null, false, 8120).get()).isEqualTo("http://localhost:8120");
  }
}
