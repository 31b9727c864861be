package com.drivecare.customer;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * What staff send to record a reservation. Without a number one is generated; the currency
 * defaults to the customer's region's; the status to ACTIVE.
 */
public record NewReservation(
    @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{2,31}$", message = "must be 3 to 32 capital letters, digits or dashes")
    String number,
    @NotNull Long customerId,
    @NotBlank @Size(max = 100) String model,
    @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal deposit,
    @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
    ReservationStatus status) {}
