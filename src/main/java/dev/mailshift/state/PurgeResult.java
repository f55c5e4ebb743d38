package dev.mailshift.state;

import java.util.Optional;

/**
 * What {@link SyncStore#purgeStale} removed because it belonged to other folder identities.
 *
 * @param droppedCheckpoint the checkpoint that no longer matched, if there was one
 */
public record PurgeResult(
    Optional<FolderCheckpoint> droppedCheckpoint, int mappings, int intents, int skips) {}
