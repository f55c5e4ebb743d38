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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Copies the source messages above the checkpoint that are neither mapped nor skipped, in UID
 * order and in chunks: the bodies of a chunk are fetched whole, their append intents made durable
 * in one transaction, then each is appended; the chunk's mappings, skips and the
 * advanced checkpoint are then committed together.
 */
final class MessageCopier {
  static final int CHUNK_MESSAGES = 50;
  static final long CHUNK_BYTES = 16L << 20;

  private final SyncStore store;
  private final FolderKey key;
  private final ImapSession source;
  private final Destination destination;
  private SkipRules rules;
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
    List<dev.mailshift.state.SkipRecord> skips = store.skipped(key.account(), key.source())
        .stream().filter(s -> s.sourceUidValidity() == key.sourceUidValidity()).toList();
    PendingScan scan = PendingScan.of(key.pair(), source, skips, mappedSourceUids, lastUid, rules);
    rules = scan.rules();
    List<MessageMeta> pending = scan.pending();
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
      copyBodies(toCopy, r);
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
   * Fetches the chunk's bodies (each complete before anything else happens: the adapter never
   * hands out a partial message), makes their intents durable in one transaction, then appends.
   * The chunk's bodies are bounded by CHUNK_BYTES (large ones are spooled by the adapter).
   */
  private void copyBodies(Map<Long, MessageMeta> toCopy, ChunkResult r) {
    List<FetchedMessage> fetched = new ArrayList<>();
    try {
      source.fetchBodies(toCopy.values().stream()
          .map(m -> new ImapSession.UidSize(m.uid(), m.size())).toList(), fetched::add);
      long uidNextBound = destination.uidNextBound();
      List<AppendIntent> intents = fetched.stream().map(m -> new AppendIntent(0, key.account(),
          key.source(), key.sourceUidValidity(), m.uid(), key.destination(),
          key.destinationUidValidity(), uidNextBound, m.size(), m.sha256())).toList();
      List<Long> ids = store.addIntents(intents);
      for (int i = 0; i < fetched.size(); i++) {
        FetchedMessage message = fetched.get(i);
        append(toCopy.get(message.uid()), message, intents.get(i).withId(ids.get(i)), r);
      }
    } finally {
      fetched.forEach(FetchedMessage::close);
    }
  }

  private void append(MessageMeta meta, FetchedMessage message, AppendIntent intent,
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
      r.finished.add(intent.id());
      r.skip(new SkippedMessage(key.source(), meta.uid(), meta.size(), meta.internalDate(),
          SkippedMessage.Reason.REJECTED_BY_DESTINATION, e.getMessage()
              + (e.serverText().isEmpty() ? "" : ": " + e.serverText())), key);
      return;
    }
    if (appended.uid().isEmpty()) {
      r.unidentified.add(intent); // no APPENDUID: found by content after the chunk
    } else {
      long uid = appended.uid().getAsLong();
      destination.appended(uid);
      r.finished.add(intent.id());
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
