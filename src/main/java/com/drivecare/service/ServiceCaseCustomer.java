package com.drivecare.service;

import com.drivecare.contact.CaseCustomerResolver;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A service case is about the customer its case record names (the business key is the case number). */
@Component
class ServiceCaseCustomer implements CaseCustomerResolver {

  private final ServiceCaseRepository cases;

  ServiceCaseCustomer(ServiceCaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public boolean handles(String processDefinitionKey) {
    return ServiceCaseProcess.KEY.equals(processDefinitionKey);
  }

  @Override
  public Optional<Long> customerOf(String businessKey) {
    return cases.find(businessKey).map(ServiceCaseRepository.ServiceCase::customerId);
  }
}
