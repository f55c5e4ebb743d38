package dev.mailshift.apply;

import dev.mailshift.state.StepStatus;
import dev.mailshift.change.Change;
import dev.mailshift.sync.SyncListener;

/**
 * Progress of an apply, for progress bars and logs (called from worker threads). Extends the sync
 * engine's per-message events.
 */
public interface ApplyListener extends SyncListener {
  ApplyListener NONE = new ApplyListener() {};

  /** The work ahead is known: total messages and bytes the plan expects to copy (-1: unknown). */
  default void workPlanned(int steps, long messages, long bytes) {}

  /**
   * Mirror mode counts the run's removals in every folder before the first step (so that
   * {@code messages.deletion-ceiling} holds for the whole run): {@code foldersDone} of {@code
   * foldersTotal} counted so far, {@code removals} found in them. Called with 0 done first.
   */
  default void removalsCounted(int foldersDone, int foldersTotal, long removals) {}

  default void stepStarted(Change change) {}

  default void stepFinished(Change change, StepStatus status, String detail) {}

  /**
   * What a person has to do now (the manual DNS provider's instructions); shown however quiet
   * the output is, since the run waits for it.
   */
  default void instructions(String text) {}
}
