package dev.mailshift.sync;

import dev.mailshift.imap.MessageMeta;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs source messages with destination messages holding the same mail, counting: every message
 * is in at most one pair, so two identical source messages need two destination copies.
 *
 * <p>Two steps. {@link #candidates} groups both sides by the cheap key (Message-ID, size) from
 * {@code UID FETCH (RFC822.SIZE ... Message-ID)}: only messages in a group with both a source and
 * a destination side can pair, so only those are ever hashed. {@link #confirm} then pairs inside
 * each group by SHA-256 of the RFC822 bytes alone: a key (even with INTERNALDATE) is never proof.
 * Mailing-list copies, a re-sent draft or a forged Message-ID share key and date with different
 * bodies, and taking one for the other would lose the source's message.
 */
final class ContentMatcher {
  /** A source message, its destination twin, and the SHA-256 both have. */
  record Pair(MessageMeta source, MessageMeta destination, String sha256) {}

  /** Source and destination messages with one key, both sides non-empty, each by UID. */
  record Candidates(List<MessageMeta> sources, List<MessageMeta> destinations) {
    Candidates {
      sources = List.copyOf(sources);
      destinations = List.copyOf(destinations);
    }

    /** The bytes that hashing this group fetches, both sides. */
    long bytes() {
      return sources.stream().mapToLong(MessageMeta::size).sum()
          + destinations.stream().mapToLong(MessageMeta::size).sum();
    }

    int messages() {
      return sources.size() + destinations.size();
    }
  }

  private record Key(String messageId, long size) {}

  private ContentMatcher() {}

  /** The groups whose messages may pair, in the order of their lowest source UID. */
  static List<Candidates> candidates(List<MessageMeta> sources, List<MessageMeta> destinations) {
    Map<Key, List<MessageMeta>> bySource = new LinkedHashMap<>();
    Comparator<MessageMeta> byUid = Comparator.comparingLong(MessageMeta::uid);
    for (MessageMeta s : sources.stream().sorted(byUid).toList()) {
      bySource.computeIfAbsent(key(s), k -> new ArrayList<>()).add(s);
    }
    Map<Key, List<MessageMeta>> byDestination = new HashMap<>();
    for (MessageMeta d : destinations.stream().sorted(byUid).toList()) {
      if (bySource.containsKey(key(d))) {
        byDestination.computeIfAbsent(key(d), k -> new ArrayList<>()).add(d);
      }
    }
    List<Candidates> out = new ArrayList<>();
    bySource.forEach((k, s) -> {
      List<MessageMeta> d = byDestination.get(k);
      if (d != null) {
        out.add(new Candidates(s, d));
      }
    });
    return out;
  }

  /**
   * Pairs by equal hash inside each group, lowest UIDs first on both sides. A message without a
   * hash (expunged before it could be fetched) pairs with nothing.
   *
   * @param sourceHashes source UID to SHA-256, for the sources of {@code groups}
   * @param destinationHashes the same for the destinations
   */
  static List<Pair> confirm(List<Candidates> groups, Map<Long, String> sourceHashes,
      Map<Long, String> destinationHashes) {
    List<Pair> pairs = new ArrayList<>();
    for (Candidates g : groups) {
      Map<String, Deque<MessageMeta>> byHash = new HashMap<>();
      for (MessageMeta d : g.destinations()) {
        String h = destinationHashes.get(d.uid());
        if (h != null) {
          byHash.computeIfAbsent(h, k -> new ArrayDeque<>()).add(d);
        }
      }
      for (MessageMeta s : g.sources()) {
        String h = sourceHashes.get(s.uid());
        Deque<MessageMeta> twins = h == null ? null : byHash.get(h);
        if (twins != null && !twins.isEmpty()) {
          pairs.add(new Pair(s, twins.poll(), h));
        }
      }
    }
    return pairs;
  }

  /**
   * The source messages that would pair if every candidate's body matched (for {@code plan},
   * which hashes nothing): an upper bound of what {@link #confirm} pairs.
   */
  static List<MessageMeta> likelyMatched(List<MessageMeta> sources, List<MessageMeta> destinations) {
    List<MessageMeta> out = new ArrayList<>();
    for (Candidates g : candidates(sources, destinations)) {
      out.addAll(g.sources().subList(0, Math.min(g.sources().size(), g.destinations().size())));
    }
    return out;
  }

  private static Key key(MessageMeta m) {
    return new Key(m.messageId().map(String::trim).orElse(""), m.size());
  }
}
