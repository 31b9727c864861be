package com.drivecare.contact;

import com.drivecare.customer.Channel;
import com.drivecare.customer.Customer;
import com.drivecare.people.OrganisationRepository;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * "May we call or message this customer now, and if not, when next?" — from his do-not-call flag,
 * his contact data, his time zone and the calling window (the region's, or the default
 * 08:00–21:00). Every ladder and reminder asks here before it schedules a call or an SMS.
 */
@Service
public class ConsentService {

  private static final List<Channel> MESSAGE_FALLBACK = List.of(Channel.EMAIL, Channel.SMS, Channel.LETTER);

  private final ContactProperties properties;
  private final OrganisationRepository organisation;

  public ConsentService(ContactProperties properties, OrganisationRepository organisation) {
    this.properties = properties;
    this.organisation = organisation;
  }

  /** Whether a phone call to the customer may be made at {@code at}. */
  public ContactDecision mayCall(Customer customer, Instant at) {
    if (customer.doNotCall()) {
      return ContactDecision.never(ContactDecision.DO_NOT_CALL);
    }
    if (customer.phone() == null) {
      return ContactDecision.never(ContactDecision.NO_CONTACT_DATA);
    }
    return inWindow(callingWindow(customer), customer, at);
  }

  /**
   * Whether a message on {@code channel} may be sent at {@code at}. E-mail and letters may go any
   * time; an SMS waits for the messaging window. Do-not-call does not stop written messages.
   */
  public ContactDecision mayMessage(Customer customer, Channel channel, Instant at) {
    if (address(customer, channel).isEmpty()) {
      return ContactDecision.never(ContactDecision.NO_CONTACT_DATA);
    }
    return switch (channel) {
      case SMS -> inWindow(properties.messagingWindow(), customer, at);
      case CALL -> mayCall(customer, at);
      case EMAIL, LETTER -> ContactDecision.now(ContactDecision.ANY_TIME, at);
      case WEB -> ContactDecision.never(ContactDecision.NO_CONTACT_DATA);
    };
  }

  /** The earliest moment at or after {@code at} inside the customer's calling window (ignores do-not-call). */
  public Instant nextCallSlot(Customer customer, Instant at) {
    return nextInWindow(callingWindow(customer), zone(customer), at);
  }

  /**
   * The channel to write to the customer on: his preferred one when it is a written channel he has
   * data for, otherwise e-mail, SMS, letter — the first he can be reached on.
   */
  public Optional<Channel> messageChannel(Customer customer) {
    if (customer.preferredChannel() != Channel.CALL && address(customer, customer.preferredChannel()).isPresent()) {
      return Optional.of(customer.preferredChannel());
    }
    return MESSAGE_FALLBACK.stream().filter(c -> address(customer, c).isPresent()).findFirst();
  }

  /** Where a message on {@code channel} goes: e-mail address, phone number or postal address. */
  public static Optional<String> address(Customer customer, Channel channel) {
    String value = switch (channel) {
      case EMAIL -> customer.email();
      case SMS, CALL -> customer.phone();
      case LETTER -> customer.address();
      case WEB -> null;
    };
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }

  /** The calling window that applies to the customer: his region's, or the default. */
  public ContactProperties.Window callingWindow(Customer customer) {
    return organisation.region(customer.region())
        .filter(r -> r.callingWindowStart() != null && r.callingWindowEnd() != null)
        .map(r -> new ContactProperties.Window(r.callingWindowStart(), r.callingWindowEnd()))
        .orElse(properties.callingWindow());
  }

  private ContactDecision inWindow(ContactProperties.Window window, Customer customer, Instant at) {
    Instant next = nextInWindow(window, zone(customer), at);
    return next.equals(at) ? ContactDecision.now(ContactDecision.WITHIN_WINDOW, at) : ContactDecision.later(next);
  }

  static Instant nextInWindow(ContactProperties.Window window, ZoneId zone, Instant at) {
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    if (window.contains(time)) {
      return at;
    }
    ZonedDateTime day = time.isBefore(window.start()) ? local : local.plusDays(1);
    return day.toLocalDate().atTime(window.start()).atZone(zone).toInstant();
  }

  private static ZoneId zone(Customer customer) {
    return ZoneId.of(customer.timeZone());
  }

}
