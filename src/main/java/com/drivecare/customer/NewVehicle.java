package com.drivecare.customer;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** What staff send to register a vehicle. The region defaults to the owner's. */
public record NewVehicle(
    @NotBlank String vin,
    @Pattern(regexp = "^[A-Z0-9][A-Z0-9 -]{0,14}$", message = "must be 1 to 15 capital letters, digits, spaces or dashes")
    String plate,
    @NotBlank @Size(max = 100) String model,
    @NotNull @Min(1950) @Max(2100) Integer modelYear,
    @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal listPrice,
    Long ownerId,
    @Size(max = 16) String region) {}
