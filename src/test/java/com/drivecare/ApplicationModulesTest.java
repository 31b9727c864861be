package com.drivecare;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The packages under {@code com.drivecare} are modules (Spring Modulith): no cycle between them, and
 * each uses only the modules its {@code package-info.java} allows — the platform none, a journey the
 * shared modules but never another journey. No Spring context: it reads the compiled classes.
 */
class ApplicationModulesTest {

  private static final ApplicationModules MODULES = ApplicationModules.of(DrivecareApplication.class);

  @Test
  void modulesKeepTheirDeclaredDependenciesAndFormNoCycle() {
    MODULES.verify();
  }

  /** The module diagram (PlantUML/C4) and one canvas per module, under target/spring-modulith-docs. */
  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES).writeDocumentation();
  }
}
