package com.drivecare.platform;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The login throttle ({@code drivecare.login.*}), see {@link LoginThrottle}.
 *
 * @param freeFailures      wrong passwords for a user from one client address before delays begin
 * @param delayBase         the first delay; each further wrong password multiplies it by {@code delayFactor}
 * @param delayFactor       how fast the delays grow
 * @param maxDelay          the longest a user name is refused to one client address after a wrong password
 * @param userFreeFailures  wrong passwords for a user from all addresses together before delays begin
 * @param userMaxDelay      the longest a user name is refused to every address after a wrong password: the
 *                          bound on how long strangers can keep the right password from working elsewhere
 * @param forgetAfter       a streak of wrong passwords is forgotten this long after its last one
 */
@Validated
@ConfigurationProperties("drivecare.login")
public record LoginProperties(
    @DefaultValue("3") @Min(0) int freeFailures,
    @DefaultValue("PT1S") Duration delayBase,
    @DefaultValue("2") @Min(1) int delayFactor,
    @DefaultValue("PT5M") Duration maxDelay,
    @DefaultValue("20") @Min(0) int userFreeFailures,
    @DefaultValue("PT10S") Duration userMaxDelay,
    @DefaultValue("PT1H") Duration forgetAfter) {}
