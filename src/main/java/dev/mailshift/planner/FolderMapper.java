package dev.mailshift.planner;

import dev.mailshift.imap.FolderInfo;
import dev.mailshift.imap.ServerInfo;
import dev.mailshift.plan.FolderNames;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private final SpecialFolders special;

  public FolderMapper(FolderRules rules) {
    this(rules, SpecialFolders.standard());
  }

  FolderMapper(FolderRules rules, SpecialFolders special) {
    this.rules = rules;
    this.include = rules.include().stream().map(Pattern::compile).toList();
    this.exclude = rules.exclude().stream().map(Pattern::compile).toList();
    this.special = special;
  }

  public FolderMap map(
      String account,
      ServerInfo sourceInfo,
      List<FolderInfo> sourceFolders,
      ServerInfo destinationInfo,
      List<FolderInfo> destinationFolders) {
    Side destination = new Side(destinationInfo, destinationFolders);
    List<MappedFolder> out = new ArrayList<>();
    List<String> unholdable = new ArrayList<>();
    for (FolderInfo source : sourceFolders) {
      if (source.selectable()) {
        MappedFolder f = mapOne(source, sourceInfo, destination);
        Optional<String> problem = f.migrated() ? nameProblem(f, destination.info)
            : Optional.empty();
        problem.ifPresent(unholdable::add);
        out.add(problem.isPresent() ? f.conflicting(List.of(f.sourceFolder())) : f);
      }
    }
    FolderConflicts.Result found = FolderConflicts.find(out, rules);
    List<String> conflicts = new ArrayList<>(unholdable);
    conflicts.addAll(found.conflicts());
    return new FolderMap(account, found.folders(), conflicts, found.warnings(),
        unused(found.folders()));
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

  /** The destination's folders by name and by role. */
  private final class Side {
    final ServerInfo info;
    final Map<String, FolderInfo> byName = new HashMap<>();
    final Map<SpecialFolders.Role, String> byRole = new LinkedHashMap<>();

    Side(ServerInfo info, List<FolderInfo> folders) {
      this.info = info;
      folders.forEach(f -> byName.put(f.name(), f));
      // attributes first, then names: a folder marked \Sent wins over one merely called "Sent"
      for (boolean byAttribute : new boolean[] {true, false}) {
        for (FolderInfo f : folders) {
          String logical = String.join("/", logicalLevels(f, info));
          special.roleOf(f, logical)
              .filter(r -> r.byAttribute() == byAttribute)
              .ifPresent(r -> byRole.putIfAbsent(r.role(), f.name()));
        }
      }
    }
  }

  private MappedFolder mapOne(FolderInfo source, ServerInfo sourceInfo, Side destination) {
    List<String> levels = logicalLevels(source, sourceInfo);
    String logical = String.join("/", levels);
    Target target = target(source, levels, logical, destination);
    String name = target.fullName() != null
        ? target.fullName()
        : destinationName(target.logicalLevels(), destination.info);
    FolderInfo existing = destination.byName.get(name);
    boolean wanted = switch (rules.subscriptions()) {
      case COPY -> source.subscribed();
      case ALL -> true;
      case NONE -> false;
    };
    String reason = target.fullName() == null
        ? target.reason() + replaced(target.logicalLevels(), destination.info) : target.reason();
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

  private Target target(FolderInfo source, List<String> levels, String logical, Side destination) {
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
      Matcher m = Pattern.compile(rule.match()).matcher(logical);
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
        String there = destination.byRole.get(role.get().role());
        if (there != null) {
          return new Target(List.of(), there, role.get().how(), Optional.empty(),
              byRole(role.get()));
        }
        // the destination has no folder of this role: create it under the source's name,
        // marked with the role where CREATE-SPECIAL-USE (RFC 6154 section 3) is offered
        return new Target(levels, null, role.get().how(),
            Optional.of(role.get().role().attribute()), byRole(role.get()));
      }
    }
    if (rules.specialUse() == FolderRules.SpecialUse.AUTO) {
      Optional<Target> underParent = underRoleParent(levels, destination);
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

  /** A child of a folder mapped by role follows its parent: Archiv/2019 -> Archive/2019. */
  private Optional<Target> underRoleParent(List<String> levels, Side destination) {
    for (int n = levels.size() - 1; n >= 1; n--) {
      String parent = String.join("/", levels.subList(0, n));
      FolderInfo asFolder = new FolderInfo(parent, '/', java.util.Set.of(), false);
      Optional<SpecialFolders.Recognised> role = special.roleOf(asFolder, parent);
      if (role.isPresent() && destination.byRole.containsKey(role.get().role())) {
        String there = destination.byRole.get(role.get().role());
        String separator = String.valueOf(destination.info.separator());
        List<String> rest = levels.subList(n, levels.size()).stream()
            .map(l -> l.replace(separator, rules.separatorReplacement())).toList();
        return Optional.of(new Target(List.of(), there + separator + String.join(separator, rest),
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
    if (special.isNonMail(logical) && !included) {
      return new Left(MapReason.Kind.NON_MAIL, "holds no mail (calendar, contacts, tasks...);"
          + " name it in folders.include to migrate it");
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
    return info.personalPrefix() + String.join(separator, safe);
  }

  private static List<String> splitLogical(String logical) {
    return Arrays.asList(logical.split("/", -1));
  }
}
