package dev.mailshift.api;

import dev.mailshift.state.FolderCheckpoint;
import dev.mailshift.state.JournalEntry;
import dev.mailshift.state.RunLock;
import dev.mailshift.state.RunRecord;
import dev.mailshift.state.SkipRecord;
import dev.mailshift.state.StateLockedException;
import dev.mailshift.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code status} out of the state store. */
final class Status {
  private Status() {}

  static StatusResult read(StateStore state, List<String> accounts, int runs) {
    Optional<String> holder = holder(state);
    List<RunRecord> recent = state.journal().runs(runs);
    List<JournalEntry> steps = recent.isEmpty() ? List.of() : state.journal().journal(recent.get(0).runId());
    List<FolderCheckpoint> folders = new ArrayList<>();
    List<SkipRecord> skipped = new ArrayList<>();
    for (String account : accounts) {
      for (FolderCheckpoint cp : state.sync().checkpoints(account)) {
        folders.add(cp);
        skipped.addAll(state.sync().skipped(account, cp.sourceFolder()));
      }
    }
    return new StatusResult(state.file(), holder, recent, steps, folders, skipped);
  }

  /** Who holds the run lock now; taking it briefly also marks killed runs INTERRUPTED. */
  private static Optional<String> holder(StateStore state) {
    try (RunLock ignored = state.lock("status")) {
      return Optional.empty();
    } catch (StateLockedException e) {
      return Optional.of(e.holder().map(Object::toString).orElse("another process"));
    }
  }
}
