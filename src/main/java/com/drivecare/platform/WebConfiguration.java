package com.drivecare.platform;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The customers' self-service page answers at the address notifications link to; Tomcat's own
 * refusals come as problem+json ({@link ProblemErrorReportValve} in place of its HTML error report);
 * customers call only the endpoints open to them ({@link CustomerAccess}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final ProblemSecurityHandlers problems;

  WebConfiguration(ProblemSecurityHandlers problems) {
    this.problems = problems;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new CustomerAccess(problems)).addPathPatterns("/api/**");
  }

  /** Runs after Spring Boot's customizer, which adds a plain {@code ErrorReportValve} to the host. */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
    return factory -> factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        for (Valve valve : host.getPipeline().getValves()) {
          if (valve instanceof ErrorReportValve) {
            host.getPipeline().removeValve(valve);
          }
        }
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        host.getPipeline().addValve(new ProblemErrorReportValve());
      }
    });
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/self-service/").setViewName("forward:/self-service/index.html");
    registry.addRedirectViewController("/self-service", "/self-service/");
  }
}
