package dev.mailshift.sync;

import dev.mailshift.imap.MessageMeta;
import dev.mailshift.state.AppendIntent;
import dev.mailshift.state.SyncBatch;
import dev.mailshift.state.SyncStore;
import dev.mailshift.state.UidMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Settles append intents left by a process that died around an APPEND (or by a server that did
 * not answer with APPENDUID). The copy, if it happened, has a UID at or above the intent's
 * recorded UIDNEXT, the same size and the same SHA-256: such a destination message, not already
 * mapped, is adopted; each destination message is adopted at most once. Intents without a copy
 * are dropped, so their messages are copied again.
 */
final class IntentResolver {
  private final SyncStore store;
  private final FolderKey key;
  private final Destination destination;

  IntentResolver(SyncStore store, FolderKey key, Destination destination) {
    this.store = store;
    this.key = key;
    this.destination = destination;
  }

  /** Returns the source UIDs whose copies were found and adopted. */
  Set<Long> resolve(List<AppendIntent> intents, Set<Long> mappedSourceUids) {
    if (intents.isEmpty()) {
      return Set.of();
    }
    Set<Long> sizes = new HashSet<>();
    intents.forEach(i -> sizes.add(i.size()));
    long from = intents.stream().mapToLong(AppendIntent::destinationUidNext).min().orElse(1);
    Set<Long> taken = new HashSet<>(store.mappedDestinationUids(key.account(), key.destination(),
        key.destinationUidValidity()));
    List<MessageMeta> candidates = new ArrayList<>();
    destination.session().fetchMeta(Math.max(from, 1), Long.MAX_VALUE, m -> {
      if (!taken.contains(m.uid()) && sizes.contains(m.size())) {
        candidates.add(m);
      }
    });
    Map<Long, String> hashes = ContentHashes.of(destination.session(), candidates);
    List<UidMapping> adopted = new ArrayList<>();
    Set<Long> seen = new HashSet<>(mappedSourceUids);
    for (AppendIntent intent : intents) {
      if (!seen.add(intent.sourceUid())) {
        continue; // already mapped, or a second intent for the same message
      }
      candidates.stream()
          .filter(m -> m.uid() >= intent.destinationUidNext() && !taken.contains(m.uid())
              && m.size() == intent.size() && intent.sha256().equals(hashes.get(m.uid())))
          .findFirst()
          .ifPresent(m -> {
            taken.add(m.uid());
            adopted.add(key.mapping(intent.sourceUid(), m.uid(), m.size(),
                Optional.of(intent.sha256()), m.flags()));
          });
    }
    store.commit(new SyncBatch(key.account(), key.source(), key.sourceUidValidity(), adopted,
        intents.stream().map(AppendIntent::id).toList(), List.of(), Map.of(), List.of(),
        OptionalLong.empty()));
    Set<Long> out = new HashSet<>();
    adopted.forEach(m -> out.add(m.sourceUid()));
    return out;
  }
}
