package dev.mailshift.apply;

import dev.mailshift.change.Change;
import dev.mailshift.state.RunOutcome;
import dev.mailshift.state.StepStatus;

/**
 * Where apply records what it does: a run, and one entry per step with its outcome. Implemented
 * over the state store; in tests by an in-memory fake. Entries are written before a step starts
 * (so a kill leaves a RUNNING entry behind) and finished after.
 */
public interface Journal {
  long startRun(String planName, String planSha256, String phase, String command);

  long stepStarted(long runId, Change change);

  void stepFinished(long entryId, StepStatus status, String detail);

  void finishRun(long runId, RunOutcome outcome, String summary);
}
