package dev.mailshift.sync;

import java.util.List;

/**
 * What a sync of one folder did.
 *
 * @param rejectedKeywords keywords the destination would not store (the messages were copied
 *     without them)
 * @param retries reconnects that were needed
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
    int retries) {
  public FolderSyncResult {
    skipped = List.copyOf(skipped);
    rejectedKeywords = List.copyOf(rejectedKeywords);
  }
}
