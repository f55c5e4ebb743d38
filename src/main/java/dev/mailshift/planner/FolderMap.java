package dev.mailshift.planner;

import java.util.List;

/**
 * The complete folder map of one account: every source folder with its destination or the
 * reason it is left out, plus the conflicts that stop the plan (two source folders landing in
 * one destination folder) and warnings (names that differ only in case, which a case-insensitive
 * destination would merge).
 */
public record FolderMap(
    String account, List<MappedFolder> folders, List<String> conflicts, List<String> warnings) {
  public FolderMap {
    folders = List.copyOf(folders);
    conflicts = List.copyOf(conflicts);
    warnings = List.copyOf(warnings);
  }

  public List<MappedFolder> migrated() {
    return folders.stream().filter(MappedFolder::migrated).toList();
  }
}
