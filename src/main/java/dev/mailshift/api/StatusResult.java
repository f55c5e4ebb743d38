package dev.mailshift.api;

import dev.mailshift.state.BindingCheck;
import dev.mailshift.state.FolderCheckpoint;
import dev.mailshift.state.JournalEntry;
import dev.mailshift.state.RunRecord;
import dev.mailshift.planner.MxGate;
import dev.mailshift.state.SkipRecord;
import dev.mailshift.state.TtlLoweringRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@code status}: recent runs (newest first), the steps of the newest run, per
 * folder checkpoints, and the messages not copied with their reasons. {@code holder} names the
 * run holding the state right now, if any. {@code dns}: the recorded TTL lowerings and from when
 * the MX switch may happen, for a plan with a {@code dns:} section. {@code bindings}: per account
 * of the plan, the mailboxes its state is bound to compared with the ones the plan names now.
 */
public record StatusResult(
    Path stateFile,
    Optional<String> holder,
    List<RunRecord> runs,
    List<JournalEntry> lastRunSteps,
    List<FolderCheckpoint> folders,
    List<SkipRecord> skipped,
    Optional<DnsStatus> dns,
    List<BindingCheck> bindings) {
  public StatusResult {
    runs = List.copyOf(runs);
    lastRunSteps = List.copyOf(lastRunSteps);
    folders = List.copyOf(folders);
    skipped = List.copyOf(skipped);
    java.util.Objects.requireNonNull(dns, "dns");
    bindings = List.copyOf(bindings);
  }

  public StatusResult(Path stateFile, Optional<String> holder, List<RunRecord> runs,
      List<JournalEntry> lastRunSteps, List<FolderCheckpoint> folders, List<SkipRecord> skipped,
      Optional<DnsStatus> dns) {
    this(stateFile, holder, runs, lastRunSteps, folders, skipped, dns, List.of());
  }

  public StatusResult(Path stateFile, Optional<String> holder, List<RunRecord> runs,
      List<JournalEntry> lastRunSteps, List<FolderCheckpoint> folders, List<SkipRecord> skipped) {
    this(stateFile, holder, runs, lastRunSteps, folders, skipped, Optional.empty());
  }

  public StatusResult withDns(DnsStatus status) {
    return new StatusResult(stateFile, holder, runs, lastRunSteps, folders, skipped,
        Optional.of(status), bindings);
  }

  /**
   * The DNS side of status: the TTL lowerings recorded for the zone (oldest first) and, when the
   * plan manages MX, whether the switch may happen now or from when.
   */
  public record DnsStatus(String zone, List<TtlLoweringRecord> lowerings,
      Optional<MxGate> mxGate) {
    public DnsStatus {
      java.util.Objects.requireNonNull(zone, "zone");
      lowerings = List.copyOf(lowerings);
      java.util.Objects.requireNonNull(mxGate, "mxGate");
    }
  }
}
