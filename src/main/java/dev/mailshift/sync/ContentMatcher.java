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
import java.util.Optional;
import java.util.function.Function;

/**
 * Pairs source messages with destination messages holding the same mail, counting: every message
 * is in at most one pair, so two identical source messages need two destination copies. A pair is
 * taken on the key (Message-ID, size, INTERNALDATE) when that key is present and one-to-one;
 * everywhere else (no Message-ID, several candidates, dates differ) only byte-equal bodies pair,
 * confirmed by SHA-256 of both.
 */
final class ContentMatcher {
  /** A source message, its destination twin, and the hash when one was computed. */
  record Pair(MessageMeta source, MessageMeta destination, Optional<String> sha256) {}

  private record Key(String messageId, long size) {}

  private record Group(List<MessageMeta> sources, List<MessageMeta> destinations) {}

  private ContentMatcher() {}

  /**
   * @param sourceHashes hashes source messages (one batch), used only where keys are not enough
   * @param destinationHashes the same for destination messages
   */
  static List<Pair> match(List<MessageMeta> sources, List<MessageMeta> destinations,
      Function<List<MessageMeta>, Map<Long, String>> sourceHashes,
      Function<List<MessageMeta>, Map<Long, String>> destinationHashes) {
    List<Pair> pairs = new ArrayList<>();
    List<Group> toHash = new ArrayList<>();
    for (Group g : groups(sources, destinations)) {
      if (g.sources().isEmpty() || g.destinations().isEmpty()) {
        continue;
      }
      if (oneToOneByKey(g)) {
        pairs.add(new Pair(g.sources().getFirst(), g.destinations().getFirst(), Optional.empty()));
      } else {
        toHash.add(g);
      }
    }
    if (toHash.isEmpty()) {
      return pairs;
    }
    Map<Long, String> src = sourceHashes.apply(toHash.stream().flatMap(g -> g.sources().stream()).toList());
    Map<Long, String> dst = destinationHashes.apply(
        toHash.stream().flatMap(g -> g.destinations().stream()).toList());
    for (Group g : toHash) {
      pairs.addAll(pairByHash(g, src, dst));
    }
    return pairs;
  }

  /** How many source messages would pair, without hashing (for {@code plan}): an upper bound. */
  static List<MessageMeta> likelyMatched(List<MessageMeta> sources, List<MessageMeta> destinations) {
    List<MessageMeta> out = new ArrayList<>();
    for (Group g : groups(sources, destinations)) {
      out.addAll(g.sources().subList(0, Math.min(g.sources().size(), g.destinations().size())));
    }
    return out;
  }

  private static boolean oneToOneByKey(Group g) {
    MessageMeta s = g.sources().getFirst();
    MessageMeta d = g.destinations().getFirst();
    return g.sources().size() == 1 && g.destinations().size() == 1
        && s.messageId().filter(id -> !id.isEmpty()).isPresent()
        && s.internalDate().equals(d.internalDate());
  }

  private static List<Pair> pairByHash(Group g, Map<Long, String> src, Map<Long, String> dst) {
    Map<String, Deque<MessageMeta>> byHash = new HashMap<>();
    for (MessageMeta d : g.destinations()) {
      String h = dst.get(d.uid());
      if (h != null) {
        byHash.computeIfAbsent(h, k -> new ArrayDeque<>()).add(d);
      }
    }
    List<Pair> pairs = new ArrayList<>();
    for (MessageMeta s : g.sources()) {
      String h = src.get(s.uid());
      Deque<MessageMeta> twins = h == null ? null : byHash.get(h);
      if (twins != null && !twins.isEmpty()) {
        pairs.add(new Pair(s, twins.poll(), Optional.of(h)));
      }
    }
    return pairs;
  }

  private static List<Group> groups(List<MessageMeta> sources, List<MessageMeta> destinations) {
    Map<Key, Group> groups = new LinkedHashMap<>();
    Comparator<MessageMeta> byUid = Comparator.comparingLong(MessageMeta::uid);
    for (MessageMeta s : sources.stream().sorted(byUid).toList()) {
      groups.computeIfAbsent(key(s), k -> new Group(new ArrayList<>(), new ArrayList<>()))
          .sources().add(s);
    }
    for (MessageMeta d : destinations.stream().sorted(byUid).toList()) {
      Group g = groups.get(key(d));
      if (g != null) {
        g.destinations().add(d);
      }
    }
    return List.copyOf(groups.values());
  }

  private static Key key(MessageMeta m) {
    return new Key(m.messageId().map(String::trim).orElse(""), m.size());
  }
}
