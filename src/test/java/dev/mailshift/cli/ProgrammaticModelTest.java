package dev.mailshift.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.mailshift.testsupport.Cli;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line declared with picocli's programmatic API: help texts exactly as they were when
 * picocli read them from annotations (src/test/resources/cli/help, captured from that version),
 * and nothing in the package that would make picocli read annotations again at start-up.
 */
class ProgrammaticModelTest {

  @ParameterizedTest
  @ValueSource(strings = {"mailshift", "validate", "plan", "apply", "status", "rollback", "sandbox", "help"})
  void help_ofEachCommand_isTheTextOfTheAnnotatedModel(String command) throws IOException {
    // given
    String expected = resource("/cli/help/" + command + ".txt");
    String[] args = switch (command) {
      case "mailshift" -> new String[] {"--help"};
      case "help" -> new String[] {"help", "help"};
      default -> new String[] {command, "--help"};
    };

    // when
    Cli.Run run = Cli.mailshift(Map.of(), args);

    // then
    assertThat(run.code()).as(run.all()).isZero();
    assertThat(run.out()).isEqualTo(expected);
  }

  @Test
  void help_withAnArgumentAfterTheCommandName_stillShowsThatCommand() throws IOException {
    Cli.Run run = Cli.mailshift(Map.of(), "help", "validate", "extra");

    assertThat(run.code()).as(run.all()).isZero();
    assertThat(run.out()).isEqualTo(resource("/cli/help/validate.txt"));
  }

  @Test
  void helpOption_beforeACommandName_listsEveryCommand() throws IOException {
    Cli.Run run = Cli.mailshift(Map.of(), "-h", "validate");

    assertThat(run.code()).as(run.all()).isZero();
    assertThat(run.out()).isEqualTo(resource("/cli/help/mailshift.txt"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--debug status no-such-plan.yaml", "status --debug no-such-plan.yaml",
      "--debug status --debug no-such-plan.yaml"})
  void debug_beforeOrAfterTheCommand_printsTheStackTrace(String args) {
    Cli.Run run = Cli.mailshift(Map.of(), args.split(" "));

    assertThat(run.code()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).contains("error: no-such-plan.yaml").contains("\tat dev.mailshift.");
  }

  @Test
  void debug_absent_printsNoStackTrace() {
    Cli.Run run = Cli.mailshift(Map.of(), "status", "no-such-plan.yaml");

    assertThat(run.code()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).contains("error: no-such-plan.yaml").doesNotContain("\tat ");
  }

  @Test
  void cliPackage_usesNoAnnotationModel() {
    noClasses().that().resideInAPackage("dev.mailshift.cli..")
        .should().dependOnClassesThat().haveNameMatching(
            "picocli\\.CommandLine\\$(Command|Option|Parameters|Mixin|ArgGroup|ParentCommand|Spec|Unmatched|HelpCommand)")
        .orShould().callMethod(CommandSpec.class, "forAnnotatedObject", Object.class)
        .orShould().callMethod(CommandSpec.class, "mixinStandardHelpOptions", boolean.class)
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mailshift.cli"));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ProgrammaticModelTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
