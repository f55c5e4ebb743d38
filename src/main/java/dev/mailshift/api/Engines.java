package dev.mailshift.api;

import dev.mailshift.apply.FolderEngine;
import dev.mailshift.sync.FolderVerifier;
import dev.mailshift.plan.MessageRules;
import dev.mailshift.plan.Plan;
import dev.mailshift.state.StateStore;
import dev.mailshift.sync.FolderDiff;
import dev.mailshift.sync.FolderPair;
import dev.mailshift.sync.FolderSyncResult;
import dev.mailshift.sync.FolderSynchronizer;
import dev.mailshift.sync.ObservedStatus;
import dev.mailshift.sync.SessionProvider;
import dev.mailshift.sync.SyncListener;
import dev.mailshift.sync.SyncOptions;

/** Builds the sync engine and verifier from a plan's message rules and server limits. */
final class Engines {
  private Engines() {}

  static FolderEngine folderEngine(Plan plan, StateStore state, SyncListener listener) {
    FolderSynchronizer engine = new FolderSynchronizer(state.sync(), options(plan), listener);
    return new FolderEngine() {
      @Override
      public FolderDiff diff(SessionProvider source, SessionProvider destination, FolderPair pair) {
        return engine.diff(source, destination, pair);
      }

      @Override
      public FolderSyncResult sync(SessionProvider source, SessionProvider destination, FolderPair pair) {
        return engine.sync(source, destination, pair);
      }

      @Override
      public FolderSyncResult sync(SessionProvider source, SessionProvider destination,
          FolderPair pair, ObservedStatus observed) {
        return engine.sync(source, destination, pair, observed);
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
        m.deletionCeiling(), retries);
  }
}
