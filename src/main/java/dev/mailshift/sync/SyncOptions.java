package dev.mailshift.sync;

import java.util.OptionalLong;

/**
 * How one folder is synchronised.
 *
 * @param maxSize skip (and list) messages larger than this; empty = no limit of the plan's own
 *     (the destination's APPENDLIMIT is applied on top)
 * @param copyDeleted copy messages flagged \Deleted but not expunged
 * @param mirrorDeletions remove from the destination what mailshift copied and the source has
 *     since expunged
 * @param deletionCeiling in mirror mode, the most removals one folder sync may do; more stops the
 *     run before any removal
 * @param maxRetries reconnect-and-retry attempts on dropped or throttled sessions
 */
public record SyncOptions(
    OptionalLong maxSize,
    boolean copyDeleted,
    boolean mirrorDeletions,
    int deletionCeiling,
    int maxRetries) {
  public static final SyncOptions DEFAULT = new SyncOptions(OptionalLong.empty(), true, false, 100, 5);
}
