package dev.mailshift.sync;

import dev.mailshift.state.SyncStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

  /**
   * What {@link #sync} would do now. Read-only on both servers and on the store; the destination
   * folder may be missing (then everything not skipped is to be copied).
   *
   * @throws SyncException when a server refuses, or drops more often than maxRetries
   */
  public FolderDiff diff(SessionProvider source, SessionProvider destination, FolderPair pair) {
    return diff(source, destination, pair, GmailFolder.NONE);
  }

  /** {@link #diff} of a Gmail folder (labels as keywords, duplicates in other folders). */
  public FolderDiff diff(SessionProvider source, SessionProvider destination, FolderPair pair,
      GmailFolder gmail) {
    FolderDiffer differ = new FolderDiffer(store, options, clock, gmail.duplicates());
    return retrying.run(pair, source, destination, new Tally(),
        (s, d) -> differ.diff(gmail.labelsAsKeywords() ? new LabelKeywords(s) : s, d, pair));
  }

  /**
   * Brings the destination folder up to date with the source folder. The destination folder
   * must exist (the caller creates it). Retries on fresh sessions after drops and throttling.
   *
   * @throws SyncException when the folder cannot be finished: a server refused something other
   *     than a single message, mirror mode would remove more than the deletion ceiling (then it
   *     removes none), or retries ran out. What was done is recorded, a re-run continues.
   */
  public FolderSyncResult sync(SessionProvider source, SessionProvider destination,
      FolderPair pair) {
    return sync(source, destination, pair, GmailFolder.NONE, Optional.empty());
  }

  /** {@link #sync} of a Gmail folder (labels as keywords, duplicates in other folders). */
  public FolderSyncResult sync(SessionProvider source, SessionProvider destination,
      FolderPair pair, GmailFolder gmail) {
    return sync(source, destination, pair, gmail, Optional.empty());
  }

  /** {@link #sync} with the STATUS seen at the start of the run (see the next method). */
  public FolderSyncResult sync(SessionProvider source, SessionProvider destination,
      FolderPair pair, ObservedStatus observed) {
    return sync(source, destination, pair, GmailFolder.NONE, Optional.of(observed));
  }

  /**
   * As {@link #sync}, but first checks {@code observed}, the STATUS of both folders seen at the
   * start of the run: when the last complete sync saw exactly that (the same test {@link #sync}
   * makes with its own STATUS), the folder is done without a session or a round trip. In mirror
   * mode this one sync may remove up to the deletion ceiling.
   */
  public FolderSyncResult sync(SessionProvider source, SessionProvider destination,
      FolderPair pair, GmailFolder gmail, Optional<ObservedStatus> observed) {
    return sync(source, destination, pair, gmail, observed,
        new Removals.UpToCeiling(options.deletionCeiling()));
  }

  /**
   * As above, removing in mirror mode what {@code removals} allows: a run that counted its
   * removals with {@link #plannedRemovals} passes each folder its approved ones.
   */
  public FolderSyncResult sync(SessionProvider source, SessionProvider destination,
      FolderPair pair, GmailFolder gmail, Optional<ObservedStatus> observed, Removals removals) {
    Objects.requireNonNull(removals, "removals");
    Tally tally = new Tally();
    if (observed.isPresent() && unchanged(pair, observed.get())
        && store.intents(pair.account(), pair.sourceFolder()).isEmpty()
        && skipsStand(pair, gmail, observed.get())) {
      FolderSyncResult result = tally.result(pair);
      listener.folderFinished(result);
      return result;
    }
    return run(source, destination, pair, gmail, tally, removals);
  }

  /**
   * In mirror mode, the source UIDs whose destination copies a sync of the folder would remove
   * now (mapped by mailshift, no longer on the source); empty outside mirror mode. Read-only on
   * both servers and the store: one EXAMINE and {@code UID SEARCH ALL} on the source and a STATUS
   * on the destination, none of them when {@code observed} shows the folder unchanged since its
   * last complete sync. A missing destination folder has nothing to remove.
   *
   * @throws SyncException when a server refuses, or drops more often than maxRetries
   */
  public Set<Long> plannedRemovals(SessionProvider source, SessionProvider destination,
      FolderPair pair, Optional<ObservedStatus> observed) {
    if (!options.mirrorDeletions()
        || observed.filter(o -> unchanged(pair, o)).isPresent()) {
      return Set.of();
    }
    RemovalCounter counter = new RemovalCounter(store);
    return retrying.run(pair, source, destination, new Tally(),
        (s, d) -> counter.count(s, d, pair));
  }

  private boolean unchanged(FolderPair pair, ObservedStatus observed) {
    return store.checkpoint(pair.account(), pair.sourceFolder())
        .filter(cp -> Unchanged.byStatus(cp, pair, observed.sourceCondstore(), observed.source(),
            observed.destination()))
        .isPresent();
  }

  /**
   * Whether every recorded skip of the folder still stands, as {@link FolderRun} checks with its
   * own STATUS: an unchanged folder may still hold a message this run's plan selects (max-size
   * raised, a search dropped, min-age reached), and passing it over would never copy it.
   */
  private boolean skipsStand(FolderPair pair, GmailFolder gmail, ObservedStatus observed) {
    SkipRules rules = new SkipRules(options, observed.destinationAppendLimit(), clock.instant())
        .withDuplicates(gmail.duplicates());
    return store.checkpoint(pair.account(), pair.sourceFolder())
        .map(cp -> Unchanged.skipsStand(store, pair, cp.sourceUidValidity(), rules))
        .orElse(false);
  }

  private FolderSyncResult run(SessionProvider source, SessionProvider destination,
      FolderPair pair, GmailFolder gmail, Tally tally, Removals removals) {
    retrying.run(pair, source, destination, tally, (s, d) -> {
      new FolderRun(store, options, listener, clock, pair,
          gmail.labelsAsKeywords() ? new LabelKeywords(s) : s, d, tally, gmail.duplicates(),
          removals)
          .run();
      return null;
    });
    if (!tally.rejectedKeywords.isEmpty()) {
      store.recordRejectedKeywords(pair.account(), pair.destinationFolder(),
          tally.rejectedKeywords);
    }
    if (tally.removalsHeldBack > 0) {
      tally.warnings.add(tally.removalsHeldBack + " destination message(s) whose source was"
          + " expunged after this run counted its removals were left in place; the next run"
          + " removes them, counting them against its messages.deletion-ceiling");
    }
    FolderSyncResult result = tally.result(pair);
    listener.folderFinished(result);
    return result;
  }
}
