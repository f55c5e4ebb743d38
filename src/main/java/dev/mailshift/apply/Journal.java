package dev.mailshift.apply;

import dev.mailshift.change.Change;
import dev.mailshift.dns.TtlLowering;
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

  /** Journals a step with the JSON that undoes it, before the step acts. */
  long stepStarted(long runId, Change change, String rollbackJson);

  /** The step turned out to change nothing (a refused write): drop its rollback record. */
  void nothingToUndo(long entryId);

  /**
   * Records a TTL lowering of {@code zone}, with the largest TTL served before it.
   */
  void ttlLowered(long runId, String zone, TtlLowering lowering, long servedTtl);

  void stepFinished(long entryId, StepStatus status, String detail);

  void finishRun(long runId, RunOutcome outcome, String summary);
}
