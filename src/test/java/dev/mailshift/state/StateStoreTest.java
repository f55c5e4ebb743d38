package dev.mailshift.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void open_missingParentDirectories_createsThemAndMigratesToLatest() {
    // given
    Path file = dir.resolve("a/b/state.db");

    // when
    try (StateStore store = StateStore.open(file, CLOCK)) {
      // then
      assertThat(file).exists();
      assertThat(store.schemaVersion()).isEqualTo(Migrations.latest());
    }
  }

  @Test
  void open_existingFile_keepsDataAndDoesNotMigrateAgain() throws Exception {
    // given
    Path file = dir.resolve("state.db");
    try (StateStore store = StateStore.open(file, CLOCK)) {
      store.journal().startRun("p", "sha", "bulk", "apply");
    }

    // when
    try (StateStore store = StateStore.open(file, CLOCK)) {
      // then
      assertThat(store.journal().runs(10)).hasSize(1);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(Migrations.ALL.size());
    }
  }

  @Test
  void open_fileOfNewerSchema_refusedNamingBothVersions() throws Exception {
    // given
    Path file = dir.resolve("state.db");
    StateStore.open(file, CLOCK).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO schema_version VALUES (99, 'future', 'x')");
    }

    // when / then
    assertThatThrownBy(() -> StateStore.open(file, CLOCK))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("only up to " + Migrations.latest());
  }

  @Test
  void lock_heldInThisJvm_secondRefusedNamingHolder() {
    try (StateStore store = StateStore.open(dir.resolve("state.db"), CLOCK);
        RunLock first = store.lock("apply --phase bulk")) {
      assertThatThrownBy(() -> store.lock("apply --phase cutover"))
          .isInstanceOf(StateLockedException.class)
          .hasMessageContaining("apply --phase bulk")
          .hasMessageContaining("pid " + ProcessHandle.current().pid())
          .satisfies(e -> assertThat(((StateLockedException) e).holder()).contains(first.holder()));
    }
  }

  @Test
  void lock_releasedByClose_canBeTakenAgain() {
    try (StateStore store = StateStore.open(dir.resolve("state.db"), CLOCK)) {
      store.lock("apply").close();

      try (RunLock again = store.lock("apply again")) {
        assertThat(again.holder().command()).isEqualTo("apply again");
      }
    }
  }

  @Test
  void lock_holderProcessKilled_releasedAndItsRunMarkedInterrupted() throws Exception {
    // given: another JVM holds the lock and has a RUNNING run
    Path file = dir.resolve("state.db");
    StateStore.open(file, CLOCK).close();
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), LockHoldingProcess.class.getName(),
        file.toString()).redirectErrorStream(true).start();
    try (StateStore store = StateStore.open(file, CLOCK)) {
      String line = firstLineStartingWith(child, "locked");
      assertThatThrownBy(() -> store.lock("apply"))
          .isInstanceOf(StateLockedException.class)
          .hasMessageContaining("pid " + child.pid())
          .hasMessageContaining("apply --phase bulk");

      // when: SIGKILL
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

      // then
      try (RunLock lock = store.lock("apply")) {
        List<RunRecord> runs = store.journal().runs(5);
        assertThat(line).startsWith("locked ");
        assertThat(runs).singleElement().extracting(RunRecord::outcome)
            .isEqualTo(RunOutcome.INTERRUPTED);
      }
    } finally {
      child.destroyForcibly();
    }
  }

  private static String firstLineStartingWith(Process p, String prefix) throws Exception {
    BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new AssertionError("child process ended without saying '" + prefix + "'");
  }

  @Test
  void journal_stepsOfTwoRuns_latestByStepGivesNewestOutcome() {
    try (StateStore store = StateStore.open(dir.resolve("state.db"), CLOCK)) {
      // given
      RunJournal j = store.journal();
      long run1 = j.startRun("plan", "sha1", "bulk", "apply");
      long a1 = j.journalStart(run1, "sync:alice", "SYNC", "sync alice", null);
      j.journalFinish(a1, StepStatus.FAILED, "{\"error\":\"x\"}");
      j.finishRun(run1, RunOutcome.FAILED, "1 failed");
      long run2 = j.startRun("plan", "sha1", "bulk", "apply");
      long a2 = j.journalStart(run2, "sync:alice", "SYNC", "sync alice", "{\"undo\":1}");
      j.journalFinish(a2, StepStatus.SUCCEEDED, null);
      j.journalStart(run2, "validate:alice", "VALIDATE", "validate alice", null);

      // when
      var latest = j.latestByStep();

      // then
      assertThat(latest.keySet()).containsExactly("sync:alice", "validate:alice");
      assertThat(latest.get("sync:alice").status()).isEqualTo(StepStatus.SUCCEEDED);
      assertThat(latest.get("sync:alice").rollbackJson()).contains("{\"undo\":1}");
      assertThat(latest.get("validate:alice").status()).isEqualTo(StepStatus.STARTED);
      assertThat(j.journal(run1)).singleElement().satisfies(e -> {
        assertThat(e.detailJson()).contains("{\"error\":\"x\"}");
        assertThat(e.finishedAt()).contains(CLOCK.instant());
      });
      assertThat(j.runs(10)).extracting(RunRecord::runId).containsExactly(run2, run1);
    }
  }

  @Test
  void lock_afterRunLeftRunning_marksItAndItsStartedStepInterrupted() {
    try (StateStore store = StateStore.open(dir.resolve("state.db"), CLOCK)) {
      // given: a run that never finished (its process was killed)
      long run = store.journal().startRun("plan", "sha", "bulk", "apply");
      long entry = store.journal().journalStart(run, "sync:bob", "SYNC", "sync bob", null);

      // when
      store.lock("apply").close();

      // then
      assertThat(store.journal().runs(1)).singleElement().satisfies(r -> {
        assertThat(r.outcome()).isEqualTo(RunOutcome.INTERRUPTED);
        assertThat(r.finishedAt()).isPresent();
      });
      assertThat(store.journal().journal(run)).singleElement().satisfies(e -> {
        assertThat(e.entryId()).isEqualTo(entry);
        assertThat(e.status()).isEqualTo(StepStatus.FAILED);
      });
    }
  }
}
