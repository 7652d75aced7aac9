package fr.aed.station.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of style.md, checked on the application and on the modules it sees. */
@AnalyzeClasses(packages = "fr.aed.station", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule javafxOnlyInTheGuiPackage =
      noClasses()
          .that()
          .resideOutsideOfPackage("fr.aed.station.app.gui..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "atlantafx..");

  @ArchTest
  static final ArchRule smartcardioOnlyInTheTokenDriverAndTheCard =
      noClasses()
          .that()
          .resideOutsideOfPackages("fr.aed.station.token..", "fr.aed.station.simulator..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javax.smartcardio..", "jnasmartcardio..");

  @ArchTest
  static final ArchRule cryptoIndependentOfTheTokenDriver =
      noClasses()
          .that()
          .resideInAPackage("fr.aed.station.crypto..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("fr.aed.station.token..", "fr.aed.station.app..");

  @ArchTest
  static final ArchRule modulesDoNotReachIntoTheApplication =
      noClasses()
          .that()
          .resideInAnyPackage("fr.aed.station.token..", "fr.aed.station.simulator..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("fr.aed.station.app..");

  @ArchTest
  static final ArchRule domainKnowsNoInfrastructure =
      noClasses()
          .that()
          .resideInAPackage("fr.aed.station.app.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "fr.aed.station.app.store..",
              "fr.aed.station.app.cli..",
              "fr.aed.station.app.gui..",
              "java.sql..",
              "picocli..",
              "org.apache.pdfbox..");

  // One meeting use case: the window, the command line and the batch hold meetings through the
  // meeting desk, which alone assembles the enrollment service.
  @ArchTest
  static final ArchRule meetingsAreAssembledInOnePlace =
      noClasses()
          .that()
          .resideOutsideOfPackage("fr.aed.station.app.enrollment..")
          .should()
          .callConstructor(
              fr.aed.station.app.enrollment.EnrollmentService.class,
              fr.aed.station.app.store.InterventionStore.class,
              fr.aed.station.app.sheet.SheetRenderer.class,
              java.time.Clock.class,
              fr.aed.station.app.officer.OfficerCredential.class,
              java.util.Optional.class)
          .orShould()
          .callConstructor(
              fr.aed.station.app.enrollment.EnrollmentService.class,
              fr.aed.station.app.store.InterventionStore.class,
              fr.aed.station.app.sheet.SheetRenderer.class,
              java.time.Clock.class,
              fr.aed.station.app.officer.OfficerCredential.class)
          .orShould()
          .callConstructor(
              fr.aed.station.app.enrollment.EnrollmentService.class,
              fr.aed.station.app.store.InterventionStore.class,
              fr.aed.station.app.sheet.SheetRenderer.class,
              java.time.Clock.class)
          .orShould()
          .callMethod(
              fr.aed.station.app.enrollment.EnrollmentService.class,
              "untilSheet",
              fr.aed.station.app.store.InterventionStore.class,
              fr.aed.station.app.sheet.SheetRenderer.class,
              java.time.Clock.class,
              fr.aed.station.app.officer.OfficerCredential.class);

  @ArchTest
  static final ArchRule applicationPackagesHaveNoCycles =
      slices().matching("fr.aed.station.app.(*)..").should().beFreeOfCycles();
}
