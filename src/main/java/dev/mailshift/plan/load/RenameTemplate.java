package dev.mailshift.plan.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What can be said about a {@code folders.rename} {@code to:} template before any folder name is
 * known: faults that hold whatever its {@code $1} / {@code ${name}} groups hold, and how to refer to
 * the groups a {@code match:} has.
 */
final class RenameTemplate {
  /** {@code $1} or {@code ${name}} (group 2 is the name), not after a backslash. */
  static final Pattern GROUP_REFERENCE = Pattern.compile("(?<!\\\\)\\$(\\d+|\\{(\\w+)})");

  private RenameTemplate() {}

  /**
   * Why every name {@code to} can give is one no server holds (an empty level, a level starting
   * or ending with a space), e.g. "gives a level with a leading space whatever $1 is"; empty when
   * some group values give a good name. A group may hold a '/' or nothing, so only the literal
   * text at the edges of each '/'-separated part decides.
   */
  static Optional<String> fault(String to) {
    String whatever = whatever(to);
    for (String level : to.split("/", -1)) {
      if (level.isEmpty()) {
        return Optional.of("gives an empty level (a leading, trailing or double '/') " + whatever);
      }
      if (level.length() != level.stripLeading().length()) {
        return Optional.of("gives a level with a leading space " + whatever);
      }
      if (level.length() != level.stripTrailing().length()) {
        return Optional.of("gives a level with a trailing space " + whatever);
      }
    }
    return Optional.empty();
  }

  /** "whatever $1 is", "whatever $1 and $2 are". */
  private static String whatever(String to) {
    Set<String> refs = new LinkedHashSet<>();
    Matcher m = GROUP_REFERENCE.matcher(to);
    while (m.find()) {
      refs.add(m.group());
    }
    List<String> list = new ArrayList<>(refs);
    return "whatever " + and(list) + (list.size() == 1 ? " is" : " are");
  }

  /**
   * How to refer to the groups of {@code match}: for a match without groups, how to make one;
   * else {@code $1}, {@code $1 or $2}, {@code $1 to $3}, plus {@code ${name}} for named groups.
   */
  static String groupsFix(Pattern match) {
    int groups = match.matcher("").groupCount();
    String literal = "; write \\$ for a literal dollar sign";
    if (groups == 0) {
      return "match has no (group): put ( ) around the part of the folder name to carry over"
          + " (the first ( ) is $1), or write to: without $" + literal;
    }
    String numbers = switch (groups) {
      case 1 -> "$1 for the one (group) in match";
      case 2 -> "$1 or $2 for the two (groups) in match";
      default -> "$1 to $" + groups + " for the " + groups + " (groups) in match";
    };
    List<String> named = match.namedGroups().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByValue())
        .map(e -> "${" + e.getKey() + "}").toList();
    String byName = named.isEmpty() ? "" : " (or by name: " + and(named) + ")";
    return "use " + numbers + byName + literal;
  }

  private static String and(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
  }
}
