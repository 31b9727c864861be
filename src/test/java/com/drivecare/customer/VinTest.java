package com.drivecare.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VinTest {

  @Test
  void acceptsNorthAmericanVinWithRightCheckDigit() {
    assertThat(Vin.problem("1M8GDM9AXKP042788")).isEmpty(); // check digit X
    assertThat(Vin.problem("1DCAR5EV1RA000101")).isEmpty();
    assertThat(Vin.checkDigit("11111111111111111")).isEqualTo('1');
  }

  @Test
  void refusesNorthAmericanVinWithWrongCheckDigit() {
    assertThat(Vin.problem("1M8GDM9A1KP042788")).hasValueSatisfying(p ->
        assertThat(p).contains("check digit").contains("should be X"));
  }

  @Test
  void europeanVinNeedsNoCheckDigit() {
    assertThat(Vin.problem("WDCAR9GT5SB000311")).isEmpty();
    assertThat(Vin.problem("WDCAR9GTZSB000311")).isEmpty();
  }

  @Test
  void refusesWrongLengthAndForbiddenLetters() {
    assertThat(Vin.problem("WDCAR9GT5SB00031")).hasValueSatisfying(p -> assertThat(p).contains("17 characters"));
    assertThat(Vin.problem("WDCAR9GT5SB0003I1")).hasValueSatisfying(p -> assertThat(p).contains("I, O or Q"));
    assertThat(Vin.problem("WDCAR9GT5SB0003-1")).hasValueSatisfying(p -> assertThat(p).contains("letters and digits"));
    assertThat(Vin.problem("")).hasValue("is required");
  }

  @Test
  void normalisesWhatPeopleType() {
    assertThat(Vin.normalise(" 1m8gdm9axkp042788 ")).isEqualTo("1M8GDM9AXKP042788");
    assertThat(Vin.isValid(" 1m8gdm9axkp042788 ")).isTrue();
  }
}
