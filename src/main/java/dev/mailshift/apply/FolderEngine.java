package dev.mailshift.apply;

import dev.mailshift.sync.FolderDiff;
import dev.mailshift.sync.FolderPair;
import dev.mailshift.sync.FolderSyncResult;
import dev.mailshift.sync.ObservedStatus;
import dev.mailshift.sync.SessionProvider;

/** The sync engine as apply and plan see it: one folder at a time. */
public interface FolderEngine {
  FolderDiff diff(SessionProvider source, SessionProvider destination, FolderPair pair);

  FolderSyncResult sync(SessionProvider source, SessionProvider destination, FolderPair pair);

  /**
   * As {@link #sync}, with the folders' STATUS observed at the start of the run: an engine may
   * pass an unchanged folder without using the sessions. By default the observation is unused.
   */
  default FolderSyncResult sync(SessionProvider source, SessionProvider destination,
      FolderPair pair, ObservedStatus observed) {
    return sync(source, destination, pair);
  }
}
