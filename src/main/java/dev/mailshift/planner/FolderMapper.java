package dev.mailshift.planner;

import dev.mailshift.imap.FolderInfo;
import dev.mailshift.imap.ServerInfo;
import dev.mailshift.plan.FolderRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * <p>Order of rules: INBOX is always INBOX; then exclude/include; then an explicit map entry;
 * then the first matching rename rule; then the special-use role shared by both sides (RFC 6154);
 * then the name itself. The destination prefix applies to names from rules and identity.
 */
public final class FolderMapper {
  private static final List<String> ROLES =
      List.of("\\Sent", "\\Drafts", "\\Trash", "\\Junk", "\\Archive", "\\All", "\\Flagged");

  private final FolderRules rules;
  private final List<Pattern> include;
  private final List<Pattern> exclude;

  public FolderMapper(FolderRules rules) {
    this.rules = rules;
    this.include = rules.include().stream().map(Pattern::compile).toList();
    this.exclude = rules.exclude().stream().map(Pattern::compile).toList();
  }

  public FolderMap map(
      String account,
      ServerInfo sourceInfo,
      List<FolderInfo> sourceFolders,
      ServerInfo destinationInfo,
      List<FolderInfo> destinationFolders) {
    Map<String, FolderInfo> destinationByName = new HashMap<>();
    destinationFolders.forEach(f -> destinationByName.put(f.name(), f));
    Map<String, String> destinationByRole = rolesOf(destinationFolders);
    List<MappedFolder> out = new ArrayList<>();
    for (FolderInfo source : sourceFolders) {
      if (!source.selectable()) {
        continue;
      }
      out.add(mapOne(source, sourceInfo, destinationInfo, destinationByName, destinationByRole));
    }
    List<String> warnings = new ArrayList<>();
    return new FolderMap(account, out, conflicts(out, warnings), warnings);
  }

  private MappedFolder mapOne(
      FolderInfo source,
      ServerInfo sourceInfo,
      ServerInfo destinationInfo,
      Map<String, FolderInfo> destinationByName,
      Map<String, String> destinationByRole) {
    List<String> levels = logicalLevels(source, sourceInfo);
    String logical = String.join("/", levels);
    boolean wanted =
        switch (rules.subscriptions()) {
          case COPY -> source.subscribed();
          case ALL -> true;
          case NONE -> false;
        };
    Target target = target(source, levels, logical, destinationByRole);
    String destination =
        target.fullName() != null
            ? target.fullName()
            : destinationName(target.logicalLevels(), destinationInfo);
    String excluded = exclusion(logical);
    FolderInfo existing = destinationByName.get(destination);
    boolean subscribe = wanted && (existing == null || !existing.subscribed());
    return new MappedFolder(
        source.name(),
        logical,
        destination,
        target.reason(),
        destinationByName.containsKey(destination),
        subscribe,
        excluded);
  }

  private record Target(List<String> logicalLevels, String fullName, String reason) {}

  private Target target(
      FolderInfo source, List<String> levels, String logical, Map<String, String> destinationByRole) {
    if (logical.equalsIgnoreCase("INBOX")) {
      return new Target(List.of("INBOX"), "INBOX", "INBOX");
    }
    String explicit = rules.map().get(logical);
    if (explicit != null) {
      return new Target(withPrefix(splitLogical(explicit)), null, "map: " + logical);
    }
    for (int i = 0; i < rules.rename().size(); i++) {
      FolderRules.RenameRule rule = rules.rename().get(i);
      Matcher m = Pattern.compile(rule.match()).matcher(logical);
      if (m.matches()) {
        String renamed = m.replaceFirst(rule.to());
        return new Target(
            withPrefix(splitLogical(renamed)), null, "rename rule " + (i + 1) + " (" + rule.match() + ")");
      }
    }
    if (rules.specialUse() == FolderRules.SpecialUse.AUTO) {
      Optional<String> role = roleOf(source);
      if (role.isPresent() && destinationByRole.containsKey(role.get())) {
        return new Target(List.of(), destinationByRole.get(role.get()), "special-use " + role.get());
      }
    }
    // the source levels themselves: a "/" inside a level is a character, not a hierarchy step
    return new Target(withPrefix(levels), null, "same name");
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
    if (logical.equalsIgnoreCase("INBOX") && include.isEmpty()) {
      return exclude.stream().anyMatch(p -> p.matcher(logical).find()) ? "excluded by rule" : "";
    }
    for (Pattern p : exclude) {
      if (p.matcher(logical).find()) {
        return "excluded by exclude pattern " + p.pattern();
      }
    }
    if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(logical).find())) {
      return "not matched by any include pattern";
    }
    return "";
  }

  /** The source name's levels with the personal namespace prefix removed. */
  static List<String> logicalLevels(FolderInfo source, ServerInfo info) {
    String name = source.name();
    if (name.equalsIgnoreCase("INBOX")) {
      return List.of("INBOX");
    }
    String prefix = info.personalPrefix();
    if (!prefix.isEmpty() && name.startsWith(prefix)) {
      name = name.substring(prefix.length());
    }
    return Arrays.asList(name.split(Pattern.quote(String.valueOf(source.separator())), -1));
  }

  private String destinationName(List<String> levels, ServerInfo info) {
    if (levels.size() == 1 && levels.get(0).equalsIgnoreCase("INBOX")) {
      return "INBOX";
    }
    String separator = String.valueOf(info.separator());
    List<String> safe =
        levels.stream().map(l -> l.replace(separator, rules.separatorReplacement())).toList();
    return info.personalPrefix() + String.join(separator, safe);
  }

  private static List<String> splitLogical(String logical) {
    return Arrays.asList(logical.split("/", -1));
  }

  private static Optional<String> roleOf(FolderInfo folder) {
    return folder.attributes().stream()
        .map(a -> ROLES.stream().filter(r -> r.equalsIgnoreCase(a)).findFirst())
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static Map<String, String> rolesOf(List<FolderInfo> folders) {
    Map<String, String> byRole = new LinkedHashMap<>();
    for (FolderInfo f : folders) {
      roleOf(f).ifPresent(r -> byRole.putIfAbsent(r, f.name()));
    }
    return byRole;
  }

  private static List<String> conflicts(List<MappedFolder> folders, List<String> warnings) {
    Map<String, String> seen = new HashMap<>();
    Map<String, String> seenFolded = new HashMap<>();
    List<String> conflicts = new ArrayList<>();
    for (MappedFolder f : folders) {
      if (!f.migrated()) {
        continue;
      }
      String other = seen.putIfAbsent(f.destinationFolder(), f.sourceFolder());
      if (other != null) {
        conflicts.add(
            "source folders '" + other + "' and '" + f.sourceFolder() + "' both map to destination folder '"
                + f.destinationFolder() + "'");
        continue;
      }
      String folded = f.destinationFolder().toLowerCase(Locale.ROOT);
      String otherFolded = seenFolded.putIfAbsent(folded, f.sourceFolder());
      if (otherFolded != null && !folded.equals("inbox")) {
        warnings.add(
            "source folders '" + otherFolded + "' and '" + f.sourceFolder()
                + "' differ only in case on the destination ('" + f.destinationFolder()
                + "'): a case-insensitive server would merge them");
      }
    }
    return conflicts;
  }
}
