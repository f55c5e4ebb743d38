package dev.mailshift.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What makes a destination folder name one a server cannot hold. Names are logical: {@code /}
 * between levels, no namespace prefix. Used by the loader on the names a plan writes, and by the
 * planner on the names rules produce.
 */
public final class FolderNames {
  private FolderNames() {}

  /** Why no server can hold {@code name}: an empty level or one with outer spaces; else empty. */
  public static Optional<String> unholdable(String name) {
    if (name.isEmpty()) {
      return Optional.of("is empty");
    }
    String[] levels = name.split("/", -1);
    for (String level : levels) {
      if (level.isEmpty()) {
        return Optional.of("has an empty level ('" + name + "': a leading, trailing or double /)");
      }
      if (!level.equals(level.strip())) {
        // Exchange and Outlook refuse or silently trim these; Dovecot keeps them, so the two
        // sides would disagree on the name.
        return Optional.of("has a level starting or ending with a space ('" + level + "')");
      }
    }
    return Optional.empty();
  }

  /** The reserved name {@code name} is (compared ignoring case, as Exchange does), if any. */
  public static Optional<String> reserved(String name, List<String> reservedNames) {
    String folded = name.toLowerCase(Locale.ROOT);
    return reservedNames.stream().filter(r -> r.toLowerCase(Locale.ROOT).equals(folded))
        .findFirst();
  }
}
