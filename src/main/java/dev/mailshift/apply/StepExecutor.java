package dev.mailshift.apply;

import dev.mailshift.sync.FolderVerification;
import dev.mailshift.sync.FolderVerifier;
import dev.mailshift.state.StepStatus;
import dev.mailshift.change.Change;
import dev.mailshift.change.CheckDns;
import dev.mailshift.change.SetDnsRecords;
import dev.mailshift.change.CreateFolder;
import dev.mailshift.change.Preflight;
import dev.mailshift.change.Subscribe;
import dev.mailshift.change.SyncFolder;
import dev.mailshift.change.VerifyAccount;
import dev.mailshift.imap.ImapException;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.planner.AccountObservation;
import dev.mailshift.planner.MappedFolder;
import dev.mailshift.sync.FolderPair;
import dev.mailshift.sync.FolderSyncResult;
import dev.mailshift.sync.GmailFolder;
import dev.mailshift.sync.ObservedStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executes one step with its journal entry around it: the entry is written before the step
 * starts and finished after, so a kill leaves a RUNNING entry that the next run sees. Failures
 * are caught here, once, and become a FAILED entry with the reason in plain words.
 */
final class StepExecutor {
  record Services(
      SessionPool pool,
      FolderEngine engine,
      FolderVerifier verifier,
      Journal journal,
      ApplyListener listener,
      Retries retries) {}

  private final Services s;
  private final long runId;
  private final Map<String, AccountTarget> targets;
  private final Map<String, AccountScanner.Scanned> observed;
  private final RunRemovals removals;

  StepExecutor(
      Services services,
      long runId,
      Map<String, AccountTarget> targets,
      Map<String, AccountScanner.Scanned> observed,
      RunRemovals removals) {
    this.s = services;
    this.runId = runId;
    this.targets = targets;
    this.observed = observed;
    this.removals = removals;
  }

  StepResult execute(Change change) {
    long entry = s.journal().stepStarted(runId, change);
    s.listener().stepStarted(change);
    StepResult result;
    try {
      result = switch (change) {
        case Preflight p -> StepResult.of(p, StepStatus.SUCCEEDED,
            p.findings().isEmpty() ? "both sides reachable" : String.join("; ", p.findings()));
        case CreateFolder c -> create(c);
        case SyncFolder f -> sync(f);
        case Subscribe sub -> subscribe(sub);
        case VerifyAccount v -> verify(v);
        case SetDnsRecords d -> throw new IllegalStateException("DNS steps run in DnsExecutor");
        case CheckDns d -> throw new IllegalStateException("DNS steps run in DnsExecutor");
      };
    } catch (RuntimeException e) {
      result = StepResult.of(change, StepStatus.FAILED, Failures.describe(e));
    }
    s.journal().stepFinished(entry, result.status(), result.detail());
    s.listener().stepFinished(change, result.status(), result.detail());
    return result;
  }

  StepResult skip(Change change, String why) {
    long entry = s.journal().stepStarted(runId, change);
    s.journal().stepFinished(entry, StepStatus.SKIPPED, why);
    s.listener().stepFinished(change, StepStatus.SKIPPED, why);
    return StepResult.of(change, StepStatus.SKIPPED, why);
  }

  private StepResult create(CreateFolder c) {
    String[] outcome = {""};
    try {
      onDestination(c.account(), "create " + c.destinationFolder(), session -> {
        if (c.specialUse().isEmpty()) {
          session.create(c.destinationFolder());
          return;
        }
        boolean marked = session.createSpecialUse(c.destinationFolder(), c.specialUse());
        outcome[0] = marked ? " as " + c.specialUse()
            : !session.info().has("CREATE-SPECIAL-USE")
                ? "; not marked " + c.specialUse() + ": the destination does not offer"
                    + " CREATE-SPECIAL-USE (RFC 6154)"
                : "; not marked " + c.specialUse() + ": the destination refused the attribute"
                    + " or the folder existed";
      });
    } catch (ImapException e) {
      if (e.kind() != ImapException.Kind.REJECTED) {
        throw e;
      }
      // A name the destination cannot hold fails the same way on every re-run: say how to
      // give the folder another name instead of "run apply again".
      return StepResult.of(c, StepStatus.FAILED, Failures.describe(e)
          + "; fix: give source folder '" + c.sourceFolder() + "' a name the destination accepts"
          + " with a `folders.map` or `folders.rename` rule, or leave it out with"
          + " `folders.exclude`");
    }
    return StepResult.of(c, StepStatus.SUCCEEDED, "created " + c.destinationFolder() + outcome[0]);
  }

  private StepResult subscribe(Subscribe c) {
    onDestination(c.account(), "subscribe " + c.destinationFolder(),
        session -> session.subscribe(c.destinationFolder()));
    return StepResult.of(c, StepStatus.SUCCEEDED, "subscribed " + c.destinationFolder());
  }

  /**
   * Runs {@code action} on a destination session of the account; after a dropped or throttled
   * session, again on a new one (CREATE and SUBSCRIBE are safe to repeat: a folder that exists
   * already counts as created).
   */
  private void onDestination(String account, String what,
      java.util.function.Consumer<ImapSession> action) {
    s.retries().run(account, what, () -> {
      PooledSessions destination = destination(account);
      boolean healthy = false;
      try {
        action.accept(destination.get());
        healthy = true;
      } finally {
        destination.release(healthy);
      }
    });
  }

  private StepResult sync(SyncFolder f) {
    FolderPair pair = new FolderPair(f.account(), f.sourceFolder(), f.destinationFolder());
    PooledSessions source = source(f.account());
    PooledSessions destination = destination(f.account());
    boolean healthy = false;
    try {
      AccountScanner.Scanned scanned = observed.get(f.account());
      Optional<ObservedStatus> seen = scanned == null ? Optional.empty()
          : Optional.ofNullable(scanned.statuses().get(f.sourceFolder()));
      GmailFolder gmail = scanned == null ? GmailFolder.NONE
          : scanned.observation().gmail().of(f.sourceFolder());
      FolderSyncResult r = s.engine().sync(source, destination, pair, gmail, seen,
          removals.of(pair));
      healthy = true;
      String detail = "copied " + r.copied() + " (" + r.bytesCopied() + " bytes), adopted "
          + r.adopted() + ", flags updated " + r.flagsUpdated() + ", deleted " + r.deleted()
          + ", skipped " + r.skipped().size()
          + (r.rejectedKeywords().isEmpty() ? "" : ", keywords refused " + r.rejectedKeywords())
          + (r.warnings().isEmpty() ? "" : "; " + String.join("; ", r.warnings()));
      return new StepResult(f, StepStatus.SUCCEEDED, detail, Optional.of(r), List.of());
    } finally {
      source.release(healthy);
      destination.release(healthy);
    }
  }

  private StepResult verify(VerifyAccount v) {
    AccountObservation o = observed.get(v.account()).observation();
    PooledSessions source = source(v.account());
    PooledSessions destination = destination(v.account());
    boolean healthy = false;
    try {
      List<FolderVerification> checks = new ArrayList<>();
      for (MappedFolder f : o.folderMap().migrated()) {
        FolderPair pair = new FolderPair(v.account(), f.sourceFolder(), f.destinationFolder());
        checks.add(s.verifier().verify(source, destination, pair));
      }
      healthy = true;
      List<FolderVerification> short_ = checks.stream().filter(FolderVerification::shortfall).toList();
      String detail = short_.isEmpty()
          ? checks.size() + " folders match"
          : short_.size() + " of " + checks.size() + " folders short: " + short_.stream()
              .map(c -> c.pair().sourceFolder() + " missing "
                  + (c.expectedMessages() - c.destinationMessages())).toList();
      StepStatus status =
          short_.isEmpty() ? StepStatus.SUCCEEDED : StepStatus.FAILED;
      return new StepResult(v, status, detail, Optional.empty(), checks);
    } finally {
      source.release(healthy);
      destination.release(healthy);
    }
  }


  private PooledSessions source(String account) {
    return new PooledSessions(s.pool(), targets.get(account).source());
  }

  private PooledSessions destination(String account) {
    return new PooledSessions(s.pool(), targets.get(account).destination());
  }
}
