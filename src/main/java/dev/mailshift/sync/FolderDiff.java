package dev.mailshift.sync;

import java.util.List;

/**
 * What a sync of one folder would do now, computed read-only (for {@code plan}).
 *
 * @param destinationExists whether the destination folder exists already
 * @param toCopy messages that will be appended, and their bytes
 * @param toAdopt messages already on the destination (matched by content) that will be recorded,
 *     not copied
 * @param flagUpdates mapped messages whose destination flags will change
 * @param toDelete destination messages that mirror mode will remove
 * @param skipped messages that will not be copied, one by one
 * @param unchanged true when the folder's checkpoint shows nothing new (no per-message work)
 */
public record FolderDiff(
    FolderPair pair,
    boolean destinationExists,
    long sourceMessages,
    long toCopy,
    long bytesToCopy,
    long toAdopt,
    long flagUpdates,
    long toDelete,
    List<SkippedMessage> skipped,
    boolean unchanged) {
  public FolderDiff {
    skipped = List.copyOf(skipped);
  }

  public boolean hasChanges() {
    return !destinationExists || toCopy > 0 || toAdopt > 0 || flagUpdates > 0 || toDelete > 0;
  }
}
