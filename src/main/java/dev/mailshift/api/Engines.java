package dev.mailshift.api;

import dev.mailshift.apply.FolderEngine;
import dev.mailshift.sync.FolderVerifier;
import dev.mailshift.plan.MessageRules;
import dev.mailshift.plan.Plan;
import dev.mailshift.state.StateStore;
import dev.mailshift.sync.FolderDiff;
import dev.mailshift.sync.Backoff;
import dev.mailshift.sync.FolderPair;
import dev.mailshift.sync.FolderSyncResult;
import dev.mailshift.sync.FolderSynchronizer;
import dev.mailshift.sync.GmailFolder;
import dev.mailshift.sync.ObservedStatus;
import dev.mailshift.sync.Selection;
import dev.mailshift.sync.SessionProvider;
import dev.mailshift.sync.SyncListener;
import dev.mailshift.sync.SyncOptions;
import java.util.Optional;
import java.time.Clock;
import java.time.Duration;

/** Builds the sync engine and verifier from a plan's message rules and server limits. */
final class Engines {
  private Engines() {}

  static FolderEngine folderEngine(Plan plan, StateStore state, SyncListener listener,
      Clock clock) {
    FolderSynchronizer engine = new FolderSynchronizer(state.sync(), options(plan), listener,
        Backoff.exponential(Duration.ofSeconds(1), Duration.ofMinutes(2)), clock);
    return new FolderEngine() {
      @Override
      public FolderDiff diff(SessionProvider source, SessionProvider destination, FolderPair pair,
          GmailFolder gmail) {
        return engine.diff(source, destination, pair, gmail);
      }

      @Override
      public FolderSyncResult sync(SessionProvider source, SessionProvider destination, FolderPair pair,
          GmailFolder gmail, Optional<ObservedStatus> observed) {
        return engine.sync(source, destination, pair, gmail, observed);
      }
    };
  }

  static FolderVerifier verifier(StateStore state) {
    return new FolderVerifier(state.sync());
  }

  static SyncOptions options(Plan plan) {
    MessageRules m = plan.messages();
    int retries = plan.servers().values().stream().mapToInt(s -> s.limits().retries()).max().orElse(5);
    return new SyncOptions(m.maxSize(), m.copyDeleted(), m.deletions() == MessageRules.Deletions.MIRROR,
        m.deletionCeiling(), retries, new Selection(m.maxAge(), m.minAge(), m.since(), m.before(),
            m.minSize(), m.search()));
  }
}
