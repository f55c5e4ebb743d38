package dev.mailshift.apply;

import dev.mailshift.sync.FolderDiff;
import dev.mailshift.sync.FolderPair;
import dev.mailshift.sync.FolderSyncResult;
import dev.mailshift.sync.SessionProvider;

/** The sync engine as apply and plan see it: one folder at a time. */
public interface FolderEngine {
  FolderDiff diff(SessionProvider source, SessionProvider destination, FolderPair pair);

  FolderSyncResult sync(SessionProvider source, SessionProvider destination, FolderPair pair);
}
