package dev.mailshift.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package dependencies pointing one way (STYLE.md "Package layout"). */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.mailshift");
  }

  @Test
  void nothing_dependsOnCli() {
    noClasses().that().resideOutsideOfPackage("dev.mailshift.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.mailshift.cli..")
        .check(classes);
  }

  @Test
  void plan_dependsOnNoOtherMailshiftPackage() {
    noClasses().that().resideInAPackage("dev.mailshift.plan..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.mailshift.api..", "dev.mailshift.apply..", "dev.mailshift.sync..", "dev.mailshift.imap..",
            "dev.mailshift.state..", "dev.mailshift.planner..", "dev.mailshift.change..", "dev.mailshift.dns..",
            "dev.mailshift.report..", "dev.mailshift.observe..", "dev.mailshift.sandbox..")
        .check(classes);
  }

  @Test
  void plan_isFreeOfTheDnsLibrary() {
    noClasses().that().resideInAPackage("dev.mailshift.plan..")
        .should().dependOnClassesThat().resideInAPackage("org.xbill..")
        .check(classes);
  }

  @Test
  void sync_knowsNothingOfPlansPhasesOrDns() {
    noClasses().that().resideInAPackage("dev.mailshift.sync..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.mailshift.planner..", "dev.mailshift.change..", "dev.mailshift.apply..", "dev.mailshift.dns..",
            "dev.mailshift.api..")
        .check(classes);
  }

  @Test
  void pureLayers_doNoIo() {
    noClasses().that().resideInAnyPackage("dev.mailshift.planner..", "dev.mailshift.change..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "jakarta.mail..", "org.eclipse.angus..", "java.net..", "java.sql..", "org.xbill..")
        .check(classes);
  }

  @Test
  void apiAndCore_neverExitTheProcess() {
    noClasses().that().resideOutsideOfPackage("dev.mailshift.cli..")
        .should().callMethod(System.class, "exit", int.class)
        .check(classes);
  }

  @Test
  void onlyCliAndSandbox_print() {
    noClasses().that().resideOutsideOfPackages("dev.mailshift.cli..")
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .check(classes);
  }

  @Test
  void sandbox_isNotReachableFromProductionPaths() {
    noClasses().that().resideOutsideOfPackages("dev.mailshift.cli..", "dev.mailshift.sandbox..")
        .should().dependOnClassesThat().resideInAPackage("dev.mailshift.sandbox..")
        .check(classes);
  }

  @Test
  void nobody_usesTheGlobalMailSession() {
    noClasses().should().callMethod(jakarta.mail.Session.class, "getDefaultInstance", java.util.Properties.class)
        .orShould().callMethod(jakarta.mail.Session.class, "getDefaultInstance", java.util.Properties.class,
            jakarta.mail.Authenticator.class)
        .check(classes);
  }
}
