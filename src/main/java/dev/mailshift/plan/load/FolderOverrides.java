package dev.mailshift.plan.load;

import dev.mailshift.plan.FolderRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folder keys one {@code folders:} block sets. Blocks layer (defaults, plan-wide, {@code
 * accounts.defaults}, the account): each key a block sets replaces the key below it; lists are
 * replaced, not appended.
 */
record FolderOverrides(
    Optional<List<String>> include,
    Optional<List<String>> exclude,
    Optional<Map<String, String>> map,
    Optional<List<FolderRules.RenameRule>> rename,
    Optional<String> destinationPrefix,
    Optional<FolderRules.SpecialUse> specialUse,
    Optional<FolderRules.Subscriptions> subscriptions,
    Optional<String> separatorReplacement) {

  static final FolderOverrides NONE =
      new FolderOverrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  FolderRules applyTo(FolderRules base) {
    return new FolderRules(
        include.orElse(base.include()),
        exclude.orElse(base.exclude()),
        map.orElse(base.map()),
        rename.orElse(base.rename()),
        destinationPrefix.orElse(base.destinationPrefix()),
        specialUse.orElse(base.specialUse()),
        subscriptions.orElse(base.subscriptions()),
        separatorReplacement.orElse(base.separatorReplacement()));
  }
}
