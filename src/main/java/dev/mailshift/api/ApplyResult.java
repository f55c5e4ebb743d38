package dev.mailshift.api;

import dev.mailshift.state.StepStatus;
import dev.mailshift.apply.ApplyOutcome;
import dev.mailshift.state.Rebinding;
import dev.mailshift.sync.FolderVerification;
import dev.mailshift.apply.StepResult;
import dev.mailshift.change.VerifyAccount;
import dev.mailshift.sync.FolderSyncResult;
import dev.mailshift.sync.SkippedMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@code apply}: every step's result, and the totals.
 *
 * @param rebindings the accounts whose earlier sync state was set aside before the first step,
 *     because it described other mailboxes than the plan's
 * @param stillNotCopied what the state store lists as not copied for the run's accounts once the
 *     run is over, from this run and earlier ones ({@code status} lists them); the run's own
 *     {@link #skipped} are only what it decided itself
 */
public record ApplyResult(String phase, Path stateFile, ApplyOutcome outcome,
    List<Rebinding> rebindings, StillNotCopied stillNotCopied) {
  public ApplyResult {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(outcome, "outcome");
    rebindings = List.copyOf(rebindings);
    Objects.requireNonNull(stillNotCopied, "stillNotCopied");
  }

  public ApplyResult(String phase, Path stateFile, ApplyOutcome outcome,
      List<Rebinding> rebindings) {
    this(phase, stateFile, outcome, rebindings, StillNotCopied.NONE);
  }

  public ApplyResult(String phase, Path stateFile, ApplyOutcome outcome) {
    this(phase, stateFile, outcome, List.of());
  }

  /** Messages recorded as not copied, and their bytes. */
  public record StillNotCopied(long messages, long bytes) {
    public static final StillNotCopied NONE = new StillNotCopied(0, 0);
  }

  public List<FolderSyncResult> syncs() {
    return outcome.steps().stream().map(StepResult::sync).flatMap(Optional::stream).toList();
  }

  public List<FolderVerification> checks() {
    return outcome.steps().stream().flatMap(s -> s.checks().stream()).toList();
  }

  public List<SkippedMessage> skipped() {
    return syncs().stream().flatMap(s -> s.skipped().stream()).toList();
  }

  /** Failed steps other than verification. */
  public List<StepResult> failures() {
    return outcome.failed().stream().filter(s -> !(s.change() instanceof VerifyAccount)).toList();
  }

  /** Failed verifications (a shortfall somewhere). */
  public List<StepResult> shortfalls() {
    return outcome.failed().stream().filter(s -> s.change() instanceof VerifyAccount).toList();
  }

  public long copied() {
    return syncs().stream().mapToLong(FolderSyncResult::copied).sum();
  }

  public long bytesCopied() {
    return syncs().stream().mapToLong(FolderSyncResult::bytesCopied).sum();
  }

  public long count(StepStatus status) {
    return outcome.steps().stream().filter(s -> s.status() == status).count();
  }
}
