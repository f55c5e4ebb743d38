package dev.mailshift.api;

import dev.mailshift.apply.AccountScanner;
import dev.mailshift.apply.AccountTarget;
import dev.mailshift.apply.Applier;
import dev.mailshift.apply.ApplyListener;
import dev.mailshift.apply.ApplyOutcome;
import dev.mailshift.apply.ApplyRequest;
import dev.mailshift.apply.ApplyStoppedException;
import dev.mailshift.apply.DnsPhase;
import dev.mailshift.apply.DnsRequest;
import dev.mailshift.apply.DnsZone;
import dev.mailshift.apply.Failures;
import dev.mailshift.apply.FolderNameRefusedException;
import dev.mailshift.apply.SessionPool;
import dev.mailshift.change.ChangeSet;
import dev.mailshift.plan.Phase;
import dev.mailshift.plan.Plan;
import dev.mailshift.planner.AccountObservation;
import dev.mailshift.planner.DnsPlan;
import dev.mailshift.planner.Planner;
import dev.mailshift.planner.Staleness;
import dev.mailshift.state.AccountBinding;
import dev.mailshift.state.BindingCheck;
import dev.mailshift.state.Rebinding;
import dev.mailshift.state.RunLock;
import dev.mailshift.state.StateLockedException;
import dev.mailshift.state.SkipTotal;
import dev.mailshift.state.StateStore;
import dev.mailshift.sync.SearchRefusedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The facade: one method per verb, each returning a result record. Nothing here prints or exits;
 * every failure is a {@link MailshiftException} with its {@link ErrorCode}. A program can use
 * mailshift as a library through this class alone.
 */
public final class Mailshift {
  private final Plans plans;
  private final Environment env;
  private final Clock clock;

  public Mailshift(Environment env) {
    this.plans = new Plans(env);
    this.env = env;
    this.clock = env.clock();
  }

  /** Checks a plan; with {@code secrets}, also resolves every secret reference. */
  public ValidateResult validate(Path planFile, boolean secrets) {
    return plans.validate(planFile, secrets);
  }

  /**
   * Observes both sides read-only (and, for DNS steps, every authoritative server of the zone)
   * and returns what {@code apply} would do.
   */
  public PlanResult plan(Path planFile, Optional<String> phaseName) {
    Plan plan = plans.loadForRun(planFile);
    Phase phase = plans.phase(plan, phaseName);
    List<AccountTarget> targets = phase.hasAccountSteps() ? plans.targets(plan, phase, false)
        : List.of();
    try (StateStore state = openState(plan); SessionPool pool = plans.pool(plan)) {
      Plans.remember(state, plan);
      AccountScanner scanner = new AccountScanner(pool, Engines.stepRetries(plan, env.sleeper()));
      List<AccountBinding> bindings = StateBindings.ofTargets(plan, targets);
      List<BindingCheck> checks = StateBindings.check(state, bindings);
      // Diff as apply will sync: without the state of accounts it will set aside.
      var engine = Engines.folderEngine(plan,
          state.syncSettingAside(StateBindings.setAside(checks)), ApplyListener.NONE, clock,
          env.sleeper());
      List<AccountObservation> observed = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      List<String> conflicts = new ArrayList<>();
      List<String> searches = new ArrayList<>();
      for (AccountTarget t : targets) {
        try {
          AccountObservation o = scanner.scan(t, true, engine);
          observed.add(o);
          o.folderMap().conflicts().forEach(c -> conflicts.add(t.id() + ": " + c));
        } catch (SearchRefusedException e) {
          searches.add(t.id() + ": " + e.getMessage());
        } catch (FolderNameRefusedException e) {
          conflicts.addAll(e.lines());
        } catch (RuntimeException e) {
          problems.add(t.id() + ": " + Failures.explain(e));
        }
      }
      if (!searches.isEmpty()) {
        throw new MailshiftException(ErrorCode.PLAN_INVALID, plan.source().file()
            + ": messages.search is not a search the source understands; nothing was changed:\n  "
            + String.join("\n  ", searches),
            "Correct messages.search (RFC 3501 6.4.4 syntax), then run `mailshift plan` again.");
      }
      stopIf(ApplyStoppedException.Reason.CANNOT_OBSERVE, problems);
      if (!conflicts.isEmpty()) {
        MailshiftException e = translate(new ApplyStoppedException(
            ApplyStoppedException.Reason.FOLDER_CONFLICT, conflicts));
        throw new FolderConflictException(e.getMessage(), e.hint(), observed, e.getCause());
      }
      Optional<DnsPlan> dns = Optional.empty();
      if (phase.hasDnsSteps()) {
        DnsPhase dnsPhase = new DnsPhase(new DnsSetup(env).request(plan, state, false,
            line -> { }));
        dns = Optional.of(dnsPhase.plan(phase, run(dnsPhase::observe)));
      }
      return result(plan, phase, observed, dns, checks, engine.deletionCeiling());
    }
  }

  /**
   * The plan of a phase from what was observed: the change set (with the mailboxes each
   * account's state is bound to, {@code checks} in the order of the accounts) and the rate limits
   * of the servers those accounts use. Pure: the part of {@link #plan} after observing.
   */
  static PlanResult result(Plan plan, Phase phase, List<AccountObservation> observed,
      Optional<DnsPlan> dns, List<BindingCheck> checks, OptionalInt deletionCeiling) {
    List<AccountBinding> bindings = checks.stream().map(BindingCheck::wanted).toList();
    ChangeSet set = new Planner().plan(plan.name(), plan.source().sha256(), phase, observed,
        dns).withAccountFingerprints(AccountFingerprints.of(plan, bindings));
    return new PlanResult(set, observed, dns, rateLimits(plan, bindings), deletionCeiling,
        checks);
  }

  /**
   * Runs a phase. With {@code savedPlan}, executes that saved change set after checking it is not
   * stale. Only one apply runs per state file at a time.
   */
  public ApplyResult apply(
      Path planFile,
      Optional<String> phaseName,
      Optional<Path> savedPlan,
      boolean approve,
      ApplyListener listener) {
    return apply(planFile, phaseName, savedPlan, approve, false, listener);
  }

  /**
   * Runs a phase, as {@link #apply(Path, Optional, Optional, boolean, ApplyListener)}; DNS
   * changes that need confirmation (the MX set replaced, SPF -all, a stricter DMARC policy, too
   * large a share of the managed records) run only with {@code confirm} or in an approved phase
   * with {@code gate: approval}.
   */
  public ApplyResult apply(
      Path planFile,
      Optional<String> phaseName,
      Optional<Path> savedPlan,
      boolean approve,
      boolean confirm,
      ApplyListener listener) {
    Plan plan = plans.loadForRun(planFile);
    Phase phase = plans.phase(plan, savedPlan.isPresent() && phaseName.isEmpty()
        ? Optional.of(PlanFile.read(savedPlan.get()).phase()) : phaseName);
    if (phase.gate() == Phase.Gate.APPROVAL && !approve) {
      throw new MailshiftException(ErrorCode.USAGE,
          "phase '" + phase.name() + "' has `gate: approval` and was not approved",
          "Review `mailshift plan " + planFile + " --phase " + phase.name()
              + "`, then run apply again with --approve.");
    }
    Optional<ChangeSet> saved = savedPlan.map(PlanFile::read);
    saved.ifPresent(s -> checkSavedMatches(s, plan, phase));
    saved.ifPresent(s -> checkSavedMailboxes(s, plan, phase));
    List<AccountTarget> targets = phase.hasAccountSteps() ? plans.targets(plan, phase, true)
        : List.of();
    try (StateStore state = openState(plan);
        RunLock lock = lock(state, "apply " + planFile + " --phase " + phase.name());
        SessionPool pool = plans.pool(plan)) {
      Plans.remember(state, plan);
      Optional<DnsRequest> dns = phase.hasDnsSteps()
          ? Optional.of(new DnsSetup(env).request(plan, state,
              confirm || phase.gate() == Phase.Gate.APPROVAL, listener::instructions))
          : Optional.empty();
      List<Rebinding> rebound = new ArrayList<>();
      Applier applier = new Applier(pool, Engines.folderEngine(plan, state, listener, clock,
              env.sleeper()),
          Engines.verifier(plan, state, env.sleeper()), new StateJournal(state), listener,
          plans.workers(plan), Engines.stepRetries(plan, env.sleeper()),
          StateBindings.binder(plan, state, rebound));
      ApplyRequest request = new ApplyRequest(plan.name(), plan.source().sha256(), phase,
          "apply", targets, saved, dns);
      ApplyOutcome outcome = run(applier, request);
      SkipTotal still = targets.stream().map(t -> state.sync().skipTotal(t.id()))
          .reduce(SkipTotal.NONE, SkipTotal::plus);
      return new ApplyResult(phase.name(), state.file(), outcome, rebound,
          new ApplyResult.StillNotCopied(still.messages(), still.bytes()));
    }
  }

  /**
   * What ran, when, with what outcome; per-folder progress; mail not copied; for a plan with a
   * {@code dns:} section, the recorded TTL lowerings and from when the MX switch may happen. Reads
   * the state store only.
   */
  public StatusResult status(Path planFile, int runs) {
    Plan plan = plans.load(planFile);
    Path file = plan.state().path();
    if (!Files.exists(file)) {
      StatusResult empty = new StatusResult(file, Optional.empty(), List.of(), List.of(),
          List.of(), List.of());
      return plan.dns().map(d -> empty.withDns(Status.dns(d, List.of(), env.clock())))
          .orElse(empty);
    }
    try (StateStore state = openState(plan)) {
      StatusResult r = Status.read(state, plan.accounts().stream()
          .map(a -> StateBindings.of(plan, a)).toList(), runs);
      return plan.dns().map(d -> r.withDns(Status.dns(d, state.dns().lowerings(d.zone()),
          env.clock()))).orElse(r);
    }
  }

  /**
   * Restores the DNS RRsets that apply runs changed, newest change first: those of run {@code
   * run}, of the runs of phase {@code phase}, or of every run. Each restore is a compare-and-swap
   * against what mailshift wrote, so a record changed by someone since is left alone and reported
   * pending. Safe to run again.
   */
  public RollbackResult rollback(Path planFile, Optional<Long> run, Optional<String> phase,
      Consumer<String> instructions) {
    Plan plan = plans.load(planFile);
    String zone = DnsSetup.section(plan).zone();
    phase.ifPresent(p -> plans.phase(plan, phase));
    try (StateStore state = openState(plan);
        RunLock lock = lock(state, "rollback " + planFile)) {
      Rollback rollback = new Rollback(state.journal());
      java.util.Set<Long> runs = new java.util.LinkedHashSet<>();
      var records = rollback.select(zone, run, phase, runs);
      if (records.isEmpty()) {
        return new RollbackResult(zone, List.of(), List.of(), List.of(), Optional.empty(),
            List.of());
      }
      DnsZone connected = new DnsSetup(env).connect(plan, instructions);
      long runId = state.journal().startRun(plan.name(), plan.source().sha256(),
          phase.orElse(run.map(n -> "run " + n).orElse("all")), "rollback");
      return rollback.run(connected, records, List.copyOf(runs), runId);
    }
  }

  /** The rate limits of the servers the accounts of {@code bindings} use, where any is set. */
  private static List<PlanResult.RateLimit> rateLimits(Plan plan,
      List<AccountBinding> bindings) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    bindings.forEach(b -> ids.add(b.account()));
    java.util.Set<String> used = new java.util.LinkedHashSet<>();
    plan.accounts().stream().filter(a -> ids.contains(a.id())).forEach(a -> {
      used.add(a.source().server());
      used.add(a.destination().server());
    });
    return plan.servers().values().stream()
        .filter(s -> used.contains(s.name()))
        .filter(s -> s.limits().bytesPerSecond() > 0 || s.limits().messagesPerSecond() > 0)
        .map(s -> new PlanResult.RateLimit(s.name(), s.limits().bytesPerSecond(),
            s.limits().messagesPerSecond()))
        .toList();
  }

  private static <T> T run(java.util.function.Supplier<T> observe) {
    try {
      return observe.get();
    } catch (ApplyStoppedException e) {
      throw translate(e);
    }
  }

  private static ApplyOutcome run(Applier applier, ApplyRequest request) {
    try {
      return applier.run(request);
    } catch (ApplyStoppedException e) {
      throw translate(e);
    }
  }

  private static void stopIf(ApplyStoppedException.Reason reason, List<String> problems) {
    if (!problems.isEmpty()) {
      throw translate(new ApplyStoppedException(reason, problems));
    }
  }

  private static MailshiftException translate(ApplyStoppedException e) {
    String list = String.join("\n  ", e.problems());
    return switch (e.reason()) {
      case CANNOT_OBSERVE -> new MailshiftException(ErrorCode.CANNOT_OBSERVE,
          "cannot reach every account; nothing was changed:\n  " + list, null, e);
      case FOLDER_CONFLICT -> new MailshiftException(ErrorCode.PLAN_INVALID,
          "the folder map has conflicts; nothing was changed:\n  " + list,
          "Each line says what to change: a `folders.map` or `folders.rename` rule giving a"
              + " folder its own name, or `folders.merge: true` where merging is intended.", e);
      case STALE -> new MailshiftException(ErrorCode.PLAN_STALE,
          "the saved plan is stale; nothing was changed:\n  " + list, null, e);
      case NEEDS_CONFIRMATION -> new MailshiftException(ErrorCode.USAGE,
          "these DNS changes need confirmation; nothing was changed:\n  " + list,
          "Review them with `mailshift plan`, then run apply again with --confirm.", e);
      case MX_GATE -> new MailshiftException(ErrorCode.APPLY_FAILED,
          list + "\nNothing was changed.", "Run apply again after that moment;"
              + " `mailshift status` shows it.", e);
      case DELETION_CEILING -> new MailshiftException(ErrorCode.APPLY_FAILED,
          e.problems().getFirst() + "; nothing was changed (nothing copied, nothing removed):\n  "
              + String.join("\n  ", e.problems().subList(1, e.problems().size())),
          e.hint(), e);
    };
  }

  private static void checkSavedMatches(ChangeSet saved, Plan plan, Phase phase) {
    if (!saved.planName().equals(plan.name()) || !saved.phase().equals(phase.name())) {
      throw new MailshiftException(ErrorCode.PLAN_STALE,
          "the saved plan is for plan '" + saved.planName() + "' phase '" + saved.phase()
              + "', not '" + plan.name() + "' phase '" + phase.name() + "'");
    }
  }

  /**
   * A saved plan made against other mailboxes (servers or users; a CSV of accounts can change
   * users without changing the plan file) describes other mailboxes, and one made with other
   * folder rules (a CSV row's folder-profile) other destination folders: stale, before any server
   * is contacted.
   */
  private static void checkSavedMailboxes(ChangeSet saved, Plan plan, Phase phase) {
    List<String> accounts = Plans.accounts(plan, phase).stream().map(a -> a.id()).toList();
    List<String> drift = Staleness.accountDifferences(saved,
        AccountFingerprints.of(plan, StateBindings.of(plan, accounts)));
    if (!drift.isEmpty()) {
      throw new MailshiftException(ErrorCode.PLAN_STALE,
          "the saved plan is stale; nothing was changed:\n  " + String.join("\n  ", drift));
    }
  }

  private static StateStore openState(Plan plan) {
    try {
      return StateStore.open(plan.state().path());
    } catch (RuntimeException e) {
      throw new MailshiftException(ErrorCode.USAGE,
          "cannot open the state store " + plan.state().path() + ": " + Failures.describe(e),
          "Check that the directory is writable, or set `state.path` in the plan.", e);
    }
  }

  private static RunLock lock(StateStore state, String command) {
    try {
      return state.lock(command);
    } catch (StateLockedException e) {
      throw new MailshiftException(ErrorCode.STATE_LOCKED, e.getMessage(), null, e);
    }
  }
}
