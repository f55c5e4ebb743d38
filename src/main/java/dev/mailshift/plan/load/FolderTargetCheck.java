package dev.mailshift.plan.load;

import dev.mailshift.plan.Account;
import dev.mailshift.plan.FolderNames;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.Location;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the destination names the plan itself writes, once the folder blocks are layered (so
 * {@code merge}, {@code case-insensitive-destination} and {@code reserved-names} are the ones
 * that apply): {@code map} targets and {@code rename} targets must be names the destination can
 * hold (a target with {@code $n} whatever the groups hold), and two map entries need {@code
 * merge: true} to share a target.
 * Names that only exist once real folder names are known are checked by the planner.
 */
final class FolderTargetCheck {
  private static final Pattern GROUP_REFERENCE = RenameTemplate.GROUP_REFERENCE;
  private static final String MERGE_FIX =
      "give each source folder its own destination folder, or write folders.merge: true to"
          + " merge them";

  private final ReadContext ctx;
  private final Set<String> reported = new LinkedHashSet<>();

  FolderTargetCheck(ReadContext ctx) {
    this.ctx = ctx;
  }

  void check(FolderRules planWide, List<Account> accounts) {
    Set<FolderRules> distinct = new LinkedHashSet<>();
    distinct.add(planWide);
    accounts.forEach(a -> distinct.add(a.folders()));
    distinct.forEach(this::check);
  }

  private void check(FolderRules rules) {
    Map<String, Map.Entry<String, String>> firstSource = new HashMap<>();
    rules.map().entrySet().stream()
        .sorted((a, b) -> compare(rules.mapLocation(a.getKey()), rules.mapLocation(b.getKey())))
        .forEach(e -> {
          Location at = rules.mapLocation(e.getKey());
          String target = e.getValue();
          name(at, "folders.map target '" + target + "' (for '" + e.getKey() + "')", target,
              rules.reservedNames());
          ontoInbox(rules, at, "folders.map entry '" + e.getKey() + "'", target);
          String key = rules.caseInsensitiveDestination() ? target.toLowerCase(Locale.ROOT)
              : target;
          Map.Entry<String, String> other = firstSource.putIfAbsent(key, e);
          if (other != null && !rules.merge()) {
            error(at, "folders.map: '" + other.getKey() + "' (at "
                + rules.mapLocation(other.getKey()) + ") and '" + e.getKey() + "' (at " + at
                + ") both map to '" + target + "'", MERGE_FIX);
          }
        });
    for (int i = 0; i < rules.rename().size(); i++) {
      FolderRules.RenameRule rule = rules.rename().get(i);
      String what = "folders.rename rule " + (i + 1);
      if (GROUP_REFERENCE.matcher(rule.to()).find()) {
        // the name is known only per folder (the planner checks it then): here only what is
        // wrong whatever the groups hold
        RenameTemplate.fault(rule.to()).ifPresent(fault -> error(rule.location(), what
            + " to: '" + rule.to() + "' " + fault, "write the literal parts of to: without a"
            + " leading, trailing or double '/' and without spaces next to a '/'"));
        continue;
      }
      name(rule.location(), what + " target '" + rule.to() + "'", rule.to(),
          rules.reservedNames());
      ontoInbox(rules, rule.location(), what + " (" + rule.match() + ")", rule.to());
    }
  }

  /**
   * Every mailbox has an INBOX, mapped to the destination's INBOX unless a map entry moves it:
   * another folder onto INBOX is two folders in one unless merge is true.
   */
  private void ontoInbox(FolderRules rules, Location at, String what, String target) {
    boolean inboxMovedAway = rules.map().keySet().stream().anyMatch(k -> k.equalsIgnoreCase(
        "INBOX"));
    if (target.equalsIgnoreCase("INBOX") && rules.destinationPrefix().isEmpty()
        && !rules.merge() && !inboxMovedAway) {
      error(at, what + " maps a folder onto INBOX, where the source's INBOX goes too",
          "write folders.merge: true to merge it into INBOX, or give it another name");
    }
  }

  private void name(Location at, String what, String name, List<String> reservedNames) {
    Optional<String> why = FolderNames.unholdable(name);
    if (why.isPresent()) {
      error(at, what + " " + why.get(), "write the name without empty levels and outer spaces");
      return;
    }
    FolderNames.reserved(name, reservedNames).ifPresent(r -> error(at, what
        + " is '" + r + "', a name the destination reserves (folders.reserved-names)",
        "map the folder to another name, or remove '" + r + "' from folders.reserved-names if"
            + " the destination accepts it"));
  }

  private void error(Location at, String what, String fix) {
    if (reported.add(at + "\n" + what)) {
      ctx.error(at, what, fix);
    }
  }

  private static int compare(Location a, Location b) {
    int c = a.file().compareTo(b.file());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.line(), b.line());
    return c != 0 ? c : Integer.compare(a.column(), b.column());
  }
}
