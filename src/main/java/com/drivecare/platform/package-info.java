/**
 * Platform: security, errors as problem+json, the engine clock, the task guard. It depends on no
 * domain or journey module; the modules plug into it through its interfaces ({@link
 * com.drivecare.platform.CustomerTokens}, {@link com.drivecare.platform.StaffDirectory}, {@link
 * com.drivecare.platform.ApiAccessRules}).
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {})
package com.drivecare.platform;

import org.springframework.modulith.ApplicationModule;
