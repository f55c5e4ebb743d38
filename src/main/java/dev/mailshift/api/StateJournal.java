package dev.mailshift.api;

import dev.mailshift.apply.Journal;
import dev.mailshift.change.Change;
import dev.mailshift.state.RunJournal;
import dev.mailshift.state.RunOutcome;
import dev.mailshift.state.StepStatus;

/** The apply journal kept in the state store. */
final class StateJournal implements Journal {
  private final RunJournal journal;

  StateJournal(RunJournal journal) {
    this.journal = journal;
  }

  @Override
  public long startRun(String planName, String planSha256, String phase, String command) {
    return journal.startRun(planName, planSha256, phase, command);
  }

  @Override
  public long stepStarted(long runId, Change change) {
    return journal.journalStart(runId, change.id(), change.getClass().getSimpleName(),
        change.summary(), null);
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
