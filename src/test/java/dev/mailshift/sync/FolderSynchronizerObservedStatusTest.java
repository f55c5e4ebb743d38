package dev.mailshift.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailshift.imap.FolderStatus;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.state.AppendIntent;
import dev.mailshift.state.FolderCheckpoint;
import dev.mailshift.state.SkipRecord;
import dev.mailshift.state.SyncBatch;
import dev.mailshift.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The no-op shortcut: with the STATUS observed at the start of a run, an unchanged folder is done
 * without asking for a session; anything else goes the normal way, which starts with sessions.
 */
class FolderSynchronizerObservedStatusTest {
  private static final FolderPair PAIR = new FolderPair("alice", "INBOX.Work", "Work");
  private static final FolderStatus SOURCE = new FolderStatus(7, 101, 100, OptionalLong.of(555));
  private static final FolderStatus DESTINATION =
      new FolderStatus(9, 101, 100, OptionalLong.of(3));

  @TempDir Path dir;
  private StateStore state;
  private FolderSynchronizer engine;
  private final CountingProvider sessions = new CountingProvider();

  @BeforeEach
  void open() {
    state = StateStore.open(dir.resolve("state.db"));
    engine = new FolderSynchronizer(state.sync(), SyncOptions.DEFAULT, SyncListener.NONE,
        Backoff.NONE, Clock.systemUTC());
    state.sync().saveCheckpoint(new FolderCheckpoint("alice", "INBOX.Work", 7, "Work", 9, 100,
        101, 100, OptionalLong.of(555), Optional.of(Instant.EPOCH), 100, 5000));
  }

  @AfterEach
  void close() {
    state.close();
  }

  @Test
  void sync_observedStatusAsCheckpointed_doneWithoutSession() {
    // when
    FolderSyncResult r = engine.sync(sessions, sessions, PAIR,
        new ObservedStatus(SOURCE, DESTINATION, true));

    // then
    assertThat(sessions.asked.get()).isZero();
    assertThat(r.copied()).isZero();
    assertThat(r.flagsUpdated()).isZero();
  }

  @Test
  void sync_sourceModseqMoved_usesSessions() {
    // given: a flag changed on the source since the checkpoint
    FolderStatus changed = new FolderStatus(7, 101, 100, OptionalLong.of(556));

    // when / then: the engine goes to the servers (which this provider refuses)
    assertThatThrownBy(() -> engine.sync(sessions, sessions, PAIR,
        new ObservedStatus(changed, DESTINATION, true))).isInstanceOf(RefusedException.class);
    assertThat(sessions.asked.get()).isPositive();
  }

  @Test
  void sync_sourceWithoutCondstore_usesSessions() {
    assertThatThrownBy(() -> engine.sync(sessions, sessions, PAIR,
        new ObservedStatus(SOURCE, DESTINATION, false))).isInstanceOf(RefusedException.class);
    assertThat(sessions.asked.get()).isPositive();
  }

  @Test
  void sync_leftoverIntent_usesSessions() {
    // given: a run died around an APPEND of this folder
    state.sync().addIntent(new AppendIntent(0, "alice", "INBOX.Work", 7, 100, "Work", 9, 101, 10,
        "ab"));

    // when / then
    assertThatThrownBy(() -> engine.sync(sessions, sessions, PAIR,
        new ObservedStatus(SOURCE, DESTINATION, true))).isInstanceOf(RefusedException.class);
    assertThat(sessions.asked.get()).isPositive();
  }

  @Test
  void sync_unchangedFolderWithASkipThePlanNoLongerMakes_usesSessions() {
    // given: an earlier run left a message out as larger than max-size 1000; this run's plan
    // has no max-size, so the message must be copied although the folder did not change
    skip("OVER_PLAN_LIMIT", 5000);

    // when / then
    assertThatThrownBy(() -> engine.sync(sessions, sessions, PAIR,
        new ObservedStatus(SOURCE, DESTINATION, true))).isInstanceOf(RefusedException.class);
    assertThat(sessions.asked.get()).isPositive();
  }

  @Test
  void sync_unchangedFolderWithASkipThatStillHolds_doneWithoutSession() {
    // given: the message was left out as flagged \Deleted, and copy-deleted is still false
    engine = new FolderSynchronizer(state.sync(), new SyncOptions(OptionalLong.empty(), false,
        false, 100, 3), SyncListener.NONE, Backoff.NONE, Clock.systemUTC());
    skip("DELETED_FLAG", 5000);

    // when
    FolderSyncResult r = engine.sync(sessions, sessions, PAIR,
        new ObservedStatus(SOURCE, DESTINATION, true));

    // then
    assertThat(sessions.asked.get()).isZero();
    assertThat(r.copied()).isZero();
  }

  private void skip(String reason, long size) {
    state.sync().commit(new SyncBatch("alice", "INBOX.Work", 7, List.of(), List.of(),
        List.of(new SkipRecord("alice", "INBOX.Work", 7, 42, size,
            Optional.of(Instant.parse("2025-01-01T00:00:00Z")), reason, "from an earlier run")),
        Map.of(), List.of(), OptionalLong.empty()));
  }

  /** Not a retryable ImapException: the engine passes it on at once. */
  private static final class RefusedException extends RuntimeException {
    RefusedException() {
      super("no session in this test");
    }
  }

  private static final class CountingProvider implements SessionProvider {
    final AtomicInteger asked = new AtomicInteger();

    @Override
    public ImapSession get() {
      asked.incrementAndGet();
      throw new RefusedException();
    }

    @Override
    public void discard(ImapSession broken) {}
  }
}
