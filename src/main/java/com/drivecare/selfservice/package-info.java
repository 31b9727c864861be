/**
 * The customers' self-service page: what it needs before it shows anything. It sits on top: no
 * module depends on it.
 */
@ApplicationModule(displayName = "Self-service", allowedDependencies = {"platform", "customer", "contact"})
package com.drivecare.selfservice;

import org.springframework.modulith.ApplicationModule;
