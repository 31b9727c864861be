package com.drivecare.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The customers' self-service page answers at the address notifications link to. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/self-service/").setViewName("forward:/self-service/index.html");
    registry.addRedirectViewController("/self-service", "/self-service/");
  }
}
