package com.drivecare.retention;

import com.drivecare.contact.CaseCustomerResolver;
import com.drivecare.customer.Reservation;
import com.drivecare.customer.ReservationRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A retention case is about a reservation (the business key) and its customer. */
@Component
class RetentionCaseCustomer implements CaseCustomerResolver {

  private final ReservationRepository reservations;

  RetentionCaseCustomer(ReservationRepository reservations) {
    this.reservations = reservations;
  }

  @Override
  public boolean handles(String processDefinitionKey) {
    return RetentionProcess.KEY.equals(processDefinitionKey);
  }

  @Override
  public Optional<Long> customerOf(String businessKey) {
    return reservations.find(businessKey).map(Reservation::customerId);
  }

  @Override
  public Optional<String> reservationOf(String businessKey) {
    return reservations.find(businessKey).map(Reservation::number);
  }
}
