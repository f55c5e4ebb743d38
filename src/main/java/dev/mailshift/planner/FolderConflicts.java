package dev.mailshift.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds folder-map conflicts: two migrated source folders landing in one destination folder (an
 * error: their mail would be merged unnoticed), and names that differ only in case (a warning:
 * a case-insensitive destination such as Exchange would merge them).
 */
final class FolderConflicts {
  private FolderConflicts() {}

  static List<String> find(List<MappedFolder> folders, List<String> warnings) {
    Map<String, MappedFolder> seen = new HashMap<>();
    Map<String, MappedFolder> seenFolded = new HashMap<>();
    List<String> conflicts = new ArrayList<>();
    for (MappedFolder f : folders) {
      if (!f.migrated()) {
        continue;
      }
      MappedFolder other = seen.putIfAbsent(f.destinationFolder(), f);
      if (other != null) {
        conflicts.add("source folders '" + other.sourceFolder() + "' (" + other.reason() + ") and '"
            + f.sourceFolder() + "' (" + f.reason() + ") both map to destination folder '"
            + f.destinationFolder() + "'");
        continue;
      }
      String folded = f.destinationFolder().toLowerCase(Locale.ROOT);
      MappedFolder otherFolded = seenFolded.putIfAbsent(folded, f);
      if (otherFolded != null && !folded.equals("inbox")) {
        warnings.add("source folders '" + otherFolded.sourceFolder() + "' and '" + f.sourceFolder()
            + "' differ only in case on the destination ('" + f.destinationFolder()
            + "'): a case-insensitive server would merge them");
      }
    }
    return conflicts;
  }
}
