package dev.mailshift.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What one sync did, summed over its attempts. Owned by one worker thread. */
final class Tally {
  long copied;
  long bytesCopied;
  long adopted;
  long flagsUpdated;
  long deleted;
  /** Copies of expunged messages the last attempt left because the run had not approved them. */
  long removalsHeldBack;
  int retries;
  boolean startReported;
  final List<SkippedMessage> skipped = new ArrayList<>();
  final Set<String> rejectedKeywords = new TreeSet<>();
  final List<String> warnings = new ArrayList<>();

  FolderSyncResult result(FolderPair pair) {
    return new FolderSyncResult(pair, copied, bytesCopied, adopted, flagsUpdated, deleted,
        skipped, List.copyOf(rejectedKeywords), retries, warnings);
  }
}
