package dev.mailshift.planner;

import dev.mailshift.plan.FolderRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where migrated source folders meet on the destination. Two landing in one destination
 * folder, or two that would both be created as the destination's folder of one special-use role
 * (a role mapped twice), are an error naming both (their mail would be merged unnoticed, or the
 * destination would get two Sent folders) unless {@code folders.merge} is true, when they are
 * marked as merged into the first (one recognised by its SPECIAL-USE attribute, else the first by
 * source name: never the server's LIST order, which varies). Names that differ only in case are one
 * folder on a case-insensitive destination ({@code folders.case-insensitive-destination}, the
 * default): treated the same way; otherwise only a warning. INBOX is case-insensitive everywhere
 * (RFC 3501 section 5.1).
 */
final class FolderConflicts {
  /** The folders (merges marked), the errors, the warnings. */
  record Result(List<MappedFolder> folders, List<String> conflicts, List<String> warnings) {}

  /** A folder recognised by its SPECIAL-USE attribute before one by name, then by name. */
  private static final Comparator<MappedFolder> FIRST = Comparator
      .comparing((MappedFolder f) -> f.reason().startsWith("special-use ")
          && !f.reason().contains(" by its name") ? 0 : 1)
      .thenComparing(MappedFolder::sourceFolder);

  private FolderConflicts() {}

  static Result find(List<MappedFolder> folders, FolderRules rules) {
    Map<String, List<MappedFolder>> byKey = new LinkedHashMap<>();
    for (MappedFolder f : folders) {
      if (f.migrated()) {
        // folders to be created with one role would be two folders with that role: one group
        String key = f.createWithRole().map(r -> "\u0000role " + r)
            .orElse(key(f.destinationFolder(), rules));
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
      }
    }
    List<String> conflicts = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<MappedFolder, MappedFolder> merged = new LinkedHashMap<>();
    for (List<MappedFolder> group : byKey.values()) {
      if (group.size() < 2) {
        continue;
      }
      // servers list folders in no fixed order (Dovecot's differs between sessions): the folder
      // the others merge into, and the one conflicts are named against, must not follow it
      group.sort(FIRST);
      if (rules.merge()) {
        MappedFolder first = group.get(0);
        for (MappedFolder f : group) {
          merged.put(f, f.mergedInto(first, group.stream()
              .filter(o -> o != f).map(MappedFolder::sourceFolder).toList()));
        }
        continue;
      }
      for (int i = 1; i < group.size(); i++) {
        conflicts.add(conflict(group.get(0), group.get(i), rules));
      }
      for (MappedFolder f : group) {
        merged.put(f, f.conflicting(group.stream().filter(o -> o != f)
            .map(MappedFolder::sourceFolder).toList()));
      }
    }
    if (!rules.caseInsensitiveDestination()) {
      caseWarnings(byKey, warnings);
    }
    List<MappedFolder> out = folders.stream().map(f -> merged.getOrDefault(f, f)).toList();
    return new Result(out, conflicts, warnings);
  }

  private static String key(String destination, FolderRules rules) {
    return rules.caseInsensitiveDestination() || destination.equalsIgnoreCase("INBOX")
        ? destination.toLowerCase(Locale.ROOT) : destination;
  }

  private static String conflict(MappedFolder a, MappedFolder b, FolderRules rules) {
    boolean sameName = a.destinationFolder().equals(b.destinationFolder());
    String where = sameName ? "both map to destination folder '" + a.destinationFolder() + "'"
        : a.createWithRole().isPresent()
            ? "would both be created as the destination's " + a.createWithRole().get()
                + " folder ('" + a.destinationFolder() + "', '" + b.destinationFolder() + "')"
            : "map to '" + a.destinationFolder() + "' and '" + b.destinationFolder() + "', one"
                + " folder on a case-insensitive destination"
                + " (folders.case-insensitive-destination)";
    return "source folders '" + a.sourceFolder() + "' (" + a.reason() + ") and '"
        + b.sourceFolder() + "' (" + b.reason() + ") " + where + role(a, b)
        + "; fix: give one of them its own name with folders.map, or write folders.merge: true"
        + " to merge them";
  }

  /** " (two source folders with the \Sent role)" when both were mapped by one role. */
  private static String role(MappedFolder a, MappedFolder b) {
    Optional<String> ra = roleIn(a.reason());
    return ra.isPresent() && ra.equals(roleIn(b.reason()))
        ? ", two source folders with the " + ra.get() + " role" : "";
  }

  private static Optional<String> roleIn(String reason) {
    if (!reason.startsWith("special-use ")) {
      return Optional.empty();
    }
    String rest = reason.substring("special-use ".length());
    int end = rest.indexOf(' ');
    return Optional.of(end < 0 ? rest : rest.substring(0, end));
  }

  private static void caseWarnings(Map<String, List<MappedFolder>> byKey, List<String> warnings) {
    Map<String, MappedFolder> seenFolded = new LinkedHashMap<>();
    for (List<MappedFolder> group : byKey.values()) {
      MappedFolder f = group.get(0);
      String folded = f.destinationFolder().toLowerCase(Locale.ROOT);
      MappedFolder other = seenFolded.putIfAbsent(folded, f);
      if (other != null) {
        warnings.add("source folders '" + other.sourceFolder() + "' and '" + f.sourceFolder()
            + "' differ only in case on the destination ('" + f.destinationFolder()
            + "'): a case-insensitive server would merge them (this plan says the destination"
            + " is case-sensitive: folders.case-insensitive-destination: false)");
      }
    }
  }
}
