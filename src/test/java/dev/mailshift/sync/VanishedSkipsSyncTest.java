package dev.mailshift.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.state.SkipRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A message left out and then expunged on the source is gone, not "not copied": the next sync
 * drops its skip record, plan stops listing it at once, and a kill anywhere in that sync followed
 * by a re-run ends the same. Skips of messages still on the source stay.
 */
class VanishedSkipsSyncTest {
  private static final SyncOptions MAX_SIZE_300 =
      new SyncOptions(OptionalLong.of(300), true, false, 100, 5);

  @TempDir Path dir;

  private Path caseDir(String label) {
    try {
      return Files.createTempDirectory(dir, label + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Synced once: uid 1 copied, uids 2 and 3 left out as too large; then uid 2 expunged. */
  private static void twoSkippedOneExpunged(SyncFixture f, boolean condstore) {
    f.source.condstore(condstore);
    f.options = MAX_SIZE_300;
    f.deliver("ok@x", Set.of(), 1);
    f.source.deliver("INBOX", Mail.message("big@x", "big", "x".repeat(400)), Set.of(),
        Mail.date(2));
    f.source.deliver("INBOX", Mail.message("huge@x", "huge", "x".repeat(500)), Set.of(),
        Mail.date(3));
    f.sync();
    assertThat(skippedUids(f)).as("both recorded by the first sync").containsExactly(2L, 3L);
    f.source.expunge("INBOX", 2);
    f.deliver("later@x", Set.of(), 4);
  }

  private static List<Long> skippedUids(SyncFixture f) {
    return f.store().skipped(SyncFixture.ACCOUNT, "INBOX").stream().map(SkipRecord::sourceUid)
        .toList();
  }

  @ParameterizedTest(name = "condstore {0}")
  @ValueSource(booleans = {false, true})
  void sync_skippedMessageExpungedOnTheSource_dropsItsRecordKeepsTheOthers(boolean condstore) {
    try (SyncFixture f = new SyncFixture(caseDir("sync-" + condstore))) {
      // given
      twoSkippedOneExpunged(f, condstore);

      // when
      FolderSyncResult result = f.sync();

      // then
      assertThat(result.copied()).isEqualTo(1);
      assertThat(result.skipped()).isEmpty();
      assertThat(skippedUids(f)).containsExactly(3L);
      assertThat(f.destination.copies("INBOX")).hasSize(2);
    }
  }

  @ParameterizedTest(name = "condstore {0}")
  @ValueSource(booleans = {false, true})
  void diff_skippedMessageExpungedOnTheSource_notListedAndStoreUntouched(boolean condstore) {
    try (SyncFixture f = new SyncFixture(caseDir("diff-" + condstore))) {
      // given
      twoSkippedOneExpunged(f, condstore);

      // when
      FolderDiff diff = f.diff();

      // then
      assertThat(diff.skipped()).extracting(SkippedMessage::uid).containsExactly(3L);
      assertThat(diff.toCopy()).isEqualTo(1);
      assertThat(skippedUids(f)).as("plan is read-only").containsExactly(2L, 3L);
    }
  }

  @ParameterizedTest(name = "condstore {0}")
  @ValueSource(booleans = {false, true})
  void sync_skippedMessageExpungedDuringTheRun_notReportedNorRecorded(boolean condstore) {
    try (SyncFixture f = new SyncFixture(caseDir("during-" + condstore))) {
      // given: uid 2 is left out by this run, and expunged right after the run decided so
      f.source.condstore(condstore);
      f.options = MAX_SIZE_300;
      f.deliver("ok@x", Set.of(), 1);
      f.source.deliver("INBOX", Mail.message("big@x", "big", "x".repeat(400)), Set.of(),
          Mail.date(2));
      f.destination.refuseAppend = bytes -> {
        f.source.expunge("INBOX", 2); // while ok@x is appended, after the chunk was decided
        return false;
      };

      // when
      FolderSyncResult result = f.sync();

      // then
      assertThat(result.copied()).isEqualTo(1);
      assertThat(result.skipped()).isEmpty();
      assertThat(skippedUids(f)).isEmpty();
    }
  }

  /**
   * Kill the sync that learns of the expunge at every server and store operation, before and after
   * it takes effect, then re-run: the same copies and the same skip records as without a kill.
   */
  @TestFactory
  Stream<DynamicTest> sync_killedAnywhereAfterAnExpunge_rerunEndsAsAnUninterruptedRun() {
    return Stream.of(false, true).flatMap(this::killAnywhere);
  }

  private Stream<DynamicTest> killAnywhere(boolean condstore) {
    int operations;
    List<FakeImapServer.Copy> reference;
    try (SyncFixture f = new SyncFixture(caseDir("ref-" + condstore))) {
      twoSkippedOneExpunged(f, condstore);
      f.crashingStore = true;
      int base = f.faults.count();
      f.sync();
      operations = f.faults.count() - base;
      reference = f.destination.copies("INBOX");
    }
    return IntStream.rangeClosed(1, operations).boxed().flatMap(n -> Stream.of(Faults.When.values())
        .map(when -> DynamicTest.dynamicTest("condstore " + condstore + ", kill " + when
            + " operation " + n, () -> {
          try (SyncFixture f = new SyncFixture(caseDir("kill-" + condstore + when + n))) {
            // given
            twoSkippedOneExpunged(f, condstore);
            f.crashingStore = true;
            f.faults.crashAt(f.faults.count() + n, when);
            boolean killed = false;
            try {
              f.sync();
            } catch (SimulatedCrash expected) {
              killed = true;
            }
            f.faults.clear();
            f.restart();

            // when
            f.sync();

            // then
            assertThat(killed).as("the kill happened").isTrue();
            assertThat(f.destination.copies("INBOX")).isEqualTo(reference);
            assertThat(skippedUids(f)).containsExactly(3L);
            assertThat(f.sync().copied()).isZero();
          }
        })));
  }
}
