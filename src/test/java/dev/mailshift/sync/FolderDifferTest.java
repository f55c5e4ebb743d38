package dev.mailshift.sync;

import static dev.mailshift.sync.SyncFixture.INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FolderSynchronizer#diff}: what a sync would do, with nothing written anywhere. */
class FolderDifferTest {
  @TempDir Path dir;
  private SyncFixture f;

  @BeforeEach
  void setUp() {
    f = new SyncFixture(dir);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void diff_destinationFolderMissing_everythingNotSkippedIsToCopy() {
    // given
    f.options = new SyncOptions(OptionalLong.of(300), true, false, 100, 5);
    FolderPair pair = new FolderPair(SyncFixture.ACCOUNT, "INBOX", "Imported");
    f.deliver("a@x", Set.of(), 1);
    f.source.deliver("INBOX", Mail.message("big@x", "big", "x".repeat(400)), Set.of(), Mail.date(2));

    // when
    FolderDiff diff = f.engine().diff(f.sourceSessions, f.destinationSessions, pair);

    // then
    assertThat(diff.destinationExists()).isFalse();
    assertThat(diff.toCopy()).isEqualTo(1);
    assertThat(diff.bytesToCopy()).isEqualTo(Mail.message("a@x").length);
    assertThat(diff.skipped()).singleElement().extracting(SkippedMessage::reason)
        .isEqualTo(SkippedMessage.Reason.OVER_PLAN_LIMIT);
    assertThat(diff.hasChanges()).isTrue();
    assertThat(f.destination.find("Imported")).isEmpty();
  }

  @Test
  void diff_preseededDestination_countsAdoptionsAndWritesNothing() {
    // given
    f.deliver("a@x", Set.of(), 1);
    f.deliver("b@x", Set.of(), 2);
    f.destination.deliver("INBOX", Mail.message("a@x"), Set.of(), Mail.date(1));

    // when
    FolderDiff diff = f.diff();

    // then
    assertThat(diff.toAdopt()).isEqualTo(1);
    assertThat(diff.toCopy()).isEqualTo(1);
    assertThat(f.store().checkpoint(SyncFixture.ACCOUNT, "INBOX")).isEmpty();
    assertThat(f.store().mappings(SyncFixture.ACCOUNT, "INBOX", 100)).isEmpty();
    assertThat(f.destination.calls()).doesNotContainKeys("select", "append", "replaceFlags");
  }

  @Test
  void diff_afterSyncWithCondstore_unchangedAfterTwoStatusCalls() {
    // given
    f.source.condstore(true);
    f.deliver("a@x", Set.of(), 1);
    f.sync();
    f.source.resetCalls();
    f.destination.resetCalls();

    // when
    FolderDiff diff = f.diff();

    // then
    assertThat(diff.unchanged()).isTrue();
    assertThat(diff.hasChanges()).isFalse();
    assertThat(f.source.calls()).isEqualTo(Map.of("status", 1));
    assertThat(f.destination.calls()).isEqualTo(Map.of("status", 1));
  }

  @Test
  void diff_newMailFlagChangeAndExpungeInMirrorMode_countsEach() {
    // given
    f.options = new SyncOptions(OptionalLong.empty(), true, true, 100, 5);
    long a = f.deliver("a@x", Set.of(), 1);
    long b = f.deliver("b@x", Set.of(), 2);
    f.sync();
    f.source.setFlags("INBOX", a, Set.of("\\Seen"));
    f.source.expunge("INBOX", b);
    f.deliver("c@x", Set.of(), 3);

    // when
    FolderDiff diff = f.diff();

    // then
    assertThat(diff.toCopy()).isEqualTo(1);
    assertThat(diff.flagUpdates()).isEqualTo(1);
    assertThat(diff.toDelete()).isEqualTo(1);
    assertThat(diff.unchanged()).isFalse();
  }

  @Test
  void diff_thenSync_syncDoesWhatDiffSaid() {
    // given
    f.deliver("a@x", Set.of(), 1);
    f.deliver("b@x", Set.of("\\Seen"), 2);
    f.destination.deliver("INBOX", Mail.message("b@x"), Set.of("\\Seen"), Mail.date(2));
    FolderDiff diff = f.diff();

    // when
    FolderSyncResult result = f.sync();

    // then
    assertThat(result.copied()).isEqualTo(diff.toCopy());
    assertThat(result.adopted()).isEqualTo(diff.toAdopt());
    assertThat(f.diff().unchanged()).isTrue();
  }
}
