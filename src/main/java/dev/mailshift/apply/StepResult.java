package dev.mailshift.apply;

import dev.mailshift.sync.FolderVerification;
import dev.mailshift.state.StepStatus;
import dev.mailshift.change.Change;
import dev.mailshift.dns.CheckFinding;
import dev.mailshift.sync.FolderSyncResult;
import java.util.Optional;

/**
 * How one step of an apply ended, with the sync or check result when it has one ({@code
 * dnsFindings}: the mail-authentication and server checks of dns-validate).
 */
public record StepResult(
    Change change,
    StepStatus status,
    String detail,
    Optional<FolderSyncResult> sync,
    java.util.List<FolderVerification> checks,
    java.util.List<CheckFinding> dnsFindings) {
  public StepResult {
    checks = java.util.List.copyOf(checks);
    dnsFindings = java.util.List.copyOf(dnsFindings);
  }

  public StepResult(Change change, StepStatus status, String detail,
      Optional<FolderSyncResult> sync, java.util.List<FolderVerification> checks) {
    this(change, status, detail, sync, checks, java.util.List.of());
  }

  static StepResult of(Change change, StepStatus status, String detail) {
    return new StepResult(change, status, detail, Optional.empty(), java.util.List.of());
  }
}
