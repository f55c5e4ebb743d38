package dev.mailshift.sync;

import java.util.Objects;

/**
 * A source folder and the destination folder it is copied into, for one account. Names are full
 * server names (Unicode, each server's own separator and prefix).
 */
public record FolderPair(String account, String sourceFolder, String destinationFolder) {
  public FolderPair {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(sourceFolder, "sourceFolder");
    Objects.requireNonNull(destinationFolder, "destinationFolder");
  }

  @Override
  public String toString() {
    return account + ":" + sourceFolder + " -> " + destinationFolder;
  }
}
