package dev.mailshift.plan.load;

import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folder keys one {@code folders:} block sets. Blocks layer (defaults, plan-wide, {@code
 * accounts.defaults}, the folder profile the account names, the account): each key a block sets
 * replaces the key below it; lists are replaced, not appended.
 */
record FolderOverrides(
    Optional<List<String>> include,
    Optional<Patterns> exclude,
    Optional<MapEntries> map,
    Optional<List<FolderRules.RenameRule>> rename,
    Optional<String> destinationPrefix,
    Optional<FolderRules.SpecialUse> specialUse,
    Optional<FolderRules.Subscriptions> subscriptions,
    Optional<String> separatorReplacement,
    Optional<Boolean> merge,
    Optional<Boolean> caseInsensitiveDestination,
    Optional<List<String>> reservedNames,
    Optional<FolderRules.GmailLabels> gmailLabels) {

  static final FolderOverrides NONE =
      new FolderOverrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** An {@code exclude:} list: the patterns and where each is written. */
  record Patterns(List<String> regexes, List<Location> locations) {}

  /** A {@code map:} block: targets by source name, and where each entry is written. */
  record MapEntries(Map<String, String> targets, Map<String, Location> locations) {}

  FolderRules applyTo(FolderRules base) {
    return new FolderRules(
        include.orElse(base.include()),
        exclude.map(Patterns::regexes).orElse(base.exclude()),
        map.map(MapEntries::targets).orElse(base.map()),
        rename.orElse(base.rename()),
        destinationPrefix.orElse(base.destinationPrefix()),
        specialUse.orElse(base.specialUse()),
        subscriptions.orElse(base.subscriptions()),
        separatorReplacement.orElse(base.separatorReplacement()),
        merge.orElse(base.merge()),
        caseInsensitiveDestination.orElse(base.caseInsensitiveDestination()),
        reservedNames.orElse(base.reservedNames()),
        gmailLabels.orElse(base.gmailLabels()),
        map.map(MapEntries::locations).orElse(base.mapLocations()),
        base.profile());
  }
}
