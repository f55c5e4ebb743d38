package dev.mailshift.planner;

import dev.mailshift.imap.FolderInfo;
import dev.mailshift.imap.ServerInfo;
import dev.mailshift.plan.FolderRules;
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
 * <p>Order of rules: INBOX is always INBOX; then exclude/include (folders that hold no mail,
 * such as calendars, are left out unless an include pattern or map entry names them); then an
 * explicit map entry; then the first matching rename rule; then the special-use role (RFC 6154
 * attribute, else the localized name) matched to the destination's folder of that role; then
 * the name itself. The destination prefix applies to names from rules and identity.
 */
public final class FolderMapper {
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
    for (FolderInfo source : sourceFolders) {
      if (source.selectable()) {
        out.add(mapOne(source, sourceInfo, destination));
      }
    }
    List<String> warnings = new ArrayList<>();
    List<String> conflicts = FolderConflicts.find(out, warnings);
    return new FolderMap(account, out, conflicts, warnings);
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
    return new MappedFolder(source.name(), logical, name, target.reason(), existing != null,
        wanted && (existing == null || !existing.subscribed()), exclusion(logical),
        existing == null ? target.specialUse() : Optional.empty());
  }

  private record Target(List<String> logicalLevels, String fullName, String reason, Optional<String> specialUse) {}

  private Target target(FolderInfo source, List<String> levels, String logical, Side destination) {
    if (logical.equalsIgnoreCase("INBOX")) {
      return new Target(List.of("INBOX"), "INBOX", "INBOX", Optional.empty());
    }
    String explicit = rules.map().get(logical);
    if (explicit != null) {
      return new Target(withPrefix(splitLogical(explicit)), null, "map: " + logical, Optional.empty());
    }
    for (int i = 0; i < rules.rename().size(); i++) {
      FolderRules.RenameRule rule = rules.rename().get(i);
      Matcher m = Pattern.compile(rule.match()).matcher(logical);
      if (m.matches()) {
        return new Target(withPrefix(splitLogical(m.replaceFirst(rule.to()))), null,
            "rename rule " + (i + 1) + " (" + rule.match() + ") at " + rule.location(), Optional.empty());
      }
    }
    if (rules.specialUse() == FolderRules.SpecialUse.AUTO) {
      Optional<SpecialFolders.Recognised> role = special.roleOf(source, logical);
      if (role.isPresent()) {
        String there = destination.byRole.get(role.get().role());
        if (there != null) {
          return new Target(List.of(), there, role.get().how(), Optional.empty());
        }
        // the destination has no folder of this role: create it under the source's name,
        // marked with the role where CREATE-SPECIAL-USE (RFC 6154 section 3) is offered
        return new Target(levels, null, role.get().how() + ", created with the role",
            Optional.of(role.get().role().attribute()));
      }
    }
    if (rules.specialUse() == FolderRules.SpecialUse.AUTO) {
      Optional<Target> underParent = underRoleParent(levels, destination);
      if (underParent.isPresent()) {
        return underParent.get();
      }
    }
    // the source levels themselves: a "/" inside a level is a character, not a hierarchy step
    return new Target(withPrefix(levels), null, "same name", Optional.empty());
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
            "inside " + parent + " (" + role.get().how() + ")", Optional.empty()));
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

  private String exclusion(String logical) {
    for (Pattern p : exclude) {
      if (p.matcher(logical).find()) {
        return "excluded by exclude pattern " + p.pattern();
      }
    }
    boolean included = include.stream().anyMatch(p -> p.matcher(logical).find());
    if (special.isNonMail(logical) && !included && !rules.map().containsKey(logical)) {
      return "holds no mail (calendar, contacts, tasks...); name it in folders.include to migrate it";
    }
    if (!include.isEmpty() && !included && !logical.equalsIgnoreCase("INBOX")) {
      return "not matched by any include pattern";
    }
    return "";
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
