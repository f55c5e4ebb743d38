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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Where no checkpoint is usable (first sync, lost state, a UIDVALIDITY changed, mail already
 * copied by another tool), records destination messages that already hold a source message as
 * its copy, so nothing is copied twice. Every adoption is confirmed by the SHA-256 of both
 * messages' bytes (see {@link ContentMatcher}); only messages whose key has a counterpart on the
 * other side are fetched, the source with BODY.PEEK[], streamed and hashed, none kept.
 *
 * <p>Works through the candidates in batches of at most {@link #BATCH_BYTES} (or one larger
 * group) and commits each batch's adoptions: a run cut off here keeps what it confirmed, and the
 * next run, still without a checkpoint, skips what is already mapped on either side.
 */
final class ContentAdopter {
  /** Bytes hashed (both sides) per batch, and so the most a kill can make a re-run fetch again. */
  static final long BATCH_BYTES = 32L << 20;
  static final int BATCH_MESSAGES = 1000;

  private final SyncStore store;
  private final FolderKey key;
  private final Tally tally;

  ContentAdopter(SyncStore store, FolderKey key, Tally tally) {
    this.store = store;
    this.key = key;
    this.tally = tally;
  }

  /** Returns how many source messages this call adopted (also added to the tally). */
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
    int adopted = 0;
    for (List<ContentMatcher.Candidates> batch
        : batches(ContentMatcher.candidates(sources, destinations))) {
      adopted += confirmAndRecord(batch, source, destination.session());
    }
    return adopted;
  }

  private int confirmAndRecord(List<ContentMatcher.Candidates> batch, ImapSession source,
      ImapSession destination) {
    Map<Long, String> sourceHashes = ContentHashes.of(source,
        batch.stream().flatMap(g -> g.sources().stream()).toList());
    Map<Long, String> destinationHashes = ContentHashes.of(destination,
        batch.stream().flatMap(g -> g.destinations().stream()).toList());
    List<UidMapping> adopted = ContentMatcher.confirm(batch, sourceHashes, destinationHashes)
        .stream().map(p -> key.mapping(p.source().uid(), p.destination().uid(),
            p.destination().size(), Optional.of(p.sha256()), p.destination().flags()))
        .toList();
    if (!adopted.isEmpty()) {
      store.commit(new SyncBatch(key.account(), key.source(), key.sourceUidValidity(), adopted,
          List.of(), List.of(), Map.of(), List.of(), OptionalLong.empty()));
      tally.adopted += adopted.size();
    }
    return adopted.size();
  }

  /** Whole groups, cut after the group that reaches {@link #BATCH_BYTES} or the message cap. */
  static List<List<ContentMatcher.Candidates>> batches(List<ContentMatcher.Candidates> groups) {
    List<List<ContentMatcher.Candidates>> out = new ArrayList<>();
    List<ContentMatcher.Candidates> current = new ArrayList<>();
    long bytes = 0;
    int messages = 0;
    for (ContentMatcher.Candidates g : groups) {
      current.add(g);
      bytes += g.bytes();
      messages += g.messages();
      if (bytes >= BATCH_BYTES || messages >= BATCH_MESSAGES) {
        out.add(current);
        current = new ArrayList<>();
        bytes = 0;
        messages = 0;
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }
}
