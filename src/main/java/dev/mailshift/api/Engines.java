package dev.mailshift.api;

import dev.mailshift.apply.FolderEngine;
import dev.mailshift.apply.Retries;
import dev.mailshift.dns.Sleeper;
import dev.mailshift.plan.Account;
import dev.mailshift.plan.MessageRules;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Server;
import dev.mailshift.state.StateStore;
import dev.mailshift.state.SyncStore;
import dev.mailshift.sync.ExponentialBackoff;
import dev.mailshift.sync.FolderDiff;
import dev.mailshift.sync.FolderPair;
import dev.mailshift.sync.FolderSyncResult;
import dev.mailshift.sync.FolderSynchronizer;
import dev.mailshift.sync.FolderVerifier;
import dev.mailshift.sync.GmailFolder;
import dev.mailshift.sync.ObservedStatus;
import dev.mailshift.sync.Removals;
import dev.mailshift.sync.Selection;
import dev.mailshift.sync.SessionProvider;
import dev.mailshift.sync.SyncListener;
import dev.mailshift.sync.SyncOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** Builds the sync engine and verifier from a plan's message rules and server limits. */
final class Engines {
  private static final Duration BACKOFF_BASE = Duration.ofSeconds(1);
  private static final Duration BACKOFF_CAP = Duration.ofMinutes(2);

  private Engines() {}

  /**
   * The engine. A folder of an account is retried as often as the more patient of its two
   * servers allows ({@code limits.retries}; a failure cannot always be told to one side), with
   * backoff waits on {@code sleeper}. In mirror mode it tells the run its deletion ceiling.
   */
  static FolderEngine folderEngine(Plan plan, StateStore state, SyncListener listener,
      Clock clock, Sleeper sleeper) {
    return folderEngine(plan, state.sync(), listener, clock, sleeper);
  }

  /** The engine on {@code store} (e.g. a view setting some accounts' state aside). */
  static FolderEngine folderEngine(Plan plan, SyncStore store, SyncListener listener,
      Clock clock, Sleeper sleeper) {
    Map<String, Integer> retries = retries(plan);
    Map<Integer, FolderSynchronizer> engines = new ConcurrentHashMap<>();
    ExponentialBackoff backoff = backoff(sleeper);
    OptionalInt ceiling = deletionCeiling(plan);
    Function<FolderPair, FolderSynchronizer> engine = pair ->
        engines.computeIfAbsent(retries.getOrDefault(pair.account(),
            Server.Limits.DEFAULT.retries()),
            n -> new FolderSynchronizer(store, options(plan, n), listener, backoff, clock));
    return new FolderEngine() {
      @Override
      public FolderDiff diff(SessionProvider source, SessionProvider destination, FolderPair pair,
          GmailFolder gmail) {
        return engine.apply(pair).diff(source, destination, pair, gmail);
      }

      @Override
      public FolderSyncResult sync(SessionProvider source, SessionProvider destination,
          FolderPair pair, GmailFolder gmail, Optional<ObservedStatus> observed,
          Removals removals) {
        return engine.apply(pair).sync(source, destination, pair, gmail, observed, removals);
      }

      @Override
      public OptionalInt deletionCeiling() {
        return ceiling;
      }

      @Override
      public Set<Long> plannedRemovals(SessionProvider source, SessionProvider destination,
          FolderPair pair, Optional<ObservedStatus> observed) {
        return engine.apply(pair).plannedRemovals(source, destination, pair, observed);
      }
    };
  }

  /**
   * The most removals one apply run may make ({@code messages.deletion-ceiling}) in mirror mode;
   * empty when nothing is ever removed.
   */
  static OptionalInt deletionCeiling(Plan plan) {
    return plan.messages().deletions() == MessageRules.Deletions.MIRROR
        ? OptionalInt.of(plan.messages().deletionCeiling()) : OptionalInt.empty();
  }

  /** Each account's folder checks, retried as its folder syncs are. */
  static FolderVerifier verifier(Plan plan, StateStore state, Sleeper sleeper) {
    Map<String, Integer> retries = retries(plan);
    return new FolderVerifier(state.sync(),
        account -> retries.getOrDefault(account, Server.Limits.DEFAULT.retries()),
        backoff(sleeper));
  }

  /**
   * Retries of everything else an account does on IMAP (observing, creating and subscribing
   * folders): as often as its folder syncs, with the same backoff.
   */
  static Retries stepRetries(Plan plan, Sleeper sleeper) {
    return new Retries(retries(plan), Server.Limits.DEFAULT.retries(), backoff(sleeper));
  }

  private static ExponentialBackoff backoff(Sleeper sleeper) {
    return new ExponentialBackoff(BACKOFF_BASE, BACKOFF_CAP, sleeper::sleep,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Per account id: the larger {@code limits.retries} of its source and destination server. */
  static Map<String, Integer> retries(Plan plan) {
    Map<String, Integer> out = new HashMap<>();
    for (Account a : plan.accounts()) {
      out.put(a.id(), Math.max(plan.server(a.source().server()).limits().retries(),
          plan.server(a.destination().server()).limits().retries()));
    }
    return out;
  }

  static SyncOptions options(Plan plan, int retries) {
    MessageRules m = plan.messages();
    return new SyncOptions(m.maxSize(), m.copyDeleted(), m.deletions() == MessageRules.Deletions.MIRROR,
        m.deletionCeiling(), retries, new Selection(m.maxAge(), m.minAge(), m.since(), m.before(),
            m.minSize(), m.search()));
  }
}
