package dev.mailshift.sync;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the flags a destination folder can store. System flags (\Seen, \Answered, \Flagged,
 * \Deleted, \Draft) always pass; a keyword passes when PERMANENTFLAGS is unknown, holds {@code
 * \*} (new keywords allowed, RFC 3501 7.1) or names it (keywords compare case-insensitively).
 */
record KeywordFilter(Optional<Set<String>> permanentFlags) {
  /** The flags to write and the keywords dropped. */
  record Filtered(Set<String> kept, Set<String> dropped) {}

  static final KeywordFilter ALLOW_ALL = new KeywordFilter(Optional.empty());

  Filtered apply(Set<String> flags) {
    if (permanentFlags.isEmpty() || permanentFlags.get().contains("\\*")) {
      return new Filtered(withoutRecent(flags), Set.of());
    }
    Set<String> allowed = new HashSet<>();
    permanentFlags.get().forEach(f -> allowed.add(f.toLowerCase(Locale.ROOT)));
    Set<String> kept = new HashSet<>();
    Set<String> dropped = new TreeSet<>();
    for (String f : withoutRecent(flags)) {
      if (f.startsWith("\\") || allowed.contains(f.toLowerCase(Locale.ROOT))) {
        kept.add(f);
      } else {
        dropped.add(f);
      }
    }
    return new Filtered(Set.copyOf(kept), Set.copyOf(dropped));
  }

  /** \Recent is session state a client cannot set (RFC 3501 2.3.2). */
  private static Set<String> withoutRecent(Set<String> flags) {
    Set<String> out = new HashSet<>(flags);
    out.removeIf(f -> f.equalsIgnoreCase("\\Recent"));
    return Set.copyOf(out);
  }
}
