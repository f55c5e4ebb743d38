package dev.mailshift.plan.load;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" for a mistyped key or value: the closest known word, if it is close enough. */
final class Suggestions {
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private Suggestions() {}

  /** The known word nearest to {@code typed}, when at most a third of it (at least 2) differs. */
  static Optional<String> closest(String typed, Collection<String> known) {
    int limit = Math.max(2, typed.length() / 3);
    return known.stream()
        .map(word -> new Scored(word, DISTANCE.apply(typed.toLowerCase(), word.toLowerCase())))
        .filter(s -> s.distance <= limit)
        .min(Comparator.comparingInt(Scored::distance))
        .map(Scored::word);
  }

  /** A fix text: "did you mean 'x'?" or the list of what is allowed. */
  static String fix(String typed, Collection<String> known) {
    return closest(typed, known)
        .map(word -> "did you mean '" + word + "'?")
        .orElse("use one of: " + String.join(", ", known));
  }

  private record Scored(String word, int distance) {}
}
