package dev.mailshift.planner;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The complete folder map of one account: every source folder with its destination or the
 * reason it is left out, plus the conflicts that stop the plan (two source folders landing in
 * one destination folder) and warnings (names that differ only in case, which a case-insensitive
 * destination would merge).
 *
 * <p>The folders are held in one stable order, INBOX first and then by source name as rules see
 * it (levels joined with "/", prefix removed; ignoring case, then exactly): servers list in an
 * order of their own, Dovecot's varying between sessions, and a plan reviewed in a pull request
 * must read the same on every run.
 *
 * @param unusedRules the account's {@code folders.map} entries and {@code folders.rename} rules
 *     that decided no migrated folder (a misspelt source name, a regex that matches nothing)
 * @param profile the {@code accounts.folder-profiles} entry layered into the account's rules,
 *     if any
 * @param notes facts worth a reviewer's eye that need no action (a source subscription to a
 *     folder that does not exist)
 */
public record FolderMap(String account, List<MappedFolder> folders, List<String> conflicts,
    List<String> warnings, List<MapReason.Rule> unusedRules, Optional<String> profile,
    List<String> notes) {
  public FolderMap {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(profile, "profile");
    folders = folders.stream().sorted(ORDER).toList();
    conflicts = List.copyOf(conflicts);
    warnings = List.copyOf(warnings);
    unusedRules = List.copyOf(unusedRules);
    notes = List.copyOf(notes);
  }


  private static final Comparator<MappedFolder> ORDER = Comparator
      .comparing((MappedFolder f) -> !f.logicalName().equalsIgnoreCase("INBOX"))
      .thenComparing(MappedFolder::logicalName, String.CASE_INSENSITIVE_ORDER)
      .thenComparing(MappedFolder::logicalName)
      .thenComparing(MappedFolder::sourceFolder);

  public FolderMap(
      String account, List<MappedFolder> folders, List<String> conflicts, List<String> warnings) {
    this(account, folders, conflicts, warnings, List.of(), Optional.empty(), List.of());
  }

  public List<MappedFolder> migrated() {
    return folders.stream().filter(MappedFolder::migrated).toList();
  }

  /**
   * The rules that decided no migrated folder in any of {@code maps} (unused in some account
   * and used in none), in the order first seen: worth a warning, since a rule that matches
   * nothing is usually a typo.
   */
  public static List<MapReason.Rule> unusedInAll(List<FolderMap> maps) {
    Set<MapReason.Rule> used = new LinkedHashSet<>();
    maps.forEach(m -> m.migrated().forEach(f -> f.why().rule().ifPresent(used::add)));
    Set<MapReason.Rule> unused = new LinkedHashSet<>();
    maps.forEach(m -> m.unusedRules().stream().filter(r -> !used.contains(r))
        .forEach(unused::add));
    return List.copyOf(unused);
  }

  /** How {@code plan} words an unused rule. */
  public static String describeUnused(MapReason.Rule r) {
    return "map".equals(r.section())
        ? "folders.map entry '" + r.match() + "' at " + r.at() + " matched no migrated source"
            + " folder in any account; check the name (rules see '/' between levels and no"
            + " namespace prefix: INBOX.Work.Old is Work/Old), or remove the entry"
        : "folders.rename rule " + r.number() + " (" + r.match() + ") at " + r.at()
            + " matched no migrated source folder in any account (or an earlier rule or map"
            + " entry decided first); check the expression, or remove the rule";
  }
}
