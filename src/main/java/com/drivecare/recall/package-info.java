/**
 * Recall campaigns and each vehicle's remedy (processes {@code recall-campaign}, {@code recall-remedy}),
 * the service centres. A journey: it uses the shared modules, never another journey.
 */
@ApplicationModule(displayName = "Recall journey", allowedDependencies = {"platform", "people", "customer", "contact"})
package com.drivecare.recall;

import org.springframework.modulith.ApplicationModule;
