package com.drivecare.platform;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's JSON is read as written. Jackson's own switches in {@code application.yaml} refuse
 * numbers for enums, fractions for integers, strings for numbers and booleans, and a date-time for a
 * date ({@code default-leniency: false}); the coercion configuration here refuses numbers and
 * booleans where text is expected, which no {@code spring.jackson.*} key reaches.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictCoercion() {
    return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
