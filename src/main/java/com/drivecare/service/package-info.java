/**
 * Service cases with SLAs and premium care (process {@code service-case}). A journey: it uses the
 * shared modules, never another journey.
 */
@ApplicationModule(displayName = "Service journey", allowedDependencies = {"platform", "people", "customer", "contact"})
package com.drivecare.service;

import org.springframework.modulith.ApplicationModule;
