package dev.mailshift.sync;

import java.util.List;

/**
 * What a sync of one folder did.
 *
 * @param rejectedKeywords keywords the destination would not store (the messages were copied
 *     without them)
 * @param retries reconnects that were needed
 * @param warnings things the operator should know that did not stop the sync, e.g. a checkpoint
 *     dropped because a UIDVALIDITY changed (the folder was then matched by content)
 */
public record FolderSyncResult(
    FolderPair pair,
    long copied,
    long bytesCopied,
    long adopted,
    long flagsUpdated,
    long deleted,
    List<SkippedMessage> skipped,
    List<String> rejectedKeywords,
    int retries,
    List<String> warnings) {
  public FolderSyncResult {
    skipped = List.copyOf(skipped);
    rejectedKeywords = List.copyOf(rejectedKeywords);
    warnings = List.copyOf(warnings);
  }

  /** The original shape, without warnings. */
  public FolderSyncResult(FolderPair pair, long copied, long bytesCopied, long adopted,
      long flagsUpdated, long deleted, List<SkippedMessage> skipped,
      List<String> rejectedKeywords, int retries) {
    this(pair, copied, bytesCopied, adopted, flagsUpdated, deleted, skipped, rejectedKeywords,
        retries, List.of());
  }
}
