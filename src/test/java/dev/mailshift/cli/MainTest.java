package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.testsupport.Cli;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The command tree as a user meets it: help and version on every command, the full command list
 * where no command is named, and usage errors that point at the right help.
 */
class MainTest {
  private static final List<String> COMMANDS =
      List.of("validate", "plan", "apply", "status", "rollback", "sandbox");

  @ParameterizedTest
  @ValueSource(strings = {"validate", "plan", "apply", "status", "rollback", "sandbox"})
  void help_onEveryCommand_exits0WithItsUsage(String command) {
    // when
    Cli.Run run = Cli.mailshift(Map.of(), command, "--help");

    // then
    assertThat(run.code()).as(run.all()).isZero();
    assertThat(run.out()).startsWith("Usage: mailshift " + command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "help"})
  void help_withoutACommand_listsEveryCommand(String arg) {
    Cli.Run run = Cli.mailshift(Map.of(), arg);

    assertThat(run.code()).as(run.all()).isZero();
    assertThat(run.out()).contains(COMMANDS).contains("Exit codes:");
  }

  @Test
  void help_ofOneCommand_showsThatCommandsUsage() {
    Cli.Run run = Cli.mailshift(Map.of(), "help", "rollback");

    assertThat(run.code()).as(run.all()).isZero();
    assertThat(run.out()).startsWith("Usage: mailshift rollback");
  }

  @Test
  void version_onACommand_exits0() {
    Cli.Run run = Cli.mailshift(Map.of(), "status", "--version");

    assertThat(run.code()).as(run.all()).isZero();
    assertThat(run.out()).startsWith("mailshift ");
  }

  @Test
  void unknownCommand_exits2PointingAtTheTopLevelHelp() {
    Cli.Run run = Cli.mailshift(Map.of(), "bogus");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("'bogus'").contains("run `mailshift --help`");
  }

  @Test
  void missingPlan_exits2PointingAtTheCommandsHelp() {
    Cli.Run run = Cli.mailshift(Map.of(), "apply");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("PLAN").contains("run `mailshift apply --help`");
  }
}
