package dev.mailshift.sync;

import dev.mailshift.imap.Access;
import dev.mailshift.state.StateStore;
import dev.mailshift.state.SyncStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Two fake servers (source READ_ONLY, destination READ_WRITE), a real state file, and engines
 * built on them. A "new process" is a fresh store connection, fresh sessions and a fresh engine.
 */
final class SyncFixture implements AutoCloseable {
  static final String ACCOUNT = "alice@acme.example";
  static final FolderPair INBOX = new FolderPair(ACCOUNT, "INBOX", "INBOX");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  final Faults faults = new Faults();
  final FakeImapServer source = new FakeImapServer(100, faults);
  final FakeImapServer destination = new FakeImapServer(500, faults);
  final Path stateFile;
  final List<String> events = new ArrayList<>();
  SyncOptions options = SyncOptions.DEFAULT;
  /** The engine's clock (message selection by age); tests move it to let time pass. */
  Clock clock = CLOCK;
  boolean crashingStore;
  /**
   * Sync as apply does in mirror mode: count the folder's removals first, then sync removing
   * only those ({@link Removals.Approved}).
   */
  boolean counted;
  private StateStore state;
  FakeSessions sourceSessions;
  FakeSessions destinationSessions;

  /**
   * @param dir a directory no other fixture has used: a state file already there would carry
   *     another test's sync into this one (its fresh servers reuse the same UIDVALIDITYs, so the
   *     engine would rightly trust that state)
   */
  SyncFixture(Path dir) {
    this.stateFile = dir.resolve("state.db");
    if (Files.exists(stateFile)) {
      throw new IllegalStateException("a fixture already used " + dir
          + "; give every test case a directory of its own");
    }
    source.create("INBOX");
    destination.create("INBOX");
    restart();
  }

  /** As after a kill: the store reopened, all sessions new. */
  void restart() {
    if (state != null) {
      state.close();
    }
    state = StateStore.open(stateFile, CLOCK);
    sourceSessions = new FakeSessions(source, Access.READ_ONLY);
    destinationSessions = new FakeSessions(destination, Access.READ_WRITE);
  }

  SyncStore store() {
    return crashingStore ? new CrashingSyncStore(state.sync(), faults) : state.sync();
  }

  StateStore state() {
    return state;
  }

  FolderSynchronizer engine() {
    SyncListener recorder = new SyncListener() {
      @Override
      public void retrying(FolderPair pair, int attempt, String reason) {
        events.add("retry " + attempt + ": " + reason);
      }

      @Override
      public void checkpointReset(FolderPair pair, String reason) {
        events.add("reset: " + reason);
      }
    };
    return new FolderSynchronizer(store(), options, recorder, Backoff.NONE, clock);
  }

  FolderSyncResult sync() {
    return sync(INBOX);
  }

  FolderSyncResult sync(FolderPair pair) {
    FolderSynchronizer engine = engine();
    if (!counted) {
      return engine.sync(sourceSessions, destinationSessions, pair);
    }
    Set<Long> approved = engine.plannedRemovals(sourceSessions, destinationSessions, pair,
        java.util.Optional.empty());
    return engine.sync(sourceSessions, destinationSessions, pair, GmailFolder.NONE,
        java.util.Optional.empty(), new Removals.Approved(approved));
  }

  FolderDiff diff() {
    return engine().diff(sourceSessions, destinationSessions, INBOX);
  }

  long deliver(String id, Set<String> flags, int day) {
    return source.deliver("INBOX", Mail.message(id), flags, Mail.date(day));
  }

  /** Delete the state file's content as a user deleting state.db would. */
  void loseState() {
    state.close();
    state = null;
    for (String suffix : List.of("", "-wal", "-shm")) {
      stateFile.resolveSibling(stateFile.getFileName() + suffix).toFile().delete();
    }
    restart();
  }

  @Override
  public void close() {
    if (state != null) {
      state.close();
    }
  }
}
