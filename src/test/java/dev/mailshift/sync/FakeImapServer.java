package dev.mailshift.sync;

import dev.mailshift.imap.Access;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * An in-memory IMAP server for the engine's unit tests: folders with UIDVALIDITY, UIDNEXT and
 * MODSEQ, keywords and PERMANENTFLAGS, CONDSTORE and UIDPLUS switchable, APPENDLIMIT, refusals,
 * and failures injected through a shared {@link Faults} sequence. Counts calls per operation.
 */
final class FakeImapServer {
  /** One message as stored. */
  static final class Message {
    final long uid;
    final byte[] bytes;
    final Instant date;
    Set<String> flags;
    long modseq;

    Message(long uid, byte[] bytes, Set<String> flags, Instant date, long modseq) {
      this.uid = uid;
      this.bytes = bytes.clone();
      this.flags = Set.copyOf(flags);
      this.date = date;
      this.modseq = modseq;
    }

    Optional<String> messageId() {
      String text = new String(bytes, StandardCharsets.UTF_8);
      for (String line : text.split("\r\n")) {
        if (line.isEmpty()) {
          break;
        }
        if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
          return Optional.of(line.substring(11).trim());
        }
      }
      return Optional.empty();
    }
  }

  /** One folder. */
  static final class Folder {
    long uidValidity;
    long uidNext = 1;
    long highestModseq = 1;
    final TreeMap<Long, Message> messages = new TreeMap<>();
  }

  /** What a test compares: content, flags and date of one message, UIDs left out. */
  record Copy(String content, Set<String> flags, Instant date) {}

  final Faults faults;
  final Set<String> capabilities = new HashSet<>(Set.of("IMAP4REV1", "UIDPLUS"));
  Optional<Set<String>> permanentFlags = Optional.of(Set.of("\\Seen", "\\Answered", "\\Flagged",
      "\\Deleted", "\\Draft", "\\*"));
  OptionalLong appendLimit = OptionalLong.empty();
  Predicate<byte[]> refuseAppend = bytes -> false;
  private final Map<String, Folder> folders = new LinkedHashMap<>();
  private final Map<String, Integer> calls = new TreeMap<>();
  private long nextUidValidity;

  FakeImapServer(long firstUidValidity, Faults faults) {
    this.nextUidValidity = firstUidValidity;
    this.faults = faults;
  }

  FakeImapServer condstore(boolean on) {
    if (on) {
      capabilities.add("CONDSTORE");
    } else {
      capabilities.remove("CONDSTORE");
    }
    return this;
  }

  boolean hasCondstore() {
    return capabilities.contains("CONDSTORE");
  }

  Folder create(String name) {
    return folders.computeIfAbsent(name, n -> {
      Folder f = new Folder();
      f.uidValidity = nextUidValidity++;
      return f;
    });
  }

  Optional<Folder> find(String name) {
    return Optional.ofNullable(folders.get(name));
  }

  Folder folder(String name) {
    return find(name).orElseThrow(() -> new AssertionError("no folder " + name));
  }

  long deliver(String folder, byte[] bytes, Set<String> flags, Instant date) {
    Folder f = create(folder);
    long uid = f.uidNext++;
    f.messages.put(uid, new Message(uid, bytes, flags, date, ++f.highestModseq));
    return uid;
  }

  void setFlags(String folder, long uid, Set<String> flags) {
    Folder f = folder(folder);
    Message m = f.messages.get(uid);
    m.flags = Set.copyOf(flags);
    m.modseq = ++f.highestModseq;
  }

  void expunge(String folder, long uid) {
    Folder f = folder(folder);
    f.messages.remove(uid);
    f.highestModseq++;
  }

  /** The folder recreated with the same messages: new UIDVALIDITY, UIDs from 1. */
  void renumber(String folder) {
    Folder f = folder(folder);
    List<Message> old = new ArrayList<>(f.messages.values());
    f.messages.clear();
    f.uidValidity = nextUidValidity++;
    f.uidNext = 1;
    for (Message m : old) {
      long uid = f.uidNext++;
      f.messages.put(uid, new Message(uid, m.bytes, m.flags, m.date, ++f.highestModseq));
    }
  }

  /** The folder's messages as a sorted multiset of (content, flags, date). */
  List<Copy> copies(String folder) {
    return find(folder).map(f -> f.messages.values().stream()
        .map(m -> new Copy(new String(m.bytes, StandardCharsets.UTF_8),
            new TreeSet<>(m.flags), m.date))
        .sorted(Comparator.comparing(Copy::content).thenComparing(c -> c.flags().toString())
            .thenComparing(Copy::date))
        .toList()).orElse(List.of());
  }

  FakeImapSession open(Access access) {
    return new FakeImapSession(this, access);
  }

  void count(String operation) {
    calls.merge(operation, 1, Integer::sum);
  }

  int calls(String operation) {
    return calls.getOrDefault(operation, 0);
  }

  Map<String, Integer> calls() {
    return Map.copyOf(calls);
  }

  void resetCalls() {
    calls.clear();
  }
}
