package com.drivecare.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What staff send to create a customer ({@code POST /api/customers}, or a CSV row with these columns). */
public record NewCustomer(
    @NotBlank @Size(max = 200) String name,
    @Email @Size(max = 254) String email,
    @Pattern(regexp = "^\\+[1-9][0-9]{6,14}$", message = "must be an E.164 number, e.g. +33612345678") String phone,
    @Size(max = 500) String address,
    @NotNull Channel preferredChannel,
    @NotNull @Pattern(regexp = "^(en|fr)$", message = "must be en or fr") String language,
    @Size(max = 64) String timeZone,
    @NotBlank @Size(max = 16) String region,
    Boolean doNotCall,
    @Size(max = 64) String salesAdvisor) {}
