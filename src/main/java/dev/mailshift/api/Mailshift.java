package dev.mailshift.api;

import dev.mailshift.apply.AccountScanner;
import dev.mailshift.apply.AccountTarget;
import dev.mailshift.apply.Applier;
import dev.mailshift.apply.ApplyListener;
import dev.mailshift.apply.ApplyOutcome;
import dev.mailshift.apply.ApplyRequest;
import dev.mailshift.apply.ApplyStoppedException;
import dev.mailshift.apply.Failures;
import dev.mailshift.apply.SessionPool;
import dev.mailshift.change.ChangeSet;
import dev.mailshift.plan.Phase;
import dev.mailshift.plan.Plan;
import dev.mailshift.planner.AccountObservation;
import dev.mailshift.planner.Planner;
import dev.mailshift.state.RunLock;
import dev.mailshift.state.StateLockedException;
import dev.mailshift.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The facade: one method per verb, each returning a result record. Nothing here prints or exits;
 * every failure is a {@link MailshiftException} with its {@link ErrorCode}. A program can use
 * mailshift as a library through this class alone.
 */
public final class Mailshift {
  private final Plans plans;

  public Mailshift(Environment env) {
    this.plans = new Plans(env);
  }

  /** Checks a plan; with {@code secrets}, also resolves every secret reference. */
  public ValidateResult validate(Path planFile, boolean secrets) {
    return plans.validate(planFile, secrets);
  }

  /** Observes both sides read-only and returns what {@code apply} would do. */
  public PlanResult plan(Path planFile, Optional<String> phaseName) {
    Plan plan = plans.loadForRun(planFile);
    Phase phase = plans.phase(plan, phaseName);
    List<AccountTarget> targets = plans.targets(plan, phase, false);
    try (StateStore state = openState(plan); SessionPool pool = plans.pool(plan)) {
      Plans.remember(state, plan);
      AccountScanner scanner = new AccountScanner(pool);
      var engine = Engines.folderEngine(plan, state, ApplyListener.NONE);
      List<AccountObservation> observed = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      List<String> conflicts = new ArrayList<>();
      for (AccountTarget t : targets) {
        try {
          AccountObservation o = scanner.scan(t, true, engine);
          observed.add(o);
          o.folderMap().conflicts().forEach(c -> conflicts.add(t.id() + ": " + c));
        } catch (RuntimeException e) {
          problems.add(t.id() + ": " + Failures.explain(e));
        }
      }
      stopIf(ApplyStoppedException.Reason.CANNOT_OBSERVE, problems);
      stopIf(ApplyStoppedException.Reason.FOLDER_CONFLICT, conflicts);
      ChangeSet set = new Planner().plan(plan.name(), plan.source().sha256(), phase, observed);
      return new PlanResult(set, observed);
    }
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
    List<AccountTarget> targets = plans.targets(plan, phase, true);
    try (StateStore state = openState(plan);
        RunLock lock = lock(state, "apply " + planFile + " --phase " + phase.name());
        SessionPool pool = plans.pool(plan)) {
      Plans.remember(state, plan);
      Applier applier = new Applier(pool, Engines.folderEngine(plan, state, listener),
          Engines.verifier(state), new StateJournal(state.journal()), listener,
          plans.workers(plan));
      ApplyRequest request = new ApplyRequest(plan.name(), plan.source().sha256(), phase,
          "apply", targets, saved);
      ApplyOutcome outcome = run(applier, request);
      return new ApplyResult(phase.name(), state.file(), outcome);
    }
  }

  /** What ran, when, with what outcome; per-folder progress; mail not copied. */
  public StatusResult status(Path planFile, int runs) {
    Plan plan = plans.load(planFile);
    Path file = plan.state().path();
    if (!Files.exists(file)) {
      return new StatusResult(file, Optional.empty(), List.of(), List.of(), List.of(), List.of());
    }
    try (StateStore state = openState(plan)) {
      return Status.read(state, plan.accounts().stream().map(a -> a.id()).toList(), runs);
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
          "Add a `folders.map` or `folders.rename` rule so each source folder has its own destination.", e);
      case STALE -> new MailshiftException(ErrorCode.PLAN_STALE,
          "the saved plan is stale; nothing was changed:\n  " + list, null, e);
    };
  }

  private static void checkSavedMatches(ChangeSet saved, Plan plan, Phase phase) {
    if (!saved.planName().equals(plan.name()) || !saved.phase().equals(phase.name())) {
      throw new MailshiftException(ErrorCode.PLAN_STALE,
          "the saved plan is for plan '" + saved.planName() + "' phase '" + saved.phase()
              + "', not '" + plan.name() + "' phase '" + phase.name() + "'");
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
