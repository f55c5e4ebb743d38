package dev.mailshift.planner;

import dev.mailshift.imap.FolderInfo;
import dev.mailshift.imap.ServerInfo;
import dev.mailshift.plan.FolderNames;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps source folder names to destination names. Pure: no I/O. Plan rules see a source folder by
 * its logical name: the personal namespace prefix removed (RFC 2342, e.g. {@code INBOX.} on
 * Courier/Cyrus-style hosts) and levels joined with {@code /}. The destination name is rebuilt
 * from levels with the destination's separator and prefix; a level that contains the
 * destination's separator gets that character replaced (the plan's separator-replacement).
 *
 * <p>Order of rules: INBOX is INBOX unless a map entry names it; then exclude, then include (a
 * map entry includes its folder; folders that hold no mail, such as calendars, are left out
 * unless an include pattern or map entry names them); then an explicit map entry; then the first matching rename rule; then the
 * special-use role (RFC 6154 attribute, else the localized name) matched to the destination's
 * folder of that role; then the name itself. The destination prefix applies to names from map
 * entries, rename rules and identity, not to INBOX or folders mapped by role.
 */
public final class FolderMapper {
  /** Why a Gmail label folder is left out under folders.gmail-labels: all-mail. */
  public static final String GMAIL_LABEL = "a Gmail label: its messages are copied once, from"
      + " All Mail, with the label as a keyword (folders.gmail-labels: all-mail)";

  private final FolderRules rules;
  private final List<Pattern> include;
  private final List<Pattern> exclude;
  /** The rename rules' match expressions, compiled once, in the rules' order. */
  private final List<Pattern> rename;
  private final SpecialFolders special;

  public FolderMapper(FolderRules rules) {
    this(rules, SpecialFolders.standard());
  }

  FolderMapper(FolderRules rules, SpecialFolders special) {
    this.rules = rules;
    this.include = rules.include().stream().map(Pattern::compile).toList();
    this.exclude = rules.exclude().stream().map(Pattern::compile).toList();
    this.rename = rules.rename().stream().map(r -> Pattern.compile(r.match())).toList();
    this.special = special;
  }

  public FolderMap map(
      String account,
      ServerInfo sourceInfo,
      List<FolderInfo> sourceFolders,
      ServerInfo destinationInfo,
      List<FolderInfo> destinationFolders) {
    DestinationSide destination = new DestinationSide(destinationInfo, destinationFolders, special);
    List<MappedFolder> out = new ArrayList<>();
    List<String> unholdable = new ArrayList<>();
    Map<String, FolderInfo> sourceByLogical = new HashMap<>();
    sourceFolders.forEach(f -> sourceByLogical.put(String.join("/", logicalLevels(f, sourceInfo)), f));
    for (FolderInfo source : sourceFolders) {
      if (source.selectable()) {
        MappedFolder f = mapOne(source, sourceInfo, destination, sourceByLogical);
        Optional<String> problem = f.migrated() ? nameProblem(f, destination.info())
            : Optional.empty();
        problem.ifPresent(unholdable::add);
        out.add(problem.isPresent() ? f.conflicting(List.of(f.sourceFolder())) : f);
      }
    }
    FolderConflicts.Result found = FolderConflicts.find(out, rules);
    List<String> conflicts = new ArrayList<>(unholdable);
    conflicts.addAll(found.conflicts());
    List<String> warnings = new ArrayList<>(found.warnings());
    warnings.addAll(destination.warnings());
    unmarkedRoles(found.folders(), destinationInfo).ifPresent(warnings::add);
    return new FolderMap(account, found.folders(), conflicts, warnings,
        unused(found.folders()), rules.profile(),
        ghostSubscriptions(sourceFolders).stream().toList());
  }

  /**
   * Source subscriptions to folders that do not exist (SUBSCRIBE does not require the folder,
   * RFC 3501 6.3.6, and DELETE leaves the subscription, 6.3.4): under folders.subscriptions: copy
   * there is nothing to subscribe on the destination, which plan says once instead of dropping
   * them without a word.
   */
  private Optional<String> ghostSubscriptions(List<FolderInfo> sourceFolders) {
    if (rules.subscriptions() != FolderRules.Subscriptions.COPY) {
      return Optional.empty();
    }
    List<String> ghosts = sourceFolders.stream()
        .filter(f -> f.subscribed()
            && f.attributes().stream().anyMatch("\\NonExistent"::equalsIgnoreCase))
        .map(FolderInfo::name).distinct().sorted().toList();
    if (ghosts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("source subscribed to " + String.join(", ", ghosts)
        + (ghosts.size() == 1 ? ", which does not exist" : ", which do not exist")
        + ": not subscribed on the destination");
  }

  /**
   * Folders to be created for a role on a destination without CREATE-SPECIAL-USE (RFC 6154
   * section 3): they are created plainly, so plan must not promise the attribute silently.
   */
  private static Optional<String> unmarkedRoles(List<MappedFolder> folders, ServerInfo info) {
    if (info.has("CREATE-SPECIAL-USE")) {
      return Optional.empty();
    }
    List<String> names = folders.stream()
        .filter(f -> f.migrated() && f.createWithRole().isPresent())
        .map(f -> f.destinationFolder() + " (" + f.createWithRole().get() + ")")
        .distinct().toList();
    return names.isEmpty() ? Optional.empty() : Optional.of("the destination does not offer"
        + " CREATE-SPECIAL-USE (RFC 6154): " + String.join(", ", names) + " will be created"
        + " without the attribute; mail clients then find them by name only");
  }

  /** The map entries and rename rules that decided no migrated folder of this account. */
  private List<MapReason.Rule> unused(List<MappedFolder> folders) {
    List<MapReason.Rule> all = new ArrayList<>();
    rules.map().keySet().stream()
        .map(k -> new MapReason.Rule("map", mapEntryNumber(k), k, rules.mapLocation(k)))
        .sorted(java.util.Comparator.comparingInt(MapReason.Rule::number))
        .forEach(all::add);
    for (int i = 0; i < rules.rename().size(); i++) {
      FolderRules.RenameRule r = rules.rename().get(i);
      all.add(new MapReason.Rule("rename", i + 1, r.match(), r.location()));
    }
    folders.stream().filter(MappedFolder::migrated)
        .forEach(f -> f.why().rule().ifPresent(all::remove));
    return all;
  }

  /**
   * Why the destination cannot hold the name a rule gave (an empty level, outer spaces), or a
   * name {@code folders.reserved-names} reserves; names of existing folders found by role pass.
   */
  private Optional<String> nameProblem(MappedFolder f, ServerInfo info) {
    String logical = logicalDestination(f.destinationFolder(), info);
    boolean byRule = f.why().kind() == MapReason.Kind.MAP_ENTRY
        || f.why().kind() == MapReason.Kind.RENAME_RULE;
    Optional<String> why = byRule ? FolderNames.unholdable(logical) : Optional.empty();
    if (why.isPresent()) {
      return Optional.of("source folder '" + f.sourceFolder() + "' maps by " + f.reason()
          + " to '" + logical + "', which " + why.get() + "; fix: correct the rule's to:");
    }
    return FolderNames.reserved(logical, rules.reservedNames()).map(r -> "source folder '"
        + f.sourceFolder() + "' maps (" + f.reason() + ") to '" + logical + "', a name the"
        + " destination reserves (folders.reserved-names: " + r + "); fix: add a folders.map"
        + " entry giving '" + f.logicalName() + "' another name, or remove '" + r
        + "' from folders.reserved-names if this destination accepts it");
  }

  /** A destination name without the namespace prefix, levels joined with "/". */
  private static String logicalDestination(String name, ServerInfo info) {
    String rest = !info.personalPrefix().isEmpty() && name.startsWith(info.personalPrefix())
        ? name.substring(info.personalPrefix().length()) : name;
    return String.join("/", rest.split(Pattern.quote(String.valueOf(info.separator())), -1));
  }

  private MappedFolder mapOne(FolderInfo source, ServerInfo sourceInfo,
      DestinationSide destination, Map<String, FolderInfo> sourceByLogical) {
    List<String> levels = logicalLevels(source, sourceInfo);
    String logical = String.join("/", levels);
    Target target = target(source, levels, logical, destination, sourceByLogical);
    String name = target.fullName() != null
        ? target.fullName()
        : destinationName(target.logicalLevels(), destination.info());
    FolderInfo existing = destination.named(name).orElse(null);
    boolean wanted = switch (rules.subscriptions()) {
      case COPY -> source.subscribed();
      case ALL -> true;
      case NONE -> false;
    };
    String reason = target.fullName() == null
        ? target.reason() + replaced(target.logicalLevels(), destination.info())
            + inboxChild(target.logicalLevels(), destination.info())
        : target.reason();
    Left left = exclusion(logical);
    if (left.why().isEmpty() && rules.gmailLabels() == FolderRules.GmailLabels.ALL_MAIL
        && sourceInfo.has("X-GM-EXT-1") && !GmailLabels.keptByAllMail(source, logical)) {
      left = new Left(MapReason.Kind.GMAIL_LABEL, GMAIL_LABEL);
    }
    MapReason why = left.why().isEmpty() ? target.why() : MapReason.of(left.kind());
    return new MappedFolder(source.name(), logical, name, reason, why, existing != null,
        wanted && (existing == null || !existing.subscribed()), left.why(),
        existing == null ? target.specialUse() : Optional.empty(), List.of(), List.of());
  }

  private record Target(List<String> logicalLevels, String fullName, String reason,
      Optional<String> specialUse, MapReason why) {}

  /** Why a folder is left out ({@code why} empty: it is migrated). */
  private record Left(MapReason.Kind kind, String why) {
    static final Left NOT = new Left(MapReason.Kind.SAME_NAME, "");
  }

  private Target target(FolderInfo source, List<String> levels, String logical,
      DestinationSide destination, Map<String, FolderInfo> sourceByLogical) {
    // an explicit map entry moves even INBOX (e.g. under "Old host/"); rules and roles do not
    String key = logical.equalsIgnoreCase("INBOX") ? rules.map().keySet().stream()
        .filter(k -> k.equalsIgnoreCase("INBOX")).findFirst().orElse(logical) : logical;
    String explicit = rules.map().get(key);
    if (explicit == null && logical.equalsIgnoreCase("INBOX")) {
      return new Target(List.of("INBOX"), "INBOX", "INBOX", Optional.empty(),
          MapReason.of(MapReason.Kind.INBOX));
    }
    if (explicit != null) {
      Location at = rules.mapLocation(key);
      return new Target(withPrefix(splitLogical(explicit)), null, "map entry '" + key + "'"
          + (at.equals(Location.UNKNOWN) ? "" : " at " + at), Optional.empty(),
          new MapReason(MapReason.Kind.MAP_ENTRY, Optional.of(new MapReason.Rule("map",
              mapEntryNumber(key), key, at)), Optional.empty()));
    }
    for (int i = 0; i < rules.rename().size(); i++) {
      FolderRules.RenameRule rule = rules.rename().get(i);
      Matcher m = rename.get(i).matcher(logical);
      if (m.matches()) {
        return new Target(withPrefix(splitLogical(m.replaceFirst(rule.to()))), null,
            "rename rule " + (i + 1) + " (" + rule.match() + ") at " + rule.location(),
            Optional.empty(), new MapReason(MapReason.Kind.RENAME_RULE, Optional.of(
                new MapReason.Rule("rename", i + 1, rule.match(), rule.location())),
            Optional.empty()));
      }
    }
    if (rules.specialUse() == FolderRules.SpecialUse.AUTO) {
      Optional<SpecialFolders.Recognised> role = special.roleOf(source, logical);
      if (role.isPresent()) {
        Optional<String> there = destination.ofRole(role.get().role(), source.name());
        if (there.isPresent()) {
          return new Target(List.of(), there.get(), role.get().how(), Optional.empty(),
              byRole(role.get()));
        }
        // the destination has no folder of this role: create it under the source's name,
        // marked with the role where CREATE-SPECIAL-USE (RFC 6154 section 3) is offered
        return new Target(levels, null, role.get().how(),
            Optional.of(role.get().role().attribute()), byRole(role.get()));
      }
    }
    if (rules.specialUse() == FolderRules.SpecialUse.AUTO) {
      Optional<Target> underParent = underRoleParent(levels, destination, sourceByLogical);
      if (underParent.isPresent()) {
        return underParent.get();
      }
    }
    // the source levels themselves: a "/" inside a level is a character, not a hierarchy step
    return new Target(withPrefix(levels), null, "same name", Optional.empty(),
        MapReason.of(MapReason.Kind.SAME_NAME));
  }

  private static MapReason byRole(SpecialFolders.Recognised role) {
    return new MapReason(role.byAttribute() ? MapReason.Kind.SPECIAL_USE_ATTRIBUTE
        : MapReason.Kind.SPECIAL_USE_NAME, Optional.empty(), Optional.of(role.role().attribute()));
  }

  /** The map entry's 1-based position among the map entries, in the order they are written. */
  private int mapEntryNumber(String key) {
    Location at = rules.mapLocation(key);
    if (at.equals(Location.UNKNOWN)) {
      return 0;
    }
    return 1 + (int) rules.map().keySet().stream().map(rules::mapLocation)
        .filter(o -> o.file().equals(at.file()) && (o.line() < at.line()
            || o.line() == at.line() && o.column() < at.column())).count();
  }

  /**
   * A child of a folder mapped by role follows its parent: Archiv/2019 -> Archive/2019, and the
   * children of a folder marked \Archive on the source likewise (the parent's own attributes
   * when the source lists it, its name otherwise).
   */
  private Optional<Target> underRoleParent(List<String> levels, DestinationSide destination,
      Map<String, FolderInfo> sourceByLogical) {
    for (int n = levels.size() - 1; n >= 1; n--) {
      String parent = String.join("/", levels.subList(0, n));
      FolderInfo asFolder = sourceByLogical.getOrDefault(parent,
          new FolderInfo(parent, '/', Set.of(), false));
      Optional<SpecialFolders.Recognised> role = special.roleOf(asFolder, parent);
      Optional<String> there = role.flatMap(r -> destination.ofRole(r.role()));
      if (there.isPresent()) {
        String separator = String.valueOf(destination.info().separator());
        List<String> rest = levels.subList(n, levels.size()).stream()
            .map(l -> l.replace(separator, rules.separatorReplacement())).toList();
        return Optional.of(new Target(List.of(), there.get() + separator + String.join(separator, rest),
            "inside " + parent + " (" + role.get().how() + ")", Optional.empty(),
            new MapReason(MapReason.Kind.INSIDE_SPECIAL_FOLDER, Optional.empty(),
                Optional.of(role.get().role().attribute()))));
      }
    }
    return Optional.empty();
  }

  private List<String> withPrefix(List<String> levels) {
    if (rules.destinationPrefix().isEmpty()) {
      return levels;
    }
    List<String> prefixed = new ArrayList<>(splitLogical(rules.destinationPrefix()));
    prefixed.addAll(levels);
    return prefixed;
  }

  private Left exclusion(String logical) {
    for (Pattern p : exclude) {
      if (p.matcher(logical).find()) {
        return new Left(MapReason.Kind.EXCLUDED, "excluded by exclude pattern " + p.pattern());
      }
    }
    // a map entry names the folder: it is included, as if an include pattern matched it
    boolean included = include.stream().anyMatch(p -> p.matcher(logical).find())
        || rules.map().containsKey(logical);
    Optional<String> nonMail = special.nonMailRoot(logical);
    if (nonMail.isPresent() && !included && !rules.map().containsKey(nonMail.get())) {
      // the fix names folders.map, not folders.include: an include pattern would also leave out
      // every folder it does not match
      String root = nonMail.get();
      return new Left(MapReason.Kind.NON_MAIL, (root.equals(logical) ? "holds no mail"
          : "inside " + root + ", which holds no mail")
          + " (calendar, contacts, tasks...); to migrate it anyway add \"" + root + "\": \""
          + root + "\" to folders.map");
    }
    if (!include.isEmpty() && !included && !logical.equalsIgnoreCase("INBOX")) {
      return new Left(MapReason.Kind.NOT_INCLUDED, "not matched by any include pattern");
    }
    return Left.NOT;
  }

  /** The source name's levels with the personal namespace prefix removed. */
  static List<String> logicalLevels(FolderInfo folder, ServerInfo info) {
    String name = folder.name();
    if (name.equalsIgnoreCase("INBOX")) {
      return List.of("INBOX");
    }
    String prefix = info.personalPrefix();
    if (!prefix.isEmpty() && name.startsWith(prefix)) {
      name = name.substring(prefix.length());
    }
    return Arrays.asList(name.split(Pattern.quote(String.valueOf(folder.separator())), -1));
  }

  /** ", '.' in a name replaced by '_'" when a level holds the destination's separator. */
  private String replaced(List<String> levels, ServerInfo info) {
    String separator = String.valueOf(info.separator());
    return levels.stream().anyMatch(l -> l.contains(separator))
        ? ", '" + separator + "' in a name replaced by '" + rules.separatorReplacement() + "'"
        : "";
  }

  private String destinationName(List<String> levels, ServerInfo info) {
    if (levels.size() == 1 && levels.get(0).equalsIgnoreCase("INBOX")) {
      return "INBOX";
    }
    String separator = String.valueOf(info.separator());
    List<String> safe = levels.stream().map(l -> l.replace(separator, rules.separatorReplacement())).toList();
    if (inboxIsNamespace(levels, info)) {
      // INBOX/foo on a destination whose personal namespace is "INBOX.": INBOX's children are
      // that namespace (RFC 2342 section 5), so INBOX/foo is INBOX.foo, never INBOX.INBOX.foo
      safe = safe.subList(1, safe.size());
    }
    return info.personalPrefix() + String.join(separator, safe);
  }

  /** Whether levels name a child of INBOX and the destination's namespace is INBOX's children. */
  private static boolean inboxIsNamespace(List<String> levels, ServerInfo info) {
    return levels.size() > 1 && levels.get(0).equalsIgnoreCase("INBOX")
        && info.personalPrefix().equalsIgnoreCase("INBOX" + info.separator());
  }

  /** ", INBOX's children are the destination's namespace INBOX." when that decided the name. */
  private static String inboxChild(List<String> levels, ServerInfo info) {
    return inboxIsNamespace(levels, info)
        ? ", a child of INBOX: on this destination INBOX's children are its namespace "
            + info.personalPrefix()
        : "";
  }

  private static List<String> splitLogical(String logical) {
    return Arrays.asList(logical.split("/", -1));
  }
}
