/**
 * The reservation retention ladder (process {@code reservation-retention}). A journey: it uses the
 * shared modules, never another journey.
 */
@ApplicationModule(displayName = "Retention journey", allowedDependencies = {"platform", "people", "customer", "contact"})
package com.drivecare.retention;

import org.springframework.modulith.ApplicationModule;
