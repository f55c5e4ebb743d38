package dev.mailshift.api;

import dev.mailshift.state.FolderCheckpoint;
import dev.mailshift.state.JournalEntry;
import dev.mailshift.state.RunRecord;
import dev.mailshift.state.SkipRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@code status}: recent runs (newest first), the steps of the newest run, per
 * folder checkpoints, and the messages not copied with their reasons. {@code holder} names the
 * run holding the state right now, if any.
 */
public record StatusResult(
    Path stateFile,
    Optional<String> holder,
    List<RunRecord> runs,
    List<JournalEntry> lastRunSteps,
    List<FolderCheckpoint> folders,
    List<SkipRecord> skipped) {
  public StatusResult {
    runs = List.copyOf(runs);
    lastRunSteps = List.copyOf(lastRunSteps);
    folders = List.copyOf(folders);
    skipped = List.copyOf(skipped);
  }
}
