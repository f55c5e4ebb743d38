package dev.mailshift.apply;

import dev.mailshift.sync.FolderDiff;
import dev.mailshift.sync.FolderPair;
import dev.mailshift.sync.FolderSyncResult;
import dev.mailshift.sync.GmailFolder;
import dev.mailshift.sync.ObservedStatus;
import dev.mailshift.sync.Removals;
import dev.mailshift.sync.SessionProvider;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The sync engine as apply and plan see it: one folder at a time; {@code gmail} says what a
 * Gmail source's label policy needs for this folder ({@link GmailFolder#NONE} otherwise), and
 * {@code observed} is the folders' STATUS seen at the start of the run, when there is one (an
 * unchanged folder is then done without using the sessions).
 */
public interface FolderEngine {
  FolderDiff diff(SessionProvider source, SessionProvider destination, FolderPair pair,
      GmailFolder gmail);

  /** Syncs a folder, removing in mirror mode what {@code removals} allows. */
  FolderSyncResult sync(SessionProvider source, SessionProvider destination, FolderPair pair,
      GmailFolder gmail, Optional<ObservedStatus> observed, Removals removals);

  /** In mirror mode, the most removals one run may make; empty when nothing is ever removed. */
  OptionalInt deletionCeiling();

  /**
   * In mirror mode, the source UIDs whose destination copies a sync of the folder would remove
   * now; read-only.
   */
  Set<Long> plannedRemovals(SessionProvider source, SessionProvider destination, FolderPair pair,
      Optional<ObservedStatus> observed);
}
