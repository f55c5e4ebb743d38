package dev.mailshift.observe;

import dev.mailshift.imap.FolderInfo;
import dev.mailshift.imap.ServerInfo;
import java.util.List;

/** One side of an account as observed: what the server offers and its folder tree. */
public record SideInventory(ServerInfo info, List<FolderInfo> folders) {
  public SideInventory {
    folders = List.copyOf(folders);
  }
}
