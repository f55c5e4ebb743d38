package dev.mailshift.api;

import dev.mailshift.apply.DnsZone;
import dev.mailshift.apply.RollbackJson;
import dev.mailshift.dns.DnsRollback;
import dev.mailshift.dns.RollbackRecord;
import dev.mailshift.dns.RollbackReport;
import dev.mailshift.planner.DnsChanges;
import dev.mailshift.state.JournalEntry;
import dev.mailshift.state.RunJournal;
import dev.mailshift.state.RunOutcome;
import dev.mailshift.state.RunRecord;
import dev.mailshift.state.StepStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Undoes the DNS changes journalled by apply runs: their rollback records, newest first, through
 * the plan's provider, each again a compare-and-swap (the RRset must still hold what mailshift
 * wrote). Journalled as a run of its own, one entry per RRset.
 */
final class Rollback {
  private final RunJournal journal;

  Rollback(RunJournal journal) {
    this.journal = journal;
  }

  /** The rollback records of the selected apply runs, in the order their changes were made. */
  List<RollbackRecord> select(String zone, Optional<Long> run, Optional<String> phase,
      Set<Long> runs) {
    List<RunRecord> applies = journal.runs(Integer.MAX_VALUE).stream()
        .filter(r -> r.command().equals("apply"))
        .filter(r -> run.map(n -> n == r.runId()).orElse(true))
        .filter(r -> phase.map(p -> p.equals(r.phase())).orElse(true))
        .toList();
    if (run.isPresent() && applies.isEmpty()) {
      throw new MailshiftException(ErrorCode.USAGE, "there is no apply run #" + run.get()
          + " in the state store", "See the runs with `mailshift status PLAN`.");
    }
    Set<Long> selected = new LinkedHashSet<>();
    applies.forEach(r -> selected.add(r.runId()));
    List<RollbackRecord> out = new ArrayList<>();
    for (JournalEntry e : journal.rollbackEntries()) {
      if (selected.contains(e.runId()) && e.rollbackJson().isPresent()) {
        RollbackRecord record = RollbackJson.read(e.rollbackJson().get());
        if (record.zone().equals(zone)) {
          out.add(record);
          runs.add(e.runId());
        }
      }
    }
    return out;
  }

  RollbackResult run(DnsZone zone, List<RollbackRecord> records, List<Long> runs, long runId) {
    RollbackReport report = new DnsRollback(zone.provider(), zone::await).restore(records);
    List<RollbackResult.Restored> restored = new ArrayList<>();
    for (RollbackReport.Restored r : report.restored()) {
      restored.add(new RollbackResult.Restored(r.previous().name(), r.previous().type(),
          DnsChanges.value(r.previous()), r.alreadyRestored()));
      long entry = journal.journalStart(runId, "rollback:" + r.previous().key(), "RestoreDns",
          "restore " + r.previous().key(), null);
      journal.journalFinish(entry, StepStatus.SUCCEEDED, r.alreadyRestored()
          ? "held its old records already" : "restored: " + String.join(" | ",
              r.previous().lines()));
    }
    List<RollbackResult.Pending> pending = report.pending().stream()
        .map(p -> new RollbackResult.Pending(p.written().name(), p.written().type(),
            DnsChanges.value(p.written()), DnsChanges.value(p.previous()))).toList();
    Optional<String> failure = report.failure().map(Throwable::getMessage);
    for (RollbackResult.Pending p : pending) {
      long entry = journal.journalStart(runId, "rollback:" + p.name() + " " + p.type(),
          "RestoreDns", "restore " + p.name() + " " + p.type(), null);
      journal.journalFinish(entry, StepStatus.FAILED, "pending: " + failure.orElse(""));
    }
    List<RollbackResult.Unserved> unserved = unserved(report, runId);
    RollbackResult result = new RollbackResult(zone.section().zone(), runs, restored, pending,
        failure, unserved);
    journal.finishRun(runId, result.complete() ? RunOutcome.SUCCEEDED : RunOutcome.FAILED,
        restored.size() + " RRset(s) restored, " + pending.size() + " pending"
            + (unserved.isEmpty() ? "" : ", " + unserved.size() + " not yet on every server"));
    return result;
  }

  /** The restored RRsets some server did not answer in time, each journalled as failed. */
  private List<RollbackResult.Unserved> unserved(RollbackReport report, long runId) {
    List<RollbackResult.Unserved> out = new ArrayList<>();
    for (RollbackReport.Unserved u : report.unserved()) {
      out.add(new RollbackResult.Unserved(u.restored().name(), u.restored().type(),
          DnsChanges.value(u.restored()), u.lagging()));
      long entry = journal.journalStart(runId, "rollback-served:" + u.restored().key(),
          "AwaitDns", "every server answers " + u.restored().key(), null);
      journal.journalFinish(entry, StepStatus.FAILED, "not yet answered by: " + u.lagging());
    }
    return out;
  }
}
