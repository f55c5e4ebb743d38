package dev.mailshift.apply;

import dev.mailshift.imap.FolderInfo;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.planner.FolderMap;
import dev.mailshift.planner.FolderMapper;
import dev.mailshift.planner.GmailLabels;
import dev.mailshift.planner.MappedFolder;
import dev.mailshift.sync.GmailFolder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads what a Gmail source's label policy needs (folders.gmail-labels): the message count of
 * every label folder, for the comparison {@code plan} shows; and for skip-duplicates the
 * X-GM-MSGID of every message of every migrated folder, read in the policy's folder order, so
 * each message is copied into the first folder that holds it. Read-only (STATUS, EXAMINE, FETCH).
 */
final class GmailScanner {
  private GmailScanner() {}

  static GmailLabels scan(ImapSession source, FolderMap map, FolderRules rules,
      List<FolderInfo> sourceFolders) {
    if (!source.info().has("X-GM-EXT-1")) {
      return GmailLabels.NONE;
    }
    Map<String, FolderInfo> infos = new HashMap<>();
    sourceFolders.forEach(f -> infos.put(f.name(), f));
    Map<String, Long> labelFolders = new LinkedHashMap<>();
    Map<String, Long> allMailFolders = new LinkedHashMap<>();
    for (MappedFolder f : map.folders()) {
      if (f.migrated() || f.excludedBecause().equals(FolderMapper.GMAIL_LABEL)) {
        long n = source.status(f.sourceFolder()).messages();
        labelFolders.put(f.sourceFolder(), n);
        if (GmailLabels.keptByAllMail(infos.get(f.sourceFolder()), f.logicalName())) {
          allMailFolders.put(f.sourceFolder(), n);
        }
      }
    }
    Map<String, GmailFolder> folders = new HashMap<>();
    OptionalLong distinct = OptionalLong.empty();
    switch (rules.gmailLabels()) {
      case FOLDERS -> { }
      case ALL_MAIL -> map.migrated().stream()
          .filter(f -> GmailLabels.isAllMail(infos.get(f.sourceFolder()), f.logicalName()))
          .forEach(f -> folders.put(f.sourceFolder(), new GmailFolder(true, Map.of())));
      case SKIP_DUPLICATES -> {
        GmailLabels.Duplicates d = new GmailLabels.Duplicates();
        for (MappedFolder f : map.migrated().stream().sorted(GmailLabels.order(infos)).toList()) {
          if (labelFolders.getOrDefault(f.sourceFolder(), 0L) > 0) {
            source.examine(f.sourceFolder());
            source.fetchGmail(1, Long.MAX_VALUE, g -> d.add(f.sourceFolder(), g.uid(),
                g.messageId()));
          }
        }
        map.migrated().forEach(f ->
            folders.put(f.sourceFolder(), new GmailFolder(false, d.of(f.sourceFolder()))));
        distinct = OptionalLong.of(d.distinct());
      }
    }
    return new GmailLabels(java.util.Optional.of(GmailLabels.counts(rules.gmailLabels(),
        labelFolders, allMailFolders, distinct)), folders);
  }
}
