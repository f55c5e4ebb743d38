package dev.mailshift.sync;

import dev.mailshift.imap.FetchedMessage;
import dev.mailshift.imap.ImapException;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.MessageMeta;
import dev.mailshift.state.AppendIntent;
import dev.mailshift.state.SkipRecord;
import dev.mailshift.state.SyncBatch;
import dev.mailshift.state.SyncStore;
import dev.mailshift.state.UidMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Copies the source messages above the checkpoint that are neither mapped nor skipped, in UID
 * order and in chunks: the bodies of a chunk are fetched, the append intents of the whole chunk
 * are made durable in one transaction, then each message is appended; the chunk's mappings, skips
 * and the advanced checkpoint are then committed together.
 */
final class MessageCopier {
  static final int CHUNK_MESSAGES = 50;
  /** Held whole between fetch and append: bounds the heap per worker with CHUNK_MESSAGES. */
  static final long CHUNK_BYTES = 4L << 20;

  private final SyncStore store;
  private final FolderKey key;
  private final ImapSession source;
  private final Destination destination;
  private final SkipRules rules;
  private final SyncListener listener;
  private final Tally tally;

  MessageCopier(SyncStore store, FolderKey key, ImapSession source, Destination destination,
      SkipRules rules, SyncListener listener, Tally tally) {
    this.store = store;
    this.key = key;
    this.source = source;
    this.destination = destination;
    this.rules = rules;
    this.listener = listener;
    this.tally = tally;
  }

  /**
   * Handles every source message above {@code lastUid}; returns true when all of them are now
   * handled (copied, adopted or skipped), so the checkpoint may cover the whole folder.
   */
  boolean copyNew(long lastUid, Set<Long> mappedSourceUids) {
    Set<Long> handled = new HashSet<>(mappedSourceUids);
    store.skipped(key.account(), key.source()).stream()
        .filter(s -> s.sourceUidValidity() == key.sourceUidValidity())
        .forEach(s -> handled.add(s.sourceUid()));
    List<MessageMeta> pending = new ArrayList<>();
    source.fetchMeta(lastUid + 1, Long.MAX_VALUE, m -> {
      // m.uid() <= lastUid: "n:*" above the highest UID still returns the last message
      // (RFC 3501 6.4.8); it is handled already (and not in mappedSourceUids, which holds only
      // UIDs above lastUid).
      if (m.uid() > lastUid && !handled.contains(m.uid())) {
        pending.add(m);
      }
    });
    reportStart(pending);
    boolean contiguous = true;
    List<MessageMeta> chunk = new ArrayList<>();
    long chunkBytes = 0;
    for (MessageMeta m : pending) {
      chunk.add(m);
      chunkBytes += m.size();
      if (chunk.size() >= CHUNK_MESSAGES || chunkBytes >= CHUNK_BYTES) {
        contiguous = copyChunk(chunk, contiguous);
        chunk.clear();
        chunkBytes = 0;
      }
    }
    if (!chunk.isEmpty()) {
      contiguous = copyChunk(chunk, contiguous);
    }
    return contiguous;
  }

  private void reportStart(List<MessageMeta> pending) {
    if (!tally.startReported) {
      tally.startReported = true;
      List<MessageMeta> copies = pending.stream()
          .filter(m -> rules.check(key.source(), m).isEmpty()).toList();
      listener.folderStarted(key.pair(), copies.size(),
          copies.stream().mapToLong(MessageMeta::size).sum());
    }
  }

  /** Copies one chunk; returns whether every message up to the chunk's end is handled. */
  private boolean copyChunk(List<MessageMeta> chunk, boolean contiguousSoFar) {
    ChunkResult r = new ChunkResult();
    Map<Long, MessageMeta> toCopy = new LinkedHashMap<>();
    for (MessageMeta m : chunk) {
      Optional<SkippedMessage> skip = rules.check(key.source(), m);
      if (skip.isPresent()) {
        r.skip(skip.get(), key);
      } else {
        toCopy.put(m.uid(), m);
      }
    }
    if (!toCopy.isEmpty()) {
      fetchAndAppend(toCopy, r);
    }
    store.commit(new SyncBatch(key.account(), key.source(), key.sourceUidValidity(), r.mappings,
        r.finished, r.skipRecords, Map.of(), List.of(), OptionalLong.empty()));
    tally.copied += r.mappings.size();
    tally.bytesCopied += r.bytes;
    tally.skipped.addAll(r.skipped);
    Set<Long> identified = new IntentResolver(store, key, destination)
        .resolve(r.unidentified, r.mappedUids());
    tally.copied += identified.size();
    long limit = firstUnhandled(chunk, r, identified);
    boolean contiguous = contiguousSoFar && limit == Long.MAX_VALUE;
    OptionalLong advance = contiguous ? OptionalLong.of(chunk.getLast().uid())
        : contiguousSoFar && limit > chunk.getFirst().uid() ? OptionalLong.of(limit - 1)
        : OptionalLong.empty();
    if (advance.isPresent()) {
      store.commit(new SyncBatch(key.account(), key.source(), key.sourceUidValidity(), List.of(),
          List.of(), List.of(), Map.of(), List.of(), advance));
    }
    return contiguous;
  }

  /** The first UID of the chunk that is neither copied, skipped nor identified; MAX if none. */
  private static long firstUnhandled(List<MessageMeta> chunk, ChunkResult r, Set<Long> identified) {
    Set<Long> done = new HashSet<>(r.mappedUids());
    done.addAll(identified);
    r.skipped.forEach(s -> done.add(s.uid()));
    return chunk.stream().mapToLong(MessageMeta::uid).filter(u -> !done.contains(u)).findFirst()
        .orElse(Long.MAX_VALUE);
  }

  /**
   * Fetches the chunk's bodies (held on the heap or spooled, at most {@link #CHUNK_BYTES} and
   * {@link #CHUNK_MESSAGES}), makes the intents of all of them durable in one transaction, then
   * appends them one by one. One disk sync per chunk instead of one per message; an intent whose
   * message was never appended (a drop or kill mid-chunk) is settled by {@link IntentResolver}.
   */
  private void fetchAndAppend(Map<Long, MessageMeta> toCopy, ChunkResult r) {
    List<ImapSession.UidSize> wanted = toCopy.values().stream()
        .map(m -> new ImapSession.UidSize(m.uid(), m.size())).toList();
    List<FetchedMessage> fetched = new ArrayList<>();
    try {
      source.fetchBodies(wanted, fetched::add);
      long uidNextBound = destination.uidNextBound();
      List<AppendIntent> intents = fetched.stream().map(m -> new AppendIntent(0, key.account(),
          key.source(), key.sourceUidValidity(), m.uid(), key.destination(),
          key.destinationUidValidity(), uidNextBound, m.size(), m.sha256())).toList();
      List<Long> ids = store.addIntents(intents);
      List<AppendIntent> stored = new ArrayList<>();
      for (int i = 0; i < intents.size(); i++) {
        stored.add(withId(intents.get(i), ids.get(i)));
      }
      if (appendAtOnce(toCopy, fetched, stored, r)) {
        return;
      }
      for (int i = 0; i < fetched.size(); i++) {
        // Out of the list before the append: its heap is freed as soon as it is sent.
        try (FetchedMessage message = fetched.set(i, null)) {
          append(toCopy.get(message.uid()), message, stored.get(i), r);
        }
      }
    } finally {
      fetched.stream().filter(Objects::nonNull).forEach(FetchedMessage::close);
    }
  }

  /**
   * Appends the whole chunk in one MULTIAPPEND where the destination offers it (RFC 3502: on a NO
   * nothing was appended). Returns false, having appended nothing, when there is no MULTIAPPEND
   * or the server refused the batch: then each message goes on its own, so that one refused
   * message (too big, a keyword) does not stop the others.
   */
  private boolean appendAtOnce(Map<Long, MessageMeta> toCopy, List<FetchedMessage> fetched,
      List<AppendIntent> stored, ChunkResult r) {
    ImapSession session = destination.session();
    if (fetched.size() < 2 || !session.info().has("MULTIAPPEND")) {
      return false;
    }
    List<ImapSession.Append> batch = new ArrayList<>();
    Set<String> dropped = new HashSet<>();
    List<Set<String>> flags = new ArrayList<>();
    for (FetchedMessage m : fetched) {
      MessageMeta meta = toCopy.get(m.uid());
      KeywordFilter.Filtered f = destination.keywords().apply(meta.flags());
      dropped.addAll(f.dropped());
      flags.add(f.kept());
      batch.add(new ImapSession.Append(m, f.kept(), meta.internalDate()));
    }
    List<OptionalLong> uids;
    try {
      uids = session.appendAll(key.destination(), batch);
    } catch (ImapException e) {
      if (e.kind() != ImapException.Kind.REJECTED) {
        throw e;
      }
      return false;
    }
    tally.rejectedKeywords.addAll(dropped);
    for (int i = 0; i < fetched.size(); i++) {
      FetchedMessage message = fetched.get(i);
      recordAppended(toCopy.get(message.uid()), message, stored.get(i),
          new Appended(uids.get(i), flags.get(i)), r);
    }
    return true;
  }

  private void append(MessageMeta meta, FetchedMessage message, AppendIntent stored,
      ChunkResult r) {
    KeywordFilter.Filtered flags = destination.keywords().apply(meta.flags());
    tally.rejectedKeywords.addAll(flags.dropped());
    Appended appended;
    try {
      appended = appendWithFallback(message, meta, flags.kept());
    } catch (ImapException e) {
      if (e.kind() != ImapException.Kind.REJECTED) {
        throw e;
      }
      r.finished.add(stored.id());
      r.skip(new SkippedMessage(key.source(), meta.uid(), meta.size(), meta.internalDate(),
          SkippedMessage.Reason.REJECTED_BY_DESTINATION, e.getMessage()
              + (e.serverText().isEmpty() ? "" : ": " + e.serverText())), key);
      return;
    }
    recordAppended(meta, message, stored, appended, r);
  }

  private void recordAppended(MessageMeta meta, FetchedMessage message, AppendIntent stored,
      Appended appended, ChunkResult r) {
    if (appended.uid().isEmpty()) {
      r.unidentified.add(stored); // no APPENDUID: found by content after the chunk
    } else {
      long uid = appended.uid().getAsLong();
      destination.appended(uid);
      r.finished.add(stored.id());
      r.mappings.add(key.mapping(meta.uid(), uid, message.size(),
          Optional.of(message.sha256()), appended.flags()));
      r.bytes += message.size();
    }
    listener.messageCopied(key.pair(), message.size());
  }

  /** The new UID (when the server said it) and the flags the copy got. */
  private record Appended(OptionalLong uid, Set<String> flags) {}

  /** APPEND; if refused and keywords were sent, once more without them (they are reported). */
  private Appended appendWithFallback(FetchedMessage message, MessageMeta meta, Set<String> flags) {
    try {
      return new Appended(destination.session().append(key.destination(), message, flags,
          meta.internalDate()), flags);
    } catch (ImapException e) {
      Set<String> systemOnly = new HashSet<>(flags);
      systemOnly.removeIf(f -> !f.startsWith("\\"));
      if (e.kind() != ImapException.Kind.REJECTED || systemOnly.size() == flags.size()) {
        throw e;
      }
      OptionalLong uid = destination.session().append(key.destination(), message, systemOnly,
          meta.internalDate());
      flags.stream().filter(f -> !f.startsWith("\\")).forEach(tally.rejectedKeywords::add);
      return new Appended(uid, Set.copyOf(systemOnly));
    }
  }

  private static AppendIntent withId(AppendIntent i, long id) {
    return new AppendIntent(id, i.account(), i.sourceFolder(), i.sourceUidValidity(),
        i.sourceUid(), i.destinationFolder(), i.destinationUidValidity(),
        i.destinationUidNext(), i.size(), i.sha256());
  }

  /** What one chunk produced, committed together. */
  private static final class ChunkResult {
    final List<UidMapping> mappings = new ArrayList<>();
    final List<Long> finished = new ArrayList<>();
    final List<AppendIntent> unidentified = new ArrayList<>();
    final List<SkipRecord> skipRecords = new ArrayList<>();
    final List<SkippedMessage> skipped = new ArrayList<>();
    long bytes;

    void skip(SkippedMessage s, FolderKey key) {
      skipped.add(s);
      skipRecords.add(new SkipRecord(key.account(), key.source(), key.sourceUidValidity(),
          s.uid(), s.size(), Optional.ofNullable(s.internalDate()), s.reason().name(),
          s.detail()));
    }

    Set<Long> mappedUids() {
      Set<Long> out = new HashSet<>();
      mappings.forEach(m -> out.add(m.sourceUid()));
      return out;
    }
  }
}
