package com.drivecare.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.drivecare.customer.Channel;
import com.drivecare.customer.Customer;
import com.drivecare.people.OrganisationRepository;
import com.drivecare.people.Region;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** May we call or message now, and if not, when next — in the customer's own time. */
class ConsentServiceTest {

  private final OrganisationRepository organisation = mock(OrganisationRepository.class);
  private ConsentService consent;

  @BeforeEach
  void setUp() {
    var window = new ContactProperties.Window(LocalTime.of(8, 0), LocalTime.of(21, 0));
    consent = new ConsentService(new ContactProperties(window, window), organisation);
    when(organisation.region("FR")).thenReturn(Optional.of(new Region("FR", "France", "FR", "Europe/Paris", "EUR", null, null)));
    when(organisation.region("NA")).thenReturn(Optional.of(new Region("NA", "US West", "US", "America/Los_Angeles", "USD", null, null)));
  }

  @Test
  void doNotCallCustomerIsNeverCalledButStillGetsWrittenMessages() {
    Customer customer = customer("Europe/Paris", "FR", true, Channel.CALL);
    Instant noonInParis = Instant.parse("2026-11-23T11:00:00Z");
    ContactDecision call = consent.mayCall(customer, noonInParis);
    assertThat(call.allowed()).isFalse();
    assertThat(call.nextAllowedAt()).isNull();
    assertThat(call.reason()).isEqualTo(ContactDecision.DO_NOT_CALL);
    assertThat(consent.mayMessage(customer, Channel.EMAIL, noonInParis).allowed()).isTrue();
    assertThat(consent.messageChannel(customer)).contains(Channel.EMAIL);
  }

  @Test
  void customerAtHalfPastTenInTheEveningIsCalledNextMorningAtEight() {
    Customer customer = customer("Europe/Paris", "FR", false, Channel.CALL);
    Instant halfPastTenInParis = Instant.parse("2026-11-23T21:30:00Z"); // 22:30 CET
    ContactDecision call = consent.mayCall(customer, halfPastTenInParis);
    assertThat(call.allowed()).isFalse();
    assertThat(call.reason()).isEqualTo(ContactDecision.QUIET_HOURS);
    assertThat(call.nextAllowedAt()).isEqualTo(Instant.parse("2026-11-24T07:00:00Z")); // 08:00 CET
    assertThat(consent.mayMessage(customer, Channel.SMS, halfPastTenInParis).nextAllowedAt())
        .isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
    assertThat(consent.mayMessage(customer, Channel.EMAIL, halfPastTenInParis).allowed()).isTrue();
  }

  @Test
  void sameMomentIsCallableInParisButNotInLosAngeles() {
    Instant moment = Instant.parse("2026-11-23T09:00:00Z"); // 10:00 in Paris, 01:00 in Los Angeles
    Customer paris = customer("Europe/Paris", "FR", false, Channel.CALL);
    Customer losAngeles = customer("America/Los_Angeles", "NA", false, Channel.CALL);
    assertThat(consent.mayCall(paris, moment).allowed()).isTrue();
    ContactDecision la = consent.mayCall(losAngeles, moment);
    assertThat(la.allowed()).isFalse();
    assertThat(la.nextAllowedAt()).isEqualTo(Instant.parse("2026-11-23T16:00:00Z")); // 08:00 PST the same day
  }

  @Test
  void regionsOwnCallingWindowWins() {
    when(organisation.region("FR")).thenReturn(Optional.of(
        new Region("FR", "France", "FR", "Europe/Paris", "EUR", LocalTime.of(9, 0), LocalTime.of(19, 0))));
    Customer customer = customer("Europe/Paris", "FR", false, Channel.CALL);
    Instant halfPastEightInParis = Instant.parse("2026-11-23T07:30:00Z");
    assertThat(consent.mayCall(customer, halfPastEightInParis).nextAllowedAt()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
    assertThat(consent.nextCallSlot(customer, Instant.parse("2026-11-23T18:30:00Z"))) // 19:30 local
        .isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
  }

  @Test
  void customerWithoutPhoneCannotBeCalledAndPreferredChannelFallsBack() {
    Customer noPhone = new Customer(1, "Ann", "ann@example.com", null, null, Channel.SMS, "en", "Europe/Paris", "FR",
        false, null, Instant.EPOCH);
    assertThat(consent.mayCall(noPhone, Instant.parse("2026-11-23T11:00:00Z")).reason())
        .isEqualTo(ContactDecision.NO_CONTACT_DATA);
    assertThat(consent.messageChannel(noPhone)).contains(Channel.EMAIL);
  }

  private static Customer customer(String zone, String region, boolean doNotCall, Channel preferred) {
    return new Customer(1, "Jean Dupont", "jean@example.com", "+33612345678", null, preferred, "fr", zone, region,
        doNotCall, null, Instant.EPOCH);
  }
}
