package dev.mailshift.api;

import dev.mailshift.apply.Journal;
import dev.mailshift.change.Change;
import dev.mailshift.dns.TtlLowering;
import dev.mailshift.state.RunJournal;
import dev.mailshift.state.RunOutcome;
import dev.mailshift.state.StateStore;
import dev.mailshift.state.StepStatus;
import dev.mailshift.state.TtlLoweringRecord;

/** The apply journal kept in the state store. */
final class StateJournal implements Journal {
  private final RunJournal journal;
  private final StateStore state;

  StateJournal(StateStore state) {
    this.journal = state.journal();
    this.state = state;
  }

  @Override
  public long startRun(String planName, String planSha256, String phase, String command) {
    return journal.startRun(planName, planSha256, phase, command);
  }

  @Override
  public long stepStarted(long runId, Change change) {
    return stepStarted(runId, change, null);
  }

  @Override
  public long stepStarted(long runId, Change change, String rollbackJson) {
    return journal.journalStart(runId, change.id(), change.getClass().getSimpleName(),
        change.summary(), rollbackJson);
  }

  @Override
  public void nothingToUndo(long entryId) {
    journal.clearRollback(entryId);
  }

  @Override
  public void ttlLowered(long runId, String zone, TtlLowering lowering, long servedTtl) {
    state.dns().record(new TtlLoweringRecord(runId, zone, lowering.name(), lowering.type(),
        servedTtl, lowering.waitSeconds(), lowering.basis().name(), lowering.loweredAt()));
  }

  @Override
  public void stepFinished(long entryId, StepStatus status, String detail) {
    journal.journalFinish(entryId, status, detail);
  }

  @Override
  public void finishRun(long runId, RunOutcome outcome, String summary) {
    journal.finishRun(runId, outcome, summary);
  }
}
