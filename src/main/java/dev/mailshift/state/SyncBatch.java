package dev.mailshift.state;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Changes to one source folder's sync state that are committed together, in one transaction.
 *
 * @param finishedIntents ids of append intents now resolved (their mapping is in {@code
 *     newMappings}, or the message is to be copied again)
 * @param flagUpdates source UID to the flags now written on its destination copy
 * @param unmappedSourceUids mappings to drop (their destination copy was removed)
 * @param lastUid raise the checkpoint's last handled UID to this (never lowers it)
 */
public record SyncBatch(
    String account,
    String sourceFolder,
    long sourceUidValidity,
    List<UidMapping> newMappings,
    List<Long> finishedIntents,
    List<SkipRecord> skips,
    Map<Long, Set<String>> flagUpdates,
    List<Long> unmappedSourceUids,
    OptionalLong lastUid) {
  public SyncBatch {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(sourceFolder, "sourceFolder");
    newMappings = List.copyOf(newMappings);
    finishedIntents = List.copyOf(finishedIntents);
    skips = List.copyOf(skips);
    flagUpdates = Map.copyOf(flagUpdates);
    unmappedSourceUids = List.copyOf(unmappedSourceUids);
    Objects.requireNonNull(lastUid, "lastUid");
  }

  public boolean isEmpty() {
    return newMappings.isEmpty() && finishedIntents.isEmpty() && skips.isEmpty()
        && flagUpdates.isEmpty() && unmappedSourceUids.isEmpty() && lastUid.isEmpty();
  }
}
