/**
 * Organisation: regions, groups, the staff directory, least-loaded assignment, Tasklist set-up.
 */
@ApplicationModule(displayName = "People", allowedDependencies = {"platform"})
package com.drivecare.people;

import org.springframework.modulith.ApplicationModule;
