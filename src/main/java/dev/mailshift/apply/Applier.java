package dev.mailshift.apply;

import dev.mailshift.sync.FolderVerifier;
import dev.mailshift.state.StepStatus;
import dev.mailshift.state.RunOutcome;
import dev.mailshift.change.Change;
import dev.mailshift.change.ChangeSet;
import dev.mailshift.change.CheckDns;
import dev.mailshift.change.SetDnsRecords;
import dev.mailshift.planner.DnsObservation;
import dev.mailshift.change.CreateFolder;
import dev.mailshift.change.FolderFingerprint;
import dev.mailshift.change.Preflight;
import dev.mailshift.change.Subscribe;
import dev.mailshift.change.SyncFolder;
import dev.mailshift.change.VerifyAccount;
import dev.mailshift.planner.AccountObservation;
import dev.mailshift.planner.Planner;
import dev.mailshift.planner.Staleness;
import dev.mailshift.sync.ObservedStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Runs a phase: observes every account first (any login or listing failure stops the run before
 * anything changes), plans afresh or checks a saved plan for staleness; in mirror mode counts the
 * removals of every folder of the run and stops if they exceed the deletion ceiling; then
 * executes the steps in three stages: preflight and folder creation per account; folder syncs in
 * parallel across all accounts; subscriptions and verification per account. A failed step does not stop other
 * accounts' or folders' steps; an account whose folder creation failed skips its later steps.
 *
 * <p>DNS steps run where the phase puts them, one at a time ({@link DnsExecutor}); the zone is
 * observed with the accounts, and an MX switch that comes too early, or risky DNS changes without
 * confirmation, stop the run before anything changes. A DNS step runs only if every step before
 * it succeeded, and a failed DNS step stops the rest of the phase.
 */
public final class Applier {
  private final SessionPool pool;
  private final StepExecutor.Services services;
  private final Journal journal;
  private final ApplyListener listener;
  private final int workers;
  private final StateBinder binder;

  /**
   * @param retries how often an account's observation, folder creations and subscriptions are
   *     retried after a transient failure (folder syncs and checks retry inside {@code engine}
   *     and {@code verifier})
   */
  public Applier(
      SessionPool pool,
      FolderEngine engine,
      FolderVerifier verifier,
      Journal journal,
      ApplyListener listener,
      int workers,
      Retries retries,
      StateBinder binder) {
    this.binder = binder;
    this.pool = pool;
    this.services = new StepExecutor.Services(pool, engine, verifier, journal, listener, retries);
    this.journal = journal;
    this.listener = listener;
    this.workers = Math.max(1, workers);
  }

  public ApplyOutcome run(ApplyRequest request) {
    long runId = journal.startRun(
        request.planName(), request.planSha256(), request.phase().name(), request.command());
    try {
      ApplyOutcome outcome = runStages(runId, request);
      journal.finishRun(runId,
          outcome.succeeded() ? RunOutcome.SUCCEEDED : RunOutcome.FAILED,
          outcome.steps().size() + " steps, " + outcome.failed().size() + " failed");
      return outcome;
    } catch (RuntimeException e) {
      journal.finishRun(runId, RunOutcome.FAILED, Failures.describe(e));
      throw e;
    } finally {
      request.accounts().forEach(a -> pool.closeIdle(a.id()));
    }
  }

  private ApplyOutcome runStages(long runId, ApplyRequest request) {
    Map<String, AccountTarget> targets = new LinkedHashMap<>();
    request.accounts().forEach(a -> targets.put(a.id(), a));
    Map<String, AccountScanner.Scanned> scanned = observeAll(request);
    Map<String, AccountObservation> observed = new LinkedHashMap<>();
    scanned.forEach((id, sc) -> observed.put(id, sc.observation()));
    Optional<DnsPhase> dns = request.dns().filter(d -> request.phase().hasDnsSteps())
        .map(DnsPhase::new);
    Optional<DnsObservation> dnsSeen = dns.map(DnsPhase::observe);
    ChangeSet changes = request.saved().isPresent()
        ? checkedSaved(request, observed, dnsSeen)
        : new Planner().plan(request.planName(), request.planSha256(), request.phase(),
            List.copyOf(observed.values()), dns.map(d -> d.plan(request.phase(),
                dnsSeen.orElseThrow())));
    dns.ifPresent(d -> d.precheck(changes.changes(), dnsSeen.orElseThrow()));
    binder.bind(request.accounts());
    RunRemovals removals = RunRemovals.count(services.engine(), pool, workers,
        changes.changes().stream().filter(SyncFolder.class::isInstance)
            .map(SyncFolder.class::cast).toList(), targets, scanned, listener);
    announce(changes);
    StepExecutor executor = new StepExecutor(services, runId, targets, scanned, removals);
    Optional<DnsExecutor> dnsExecutor = request.dns().flatMap(d -> dnsSeen.map(seen ->
        new DnsExecutor(d, journal, listener, runId, seen.zone())));
    Set<String> broken = ConcurrentHashMap.newKeySet();
    List<StepResult> results = new ArrayList<>();
    for (List<Change> segment : segments(changes.changes())) {
      boolean failedBefore = results.stream().anyMatch(r -> r.status() == StepStatus.FAILED);
      if (isDns(segment.get(0))) {
        DnsExecutor runner = dnsExecutor.orElseThrow(() -> new IllegalStateException(
            "DNS steps without the plan's dns: section"));
        for (Change c : segment) {
          results.add(failedBefore ? runner.skip(c, "skipped: an earlier step failed")
              : runner.execute(c));
          failedBefore = failedBefore || results.getLast().status() == StepStatus.FAILED;
        }
      } else {
        ChangeSet part = new ChangeSet(changes.planName(), changes.planSha256(),
            changes.phase(), segment, changes.fingerprints());
        boolean dnsFailed = results.stream().anyMatch(r -> r.status() == StepStatus.FAILED
            && isDns(r.change()));
        results.addAll(dnsFailed ? segment.stream().map(c -> executor.skip(c,
            "skipped: a DNS step before it failed")).toList()
            : accountSteps(part, scanned, executor, broken));
      }
    }
    return new ApplyOutcome(runId, changes, results);
  }

  /** The three stages of account steps: preflight and creation, syncs, then verification. */
  private List<StepResult> accountSteps(ChangeSet changes,
      Map<String, AccountScanner.Scanned> scanned, StepExecutor executor, Set<String> broken) {
    List<StepResult> results = new ArrayList<>();
    results.addAll(perAccount(changes, c -> c instanceof Preflight || c instanceof CreateFolder,
        executor, broken));
    results.addAll(perStep(changes, c -> c instanceof SyncFolder, largestFirst(scanned), executor,
        broken));
    results.addAll(perAccount(changes, c -> c instanceof Subscribe || c instanceof VerifyAccount,
        executor, broken));
    return results;
  }

  private static boolean isDns(Change c) {
    return c instanceof SetDnsRecords || c instanceof CheckDns;
  }

  /** The changes cut where they switch between account and DNS steps, in order. */
  private static List<List<Change>> segments(List<Change> changes) {
    List<List<Change>> out = new ArrayList<>();
    for (Change c : changes) {
      if (out.isEmpty() || isDns(out.getLast().get(0)) != isDns(c)) {
        out.add(new ArrayList<>());
      }
      out.getLast().add(c);
    }
    return out;
  }

  private Map<String, AccountScanner.Scanned> observeAll(ApplyRequest request) {
    boolean fingerprints = request.saved().isPresent();
    AccountScanner scanner = new AccountScanner(pool, services.retries());
    Map<String, AccountScanner.Scanned> observed = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    Parallel.forEach(workers, request.accounts(), a -> scanner.scanWithStatuses(a, fingerprints))
        .forEach((account, attempt) -> attempt.ifPresentOrElse(
            sc -> {
              observed.put(account.id(), sc);
              sc.observation().folderMap().conflicts()
                  .forEach(c -> conflicts.add(account.id() + ": " + c));
            },
            e -> {
              if (e instanceof FolderNameRefusedException refused) {
                conflicts.addAll(refused.lines());
              } else {
                problems.add(account.id() + ": " + Failures.explain(e));
              }
            }));
    if (!problems.isEmpty()) {
      throw new ApplyStoppedException(ApplyStoppedException.Reason.CANNOT_OBSERVE, problems);
    }
    if (!conflicts.isEmpty()) {
      throw new ApplyStoppedException(ApplyStoppedException.Reason.FOLDER_CONFLICT, conflicts);
    }
    return observed;
  }

  private static ChangeSet checkedSaved(ApplyRequest request,
      Map<String, AccountObservation> observed, Optional<DnsObservation> dnsSeen) {
    ChangeSet saved = request.saved().orElseThrow();
    List<FolderFingerprint> now = new ArrayList<>();
    for (AccountObservation o : observed.values()) {
      o.folderMap().migrated().forEach(f -> {
        Long v = o.sourceUidValidity().get(f.sourceFolder());
        if (v != null) {
          now.add(new FolderFingerprint(o.account(), f.sourceFolder(), v));
        }
      });
    }
    List<String> drift = new ArrayList<>(Staleness.differences(saved, request.planSha256(), now));
    dnsSeen.ifPresent(o -> drift.addAll(DnsPhase.drift(saved, o)));
    if (!drift.isEmpty()) {
      throw new ApplyStoppedException(ApplyStoppedException.Reason.STALE, drift);
    }
    return saved;
  }

  private void announce(ChangeSet changes) {
    long messages = 0;
    long bytes = 0;
    for (Change c : changes.changes()) {
      if (c instanceof SyncFolder s && s.messagesToCopy() > 0) {
        messages += s.messagesToCopy();
        bytes += s.bytesToCopy();
      }
    }
    listener.workPlanned(changes.changes().size(), messages, bytes);
  }

  /** Runs the matching steps of each account in order, accounts in parallel. */
  private List<StepResult> perAccount(
      ChangeSet changes, Predicate<Change> which, StepExecutor executor, Set<String> broken) {
    List<String> accounts = changes.accounts();
    List<StepResult> out = new ArrayList<>();
    Parallel.forEach(workers, accounts, account -> {
      List<StepResult> mine = new ArrayList<>();
      for (Change c : changes.changesOf(account)) {
        if (which.test(c)) {
          mine.add(runOrSkip(c, executor, broken));
        }
      }
      return mine;
    }).values().forEach(a -> a.ifPresentOrElse(out::addAll, e -> {
      throw e;
    }));
    return out;
  }

  /**
   * Runs the folder syncs of all accounts in parallel, started in {@code order}, except that
   * syncs into one destination folder (merged source folders) run one after the other: two
   * writers on one destination folder could take each other's appends for their own when
   * settling an interrupted APPEND. Results come in the change set's order.
   */
  private List<StepResult> perStep(ChangeSet changes, Predicate<Change> which,
      Comparator<Change> order, StepExecutor executor, Set<String> broken) {
    List<Change> steps = changes.changes().stream().filter(which).toList();
    Map<String, List<Change>> byDestination = new LinkedHashMap<>();
    steps.stream().sorted(order).forEach(c -> byDestination.computeIfAbsent(
        c instanceof SyncFolder f ? f.account() + "\u0000" + f.destinationFolder() : c.id(),
        k -> new ArrayList<>()).add(c));
    Map<Change, StepResult> done = new HashMap<>();
    Parallel.forEach(workers, List.copyOf(byDestination.values()),
            group -> group.stream().map(c -> runOrSkip(c, executor, broken)).toList())
        .values().forEach(a -> a.ifPresentOrElse(rs -> rs.forEach(r -> done.put(r.change(), r)),
            e -> {
              throw e;
            }));
    List<StepResult> out = new ArrayList<>();
    for (Change c : steps) {
      out.add(done.get(c));
    }
    return out;
  }

  /**
   * Folders with the most source messages first (as LIST-STATUS saw them; unknown counts last):
   * the largest folder is the longest single task, and started last it would finish alone.
   */
  private static Comparator<Change> largestFirst(Map<String, AccountScanner.Scanned> scanned) {
    return Comparator.comparingLong((Change c) -> {
      if (c instanceof SyncFolder f && scanned.containsKey(f.account())) {
        ObservedStatus seen = scanned.get(f.account()).statuses().get(f.sourceFolder());
        return seen == null ? 0 : -seen.source().messages();
      }
      return 0;
    });
  }

  private static StepResult runOrSkip(Change c, StepExecutor executor, Set<String> broken) {
    if (broken.contains(c.account()) && !(c instanceof VerifyAccount)) {
      return executor.skip(c, "skipped: an earlier step of " + c.account() + " failed");
    }
    StepResult r = executor.execute(c);
    if (r.status() == StepStatus.FAILED
        && (c instanceof Preflight || c instanceof CreateFolder)) {
      broken.add(c.account());
    }
    return r;
  }
}
