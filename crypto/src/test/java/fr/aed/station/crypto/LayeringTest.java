package fr.aed.station.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "fr.aed.station.crypto",
    importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule cryptoKnowsNoTokenDriver =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("fr.aed.station.token..", "javax.smartcardio..", "javafx..");
}
