package dev.mailshift.sync;

import dev.mailshift.state.SyncStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Synchronises one folder pair at a time from a read-only source to a destination, incrementally
 * and crash-safely; or computes, read-only, what that would do. Thread-safe: one instance may
 * serve many workers, each working on its own folder pair with its own sessions (two workers
 * must never sync the same source folder at once).
 *
 * <p>Guarantees, for any sequence of runs, kills and dropped connections: every source message
 * (apart from the skipped ones, which are listed) ends on the destination exactly once, with its
 * exact bytes, INTERNALDATE and flags; the source is never written to. See {@link FolderRun} for
 * the algorithm.
 */
public final class FolderSynchronizer {
  private final SyncStore store;
  private final SyncOptions options;
  private final SyncListener listener;
  private final Retrying retrying;
  private final Clock clock;

  public FolderSynchronizer(SyncStore store, SyncOptions options, SyncListener listener,
      Backoff backoff, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.options = Objects.requireNonNull(options, "options");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retrying = new Retrying(options.maxRetries(), Objects.requireNonNull(backoff, "backoff"),
        listener);
  }

  /** With exponential backoff from 1 s to 2 min and the system clock. */
  public FolderSynchronizer(SyncStore store, SyncOptions options, SyncListener listener) {
    this(store, options, listener,
        Backoff.exponential(Duration.ofSeconds(1), Duration.ofMinutes(2)), Clock.systemUTC());
  }

  /**
   * What {@link #sync} would do now. Read-only on both servers and on the store; the destination
   * folder may be missing (then everything not skipped is to be copied).
   *
   * @throws SyncException when a server refuses, or drops more often than maxRetries
   */
  public FolderDiff diff(SessionProvider source, SessionProvider destination, FolderPair pair) {
    FolderDiffer differ = new FolderDiffer(store, options);
    return retrying.run(pair, source, destination, new Tally(),
        (s, d) -> differ.diff(s, d, pair));
  }

  /**
   * Brings the destination folder up to date with the source folder. The destination folder
   * must exist (the caller creates it). Retries on fresh sessions after drops and throttling.
   *
   * @throws SyncException when the folder cannot be finished: a server refused something other
   *     than a single message, mirror mode hit the deletion ceiling, or retries ran out. What was
   *     done is recorded, a re-run continues.
   */
  public FolderSyncResult sync(SessionProvider source, SessionProvider destination,
      FolderPair pair) {
    return run(source, destination, pair, new Tally());
  }

  /**
   * As {@link #sync}, but first checks {@code observed}, the STATUS of both folders seen at the
   * start of the run: when the last complete sync saw exactly that (the same test {@link #sync}
   * makes with its own STATUS), the folder is done without a session or a round trip.
   */
  public FolderSyncResult sync(SessionProvider source, SessionProvider destination,
      FolderPair pair, ObservedStatus observed) {
    Tally tally = new Tally();
    boolean unchanged = store.checkpoint(pair.account(), pair.sourceFolder())
        .filter(cp -> Unchanged.byStatus(cp, pair, observed.sourceCondstore(), observed.source(),
            observed.destination()))
        .isPresent() && store.intents(pair.account(), pair.sourceFolder()).isEmpty();
    if (unchanged) {
      FolderSyncResult result = tally.result(pair);
      listener.folderFinished(result);
      return result;
    }
    return run(source, destination, pair, tally);
  }

  private FolderSyncResult run(SessionProvider source, SessionProvider destination,
      FolderPair pair, Tally tally) {
    retrying.run(pair, source, destination, tally, (s, d) -> {
      new FolderRun(store, options, listener, clock, pair, s, d, tally).run();
      return null;
    });
    if (!tally.rejectedKeywords.isEmpty()) {
      store.recordRejectedKeywords(pair.account(), pair.destinationFolder(),
          tally.rejectedKeywords);
    }
    FolderSyncResult result = tally.result(pair);
    listener.folderFinished(result);
    return result;
  }
}
