package fr.aed.station.token;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("fr.aed.station.token");

  @Test
  void smartcardioIsUsedOnlyInThePcscPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("fr.aed.station.token.pcsc..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javax.smartcardio..", "jnasmartcardio..")
        .check(classes);
  }

  @Test
  void theDriverDoesNotDependOnTheSimulator() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("fr.aed.station.simulator..")
        .check(classes);
  }

  @Test
  void jdkInternalsAreNeverUsed() {
    // SunPKCS11 is reached only through java.security; its internal wrapper needs --add-exports
    // and changes between JDK updates.
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("sun..", "jdk.internal..")
        .check(classes);
  }

  @Test
  void theJnaWrapperIsUsedOnlyInThePkcs11Package() {
    noClasses()
        .that()
        .resideOutsideOfPackage("fr.aed.station.token.pkcs11..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.sun.jna..", "ru.rutoken..")
        .check(classes);
  }

  @Test
  void theTransportKnowsNoBackend() {
    // pcsc/ moves bytes: the PIV and PKCS#11 backends sit on it, never the other way round.
    noClasses()
        .that()
        .resideInAPackage("fr.aed.station.token.pcsc..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("fr.aed.station.token.piv..", "fr.aed.station.token.pkcs11..")
        .check(classes);
  }

  @Test
  void theDriverHasNoPackageCycles() {
    slices().matching("fr.aed.station.token.(*)..").should().beFreeOfCycles().check(classes);
  }
}
