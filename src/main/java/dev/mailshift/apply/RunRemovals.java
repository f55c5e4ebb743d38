package dev.mailshift.apply;

import dev.mailshift.change.SyncFolder;
import dev.mailshift.sync.FolderPair;
import dev.mailshift.sync.ObservedStatus;
import dev.mailshift.sync.Removals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mirror-mode removals of one run ({@code messages.deletions: mirror}), counted for every
 * folder of every account of the run before the run changes anything: within {@code
 * messages.deletion-ceiling} each folder's sync may remove exactly the copies counted for it;
 * beyond it the run stops before its first step. Held in memory only: a run that is stopped or
 * killed leaves nothing behind, and the next run counts afresh against a full ceiling.
 */
final class RunRemovals {
  private static final int FOLDERS_NAMED = 20;

  /** Nothing counted (not mirror mode, or no sync steps): no folder is approved any removal. */
  static final RunRemovals NONE = new RunRemovals(Map.of());

  private final Map<FolderPair, Set<Long>> approved;

  private RunRemovals(Map<FolderPair, Set<Long>> approved) {
    this.approved = Map.copyOf(approved);
  }

  /** What the sync of {@code pair} may remove. */
  Removals of(FolderPair pair) {
    return new Removals.Approved(approved.getOrDefault(pair, Set.of()));
  }

  /** The number of removals the run approved, over all folders. */
  long total() {
    return approved.values().stream().mapToLong(Set::size).sum();
  }

  /**
   * Counts the removals of {@code steps}, folders in parallel on pooled sessions (read-only).
   *
   * @throws ApplyStoppedException {@code DELETION_CEILING} naming each folder with its count when
   *     the run would remove more than the ceiling; {@code CANNOT_OBSERVE} when a folder could not
   *     be counted
   */
  static RunRemovals count(FolderEngine engine, SessionPool pool, int workers,
      List<SyncFolder> steps, Map<String, AccountTarget> targets,
      Map<String, AccountScanner.Scanned> scanned, ApplyListener listener) {
    OptionalInt ceiling = engine.deletionCeiling();
    if (ceiling.isEmpty() || steps.isEmpty()) {
      return NONE;
    }
    AtomicLong total = new AtomicLong();
    AtomicInteger done = new AtomicInteger();
    listener.removalsCounted(0, steps.size(), 0);
    Map<FolderPair, Integer> counts = new ConcurrentHashMap<>();
    Map<FolderPair, Set<Long>> kept = new ConcurrentHashMap<>();
    List<String> problems = new ArrayList<>();
    Parallel.forEach(workers, steps, step -> {
      FolderPair pair = new FolderPair(step.account(), step.sourceFolder(),
          step.destinationFolder());
      Set<Long> gone = plannedRemovals(engine, pool, targets.get(step.account()), pair,
          observed(scanned, step));
      long sum = total.addAndGet(gone.size());
      if (!gone.isEmpty()) {
        counts.put(pair, gone.size());
        // Past the ceiling only the counts matter: a wiped source must not fill the memory.
        if (sum <= ceiling.getAsInt()) {
          kept.put(pair, gone);
        }
      }
      listener.removalsCounted(done.incrementAndGet(), steps.size(), total.get());
      return gone.size();
    }).forEach((step, attempt) -> attempt.ifPresentOrElse(n -> { }, e -> problems.add(
        step.account() + ": counting the removals of " + step.sourceFolder() + ": "
            + Failures.explain(e))));
    if (!problems.isEmpty()) {
      throw new ApplyStoppedException(ApplyStoppedException.Reason.CANNOT_OBSERVE, problems);
    }
    if (total.get() > ceiling.getAsInt()) {
      throw new ApplyStoppedException(ApplyStoppedException.Reason.DELETION_CEILING,
          overCeiling(total.get(), ceiling.getAsInt(), counts),
          "Check that these source folders are the right ones (accounts, folder mapping) and"
              + " were not emptied by mistake. If the removals are intended, raise"
              + " messages.deletion-ceiling to at least " + total.get() + " and run apply again;"
              + " with `messages.deletions: keep` nothing is removed.");
    }
    return new RunRemovals(kept);
  }

  private static Set<Long> plannedRemovals(FolderEngine engine, SessionPool pool,
      AccountTarget target, FolderPair pair, Optional<ObservedStatus> observed) {
    PooledSessions source = new PooledSessions(pool, target.source());
    PooledSessions destination = new PooledSessions(pool, target.destination());
    boolean healthy = false;
    try {
      Set<Long> gone = engine.plannedRemovals(source, destination, pair, observed);
      healthy = true;
      return gone;
    } finally {
      source.release(healthy);
      destination.release(healthy);
    }
  }

  private static Optional<ObservedStatus> observed(Map<String, AccountScanner.Scanned> scanned,
      SyncFolder step) {
    AccountScanner.Scanned s = scanned.get(step.account());
    return s == null ? Optional.empty() : Optional.ofNullable(s.statuses().get(step.sourceFolder()));
  }

  /** The summary line first, then the folders with the most removals, each with its count. */
  private static List<String> overCeiling(long total, int ceiling,
      Map<FolderPair, Integer> counts) {
    List<String> out = new ArrayList<>();
    out.add("mirror mode would remove " + total + " destination messages whose source was"
        + " expunged in this run, more than messages.deletion-ceiling (" + ceiling + ")");
    List<Map.Entry<FolderPair, Integer>> folders = counts.entrySet().stream()
        .sorted(Map.Entry.<FolderPair, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(e -> e.getKey().toString()))
        .toList();
    folders.stream().limit(FOLDERS_NAMED).forEach(e -> out.add(e.getKey().account() + ": "
        + e.getKey().sourceFolder() + " -> " + e.getKey().destinationFolder() + ": "
        + e.getValue() + " to remove"));
    if (folders.size() > FOLDERS_NAMED) {
      out.add("and " + (folders.size() - FOLDERS_NAMED) + " more folders");
    }
    return out;
  }
}
