package dev.mailshift.observe;

import dev.mailshift.imap.FolderStatus;
import dev.mailshift.imap.ImapSession;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Read-only snapshots of an IMAP side. Never writes; works on read-only sessions. */
public final class Observer {
  private Observer() {}

  public static SideInventory inventory(ImapSession session) {
    return new SideInventory(session.info(), session.listFolders());
  }

  /**
   * The source side's inventory: its subscriptions to folders that do not exist too, which plan
   * reports since they cannot be carried over.
   */
  public static SideInventory sourceInventory(ImapSession session) {
    return new SideInventory(session.info(), session.listFoldersAndMissingSubscriptions());
  }

  /** STATUS of each folder, in the given order. */
  public static Map<String, FolderStatus> statuses(ImapSession session, Collection<String> folders) {
    Map<String, FolderStatus> out = new LinkedHashMap<>();
    for (String f : folders) {
      out.put(f, session.status(f));
    }
    return out;
  }
}
