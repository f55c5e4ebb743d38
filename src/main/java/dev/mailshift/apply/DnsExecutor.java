package dev.mailshift.apply;

import dev.mailshift.change.Change;
import dev.mailshift.change.CheckDns;
import dev.mailshift.change.SetDnsRecords;
import dev.mailshift.dns.CheckFinding;
import dev.mailshift.dns.DnsChange;
import dev.mailshift.dns.DnsException;
import dev.mailshift.dns.DnsProvider;
import dev.mailshift.dns.PropagationResult;
import dev.mailshift.dns.PropagationTimeoutException;
import dev.mailshift.dns.RollbackRecord;
import dev.mailshift.dns.RrsetKey;
import dev.mailshift.dns.TtlLowering;
import dev.mailshift.dns.ZoneObservation;
import dev.mailshift.planner.DnsChanges;
import dev.mailshift.planner.MxGate;
import dev.mailshift.state.StepStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Executes DNS steps one at a time, each with its journal entry around it. A write is journalled
 * with its rollback record before it is made, goes through the provider as a compare-and-swap,
 * and succeeds only once every authoritative server answers the new RRset. A TTL lowering is
 * recorded with the TTL served before it and the moment the lowered TTL was seen everywhere.
 */
final class DnsExecutor {
  private final DnsRequest request;
  private final Journal journal;
  private final ApplyListener listener;
  private final long runId;
  private final ZoneObservation before;
  private final DnsValidation validation;

  /**
   * @param before the zone as observed at the start of the apply: the TTLs a lowering replaces
   */
  DnsExecutor(DnsRequest request, Journal journal, ApplyListener listener, long runId,
      ZoneObservation before) {
    this.request = request;
    this.journal = journal;
    this.listener = listener;
    this.runId = runId;
    this.before = before;
    this.validation = new DnsValidation(request);
  }

  StepResult execute(Change change) {
    listener.stepStarted(change);
    StepResult result = switch (change) {
      case SetDnsRecords s -> s.writes() ? write(s) : stage(s);
      case CheckDns c -> check(c);
      default -> throw new IllegalArgumentException("not a DNS step: " + change.id());
    };
    listener.stepFinished(change, result.status(), result.detail());
    return result;
  }

  StepResult skip(Change change, String why) {
    long entry = journal.stepStarted(runId, change);
    journal.stepFinished(entry, StepStatus.SKIPPED, why);
    listener.stepFinished(change, StepStatus.SKIPPED, why);
    return StepResult.of(change, StepStatus.SKIPPED, why);
  }

  private StepResult write(SetDnsRecords s) {
    DnsChange change = DnsChanges.toDnsChange(s);
    String zone = request.zone().section().zone();
    long entry = journal.stepStarted(runId, s, RollbackJson.write(RollbackRecord.of(zone,
        change)));
    DnsProvider.Outcome outcome;
    try {
      outcome = request.zone().provider().apply(change);
    } catch (DnsException e) {
      if (!(e instanceof PropagationTimeoutException)) {
        journal.nothingToUndo(entry); // refused before anything was written
      }
      return finish(entry, s, StepStatus.FAILED, e.getMessage());
    } catch (RuntimeException e) {
      return finish(entry, s, StepStatus.FAILED, Failures.describe(e));
    }
    PropagationResult propagation;
    try {
      propagation = request.zone().await(change.after());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return finish(entry, s, StepStatus.FAILED, "interrupted while waiting for " + change.key()
          + " to show on every server; run apply again to check");
    }
    String done = outcome == DnsProvider.Outcome.APPLIED ? "applied" : "already in place";
    if (!propagation.complete()) {
      return finish(entry, s, StepStatus.FAILED, done + ", but after "
          + request.zone().section().timeouts().propagation().toMinutes() + " min not every"
          + " authoritative server answers it:\n" + propagation.pendingDescription()
          + "\n  Run apply again later: it checks again and goes on.");
    }
    String detail = done + "; " + servers(propagation);
    if (s.purpose() == SetDnsRecords.Purpose.LOWER_TTL) {
      detail += "; " + recordLowering(change.key(), propagation.finishedAt());
    }
    return finish(entry, s, StepStatus.SUCCEEDED, detail);
  }

  /**
   * A TTL already at or below the cutover TTL: nothing to write, only the wait to record. If an
   * earlier run lowered it and was killed before recording that, the TTL it replaced counts.
   */
  private StepResult stage(SetDnsRecords s) {
    long entry = journal.stepStarted(runId, s);
    RrsetKey key = DnsChanges.key(s);
    return finish(entry, s, StepStatus.SUCCEEDED, "nothing to write; "
        + recordLowering(key, request.zone().now()));
  }

  private String recordLowering(RrsetKey key, Instant loweredAt) {
    TtlLowering served = TtlLowering.of(before, key, loweredAt);
    long replaced = request.replacedTtls().getOrDefault(key.toString(), 0L);
    TtlLowering lowering = replaced > served.waitSeconds()
        ? new TtlLowering(served.name(), served.type(), replaced, TtlLowering.Basis.SERVED_TTL,
            loweredAt)
        : served;
    journal.ttlLowered(runId, request.zone().section().zone(), lowering,
        before.rrset(key).maxTtl());
    return "the MX switch may happen from " + MxGate.show(lowering.earliestSwitch());
  }

  private StepResult check(CheckDns c) {
    long entry = journal.stepStarted(runId, c);
    List<CheckFinding> findings = validation.findings();
    List<CheckFinding> errors = findings.stream().filter(CheckFinding::isError).toList();
    long warnings = findings.stream()
        .filter(f -> f.verdict() == CheckFinding.Verdict.WARNING).count();
    String detail = errors.isEmpty()
        ? (findings.size() - warnings) + " checks passed" + (warnings > 0 ? ", " + warnings
            + " warning(s)" : "")
        : errors.size() + " of " + findings.size() + " checks failed: " + String.join("; ",
            errors.stream().map(f -> f.subject() + ": " + f.message()).toList());
    StepStatus status = errors.isEmpty() ? StepStatus.SUCCEEDED : StepStatus.FAILED;
    journal.stepFinished(entry, status, detail);
    return new StepResult(c, status, detail, Optional.empty(), List.of(), findings);
  }

  private StepResult finish(long entry, Change change, StepStatus status, String detail) {
    journal.stepFinished(entry, status, detail);
    return StepResult.of(change, status, detail);
  }

  private static String servers(PropagationResult p) {
    return p.servers().isEmpty() ? "no servers to wait for (zone file)"
        : "answered by all " + p.servers().size() + " authoritative server(s)";
  }
}
