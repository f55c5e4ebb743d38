package dev.mailshift.apply;

import dev.mailshift.sync.FolderDiff;
import dev.mailshift.sync.FolderPair;
import dev.mailshift.sync.FolderSyncResult;
import dev.mailshift.sync.GmailFolder;
import dev.mailshift.sync.ObservedStatus;
import dev.mailshift.sync.SessionProvider;
import java.util.Optional;

/**
 * The sync engine as apply and plan see it: one folder at a time; {@code gmail} says what a
 * Gmail source's label policy needs for this folder ({@link GmailFolder#NONE} otherwise), and
 * {@code observed} is the folders' STATUS seen at the start of the run, when there is one (an
 * unchanged folder is then done without using the sessions).
 */
public interface FolderEngine {
  FolderDiff diff(SessionProvider source, SessionProvider destination, FolderPair pair,
      GmailFolder gmail);

  FolderSyncResult sync(SessionProvider source, SessionProvider destination, FolderPair pair,
      GmailFolder gmail, Optional<ObservedStatus> observed);
}
