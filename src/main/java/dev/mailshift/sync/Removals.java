package dev.mailshift.sync;

import java.util.Set;

/**
 * Which destination messages a sync in mirror mode ({@code messages.deletions: mirror}) may
 * remove: copies mailshift made of source messages that have since been expunged. Outside mirror
 * mode nothing is removed, whatever this says.
 */
public sealed interface Removals {
  /**
   * The sync is a run of its own: it may remove up to {@code ceiling} copies; one that finds more
   * removes none and fails naming the count and the ceiling.
   */
  record UpToCeiling(int ceiling) implements Removals {
    public UpToCeiling {
      if (ceiling < 0) {
        throw new IllegalArgumentException("ceiling must not be negative: " + ceiling);
      }
    }
  }

  /**
   * The sync is part of a run that counted its removals before changing anything (see {@link
   * FolderSynchronizer#plannedRemovals}) and found the total within the ceiling: it removes the
   * copies of these source UIDs only. Messages expunged on the source after the count are left for
   * the next run, which counts them against its own ceiling.
   */
  record Approved(Set<Long> sourceUids) implements Removals {
    public Approved {
      sourceUids = Set.copyOf(sourceUids);
    }
  }
}
