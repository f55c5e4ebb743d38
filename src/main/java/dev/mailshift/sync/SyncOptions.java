package dev.mailshift.sync;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How one folder is synchronised.
 *
 * @param maxSize skip (and list) messages larger than this; empty = no limit of the plan's own
 *     (the destination's APPENDLIMIT is applied on top)
 * @param copyDeleted copy messages flagged \Deleted but not expunged
 * @param mirrorDeletions remove from the destination what mailshift copied and the source has
 *     since expunged
 * @param deletionCeiling in mirror mode, the most removals one run may do; a sync called on its
 *     own is a run of one folder (see {@link Removals}), and one that would remove more removes
 *     none
 * @param maxRetries reconnect-and-retry attempts on dropped or throttled sessions
 * @param selection which messages are copied at all (dates, size floor, search)
 */
public record SyncOptions(
    OptionalLong maxSize,
    boolean copyDeleted,
    boolean mirrorDeletions,
    int deletionCeiling,
    int maxRetries,
    Selection selection) {
  public static final SyncOptions DEFAULT =
      new SyncOptions(OptionalLong.empty(), true, false, 100, 5, Selection.ALL);

  public SyncOptions {
    Objects.requireNonNull(maxSize, "maxSize");
    Objects.requireNonNull(selection, "selection");
  }

  /** Every message selected (no dates, floor or search). */
  public SyncOptions(OptionalLong maxSize, boolean copyDeleted, boolean mirrorDeletions,
      int deletionCeiling, int maxRetries) {
    this(maxSize, copyDeleted, mirrorDeletions, deletionCeiling, maxRetries, Selection.ALL);
  }

  public SyncOptions withSelection(Selection s) {
    return new SyncOptions(maxSize, copyDeleted, mirrorDeletions, deletionCeiling, maxRetries, s);
  }
}
