package dev.mailshift.sync;

/** Progress events from the engine (for progress bars and ETAs); called from worker threads. */
public interface SyncListener {
  SyncListener NONE = new SyncListener() {};

  default void folderStarted(FolderPair pair, long messagesToCopy, long bytesToCopy) {}

  default void messageCopied(FolderPair pair, long bytes) {}

  default void retrying(FolderPair pair, int attempt, String reason) {}

  /**
   * The folder's checkpoint and mappings no longer described it (a UIDVALIDITY or the destination
   * folder changed) and were dropped; the folder is matched by content instead.
   */
  default void checkpointReset(FolderPair pair, String reason) {}

  default void folderFinished(FolderSyncResult result) {}
}
