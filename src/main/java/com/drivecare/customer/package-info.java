/**
 * Customers, vehicles, reservations, VIN validation, CSV import, access tokens; who may see which
 * vehicle ({@link com.drivecare.customer.Vehicle#visibleTo}).
 */
@ApplicationModule(displayName = "Customer", allowedDependencies = {"platform", "people"})
package com.drivecare.customer;

import org.springframework.modulith.ApplicationModule;
