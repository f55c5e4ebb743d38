package dev.mailshift.sync;

import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.MessageMeta;
import dev.mailshift.state.SyncBatch;
import dev.mailshift.state.SyncStore;
import dev.mailshift.state.UidMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Where no checkpoint is usable (first sync, lost state, a UIDVALIDITY changed, mail already
 * copied by another tool), records destination messages that already hold a source message as
 * its copy, so nothing is copied twice (see {@link ContentMatcher} for the rules).
 */
final class ContentAdopter {
  private final SyncStore store;
  private final FolderKey key;

  ContentAdopter(SyncStore store, FolderKey key) {
    this.store = store;
    this.key = key;
  }

  /** Returns how many source messages were adopted. */
  int adopt(ImapSession source, Destination destination, long destinationMessages) {
    if (destinationMessages == 0) {
      return 0; // an empty destination: nothing to adopt, and no need to read the source twice
    }
    Set<Long> takenDestination = store.mappedDestinationUids(key.account(), key.destination(),
        key.destinationUidValidity());
    List<MessageMeta> destinations = new ArrayList<>();
    destination.session().fetchMeta(1, Long.MAX_VALUE, m -> {
      if (!takenDestination.contains(m.uid())) {
        destinations.add(m);
      }
    });
    if (destinations.isEmpty()) {
      return 0;
    }
    Set<Long> mappedSource = new HashSet<>();
    store.mappings(key.account(), key.source(), key.sourceUidValidity())
        .forEach(m -> mappedSource.add(m.sourceUid()));
    List<MessageMeta> sources = new ArrayList<>();
    source.fetchMeta(1, Long.MAX_VALUE, m -> {
      if (!mappedSource.contains(m.uid())) {
        sources.add(m);
      }
    });
    List<ContentMatcher.Pair> pairs = ContentMatcher.match(sources, destinations,
        metas -> ContentHashes.of(source, metas),
        metas -> ContentHashes.of(destination.session(), metas));
    List<UidMapping> adopted = pairs.stream().map(p -> key.mapping(p.source().uid(),
        p.destination().uid(), p.destination().size(), p.sha256(), p.destination().flags()))
        .toList();
    store.commit(new SyncBatch(key.account(), key.source(), key.sourceUidValidity(), adopted,
        List.of(), List.of(), Map.of(), List.of(), OptionalLong.empty()));
    return adopted.size();
  }
}
