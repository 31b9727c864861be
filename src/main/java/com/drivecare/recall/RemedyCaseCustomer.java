package com.drivecare.recall;

import com.drivecare.contact.CaseCustomerResolver;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A vehicle's recall journey ({@code <campaignId>:<VIN>}) is about the vehicle's recorded owner. */
@Component
class RemedyCaseCustomer implements CaseCustomerResolver {

  private final RecallRepository recalls;

  RemedyCaseCustomer(RecallRepository recalls) {
    this.recalls = recalls;
  }

  @Override
  public boolean handles(String processDefinitionKey) {
    return RecallProcess.REMEDY_KEY.equals(processDefinitionKey);
  }

  @Override
  public Optional<Long> customerOf(String businessKey) {
    int colon = businessKey.lastIndexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return recalls.target(businessKey.substring(0, colon), businessKey.substring(colon + 1))
        .map(RecallRepository.Target::ownerId);
  }
}
