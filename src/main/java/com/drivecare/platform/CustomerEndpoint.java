package com.drivecare.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Customers may call this endpoint (with their access token, or without one where the endpoint is
 * public). Every other endpoint of {@code /api} is a 403 to a customer ({@link CustomerAccess}); what a
 * customer then sees is his own only ({@link Caller#maySee}), anything else a 404.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CustomerEndpoint {}
