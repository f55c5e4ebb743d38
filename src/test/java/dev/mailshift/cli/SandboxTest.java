package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.testsupport.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code mailshift sandbox}: plan, apply and a second plan on two
 * in-process servers, end to end through the command line.
 */
class SandboxTest {
  @TempDir Path dir;

  @Test
  void sandbox_freshDir_migratesEverythingAndTheSecondPlanHasNothingLeft() throws Exception {
    // when
    Cli.Run run = Cli.mailshift(Map.of(), "sandbox", "--dir", dir.toString());

    // then
    assertThat(run.code()).as(run.all()).isZero();
    String[] parts = run.out().split("\\$ mailshift ", -1);
    assertThat(parts).as(run.out()).hasSize(4);
    String plan = parts[1];
    String apply = parts[2];
    String again = parts[3];
    assertThat(plan)
        .contains("Gesendete Objekte  -> Sent  (special-use \\Sent by its name (de))")
        .contains("Projects.2024      -> Projects 2024  (rename rule 1 (^Projects/(.*)$) at ")
        .contains("Kalender              not migrated: holds no mail")
        .contains("Trash                 not migrated: excluded by exclude pattern ^Trash$")
        .contains("47 message(s) to copy");
    assertThat(apply).contains("0 failed").contains("47 message(s) copied");
    assertThat(again).contains("0 message(s) to copy").doesNotContain("+ create");
    assertThat(dir.resolve("sandbox.yaml")).exists();
    assertThat(Files.size(dir.resolve(".mailshift/state.db"))).isPositive();
  }
}
