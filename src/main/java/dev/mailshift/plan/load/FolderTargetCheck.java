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
 * that apply): {@code map} targets and the literal parts of {@code rename} targets must be names
 * the destination can hold, and two map entries need {@code merge: true} to share a target.
 * Names that only exist once real folder names are known are checked by the planner.
 */
final class FolderTargetCheck {
  private static final Pattern GROUP_REFERENCE = Pattern.compile("(?<!\\\\)\\$(\\d+|\\{\\w+})");
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
    Map<String, String> firstSource = new HashMap<>();
    rules.map().entrySet().stream()
        .sorted((a, b) -> compare(rules.mapLocation(a.getKey()), rules.mapLocation(b.getKey())))
        .forEach(e -> {
          Location at = rules.mapLocation(e.getKey());
          String target = e.getValue();
          name(at, "folders.map target '" + target + "' (for '" + e.getKey() + "')", target,
              rules.reservedNames());
          excluded(rules, e.getKey(), at);
          ontoInbox(rules, at, "folders.map entry '" + e.getKey() + "'", target);
          String key = rules.caseInsensitiveDestination() ? target.toLowerCase(Locale.ROOT)
              : target;
          String other = firstSource.putIfAbsent(key, e.getKey());
          if (other != null && !rules.merge()) {
            error(at, "folders.map: '" + other + "' and '" + e.getKey() + "' both map to '"
                + target + "'", MERGE_FIX);
          }
        });
    for (int i = 0; i < rules.rename().size(); i++) {
      FolderRules.RenameRule rule = rules.rename().get(i);
      String literal = GROUP_REFERENCE.matcher(rule.to()).replaceAll("x");
      // with group references the name is known only per folder: the planner checks it then
      name(rule.location(), "folders.rename rule " + (i + 1) + " target '" + rule.to() + "'",
          literal, literal.equals(rule.to()) ? rules.reservedNames() : List.of());
      if (literal.equals(rule.to())) {
        ontoInbox(rules, rule.location(), "folders.rename rule " + (i + 1) + " ("
            + rule.match() + ")", rule.to());
      }
    }
  }

  /**
   * A map entry for a folder an exclude pattern leaves out would be silently unused (exclude
   * wins, even over a map entry): an error, so the plan says one thing. A map entry includes its
   * folder, so include patterns cannot leave it out.
   */
  private void excluded(FolderRules rules, String source, Location at) {
    for (String exclude : rules.exclude()) {
      if (Pattern.compile(exclude).matcher(source).find()) {
        error(at, "folders.map entry '" + source + "' is for a folder that folders.exclude"
            + " pattern '" + exclude + "' leaves out (exclude wins), so the entry is never used",
            "remove the map entry, or narrow the exclude pattern so that it does not match '"
                + source + "'");
        return;
      }
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
