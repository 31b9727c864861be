/**
 * The contact log (timeline), notifications (templates, outbox, dispatcher, channels), consent and
 * quiet hours, the texts customers read.
 */
@ApplicationModule(displayName = "Contact", allowedDependencies = {"platform", "people", "customer"})
package com.drivecare.contact;

import org.springframework.modulith.ApplicationModule;
