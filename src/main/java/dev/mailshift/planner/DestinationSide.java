package dev.mailshift.planner;

import dev.mailshift.imap.FolderInfo;
import dev.mailshift.imap.ServerInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The destination's folders as one mapping sees them: by name, and by special-use role. A role
 * goes to a folder marked with its RFC 6154 attribute before one merely named like it; among
 * several of one kind, to the first by name, so the choice never follows the server's LIST
 * order, and mapping onto such a role leaves a warning naming all of them. Built per mapping
 * call; collects that call's warnings.
 */
final class DestinationSide {
  private final ServerInfo info;
  private final Map<String, FolderInfo> byName = new HashMap<>();
  private final Map<SpecialFolders.Role, String> byRole = new LinkedHashMap<>();
  /** Roles held by several destination folders: all of them, the chosen one first. */
  private final Map<SpecialFolders.Role, List<String>> shared = new LinkedHashMap<>();
  private final Set<String> warnings = new LinkedHashSet<>();

  DestinationSide(ServerInfo info, List<FolderInfo> folders, SpecialFolders special) {
    this.info = info;
    // Only folders that can hold mail: a \Noselect hierarchy level or a subscription to a
    // folder that no longer exists (\NonExistent) still has to be created before a sync.
    List<FolderInfo> sorted = folders.stream().filter(FolderInfo::selectable)
        .sorted(Comparator.comparing(FolderInfo::name)).toList();
    sorted.forEach(f -> byName.put(f.name(), f));
    for (boolean byAttribute : new boolean[] {true, false}) {
      Map<SpecialFolders.Role, List<String>> found = new LinkedHashMap<>();
      for (FolderInfo f : sorted) {
        String logical = String.join("/", FolderMapper.logicalLevels(f, info));
        special.roleOf(f, logical)
            .filter(r -> r.byAttribute() == byAttribute && !byRole.containsKey(r.role()))
            .ifPresent(r -> found.computeIfAbsent(r.role(), k -> new ArrayList<>()).add(f.name()));
      }
      found.forEach((role, names) -> {
        byRole.put(role, names.get(0));
        if (names.size() > 1) {
          shared.put(role, names);
        }
      });
    }
  }

  ServerInfo info() {
    return info;
  }

  Optional<FolderInfo> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The destination folder of a role, if any (no warning: for a child following its parent). */
  Optional<String> ofRole(SpecialFolders.Role role) {
    return Optional.ofNullable(byRole.get(role));
  }

  /** The destination folder a source folder of this role goes to; warns when several have it. */
  Optional<String> ofRole(SpecialFolders.Role role, String sourceFolder) {
    List<String> several = shared.get(role);
    if (several != null) {
      warnings.add("the destination has " + several.size() + " folders with the "
          + role.attribute() + " role ('" + String.join("', '", several) + "'): source folder '"
          + sourceFolder + "' goes to '" + several.get(0) + "', the first by name; to choose"
          + " another, add a folders.map entry for it");
    }
    return ofRole(role);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }
}
