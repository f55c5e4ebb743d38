package dev.mailshift.change;

import java.util.Objects;

/**
 * The structural identity of a source folder as {@code plan} saw it: its name and UIDVALIDITY.
 * New mail does not change a fingerprint; a vanished, new or re-created folder does, and makes a
 * saved plan stale.
 */
public record FolderFingerprint(String account, String folder, long uidValidity) {
  public FolderFingerprint {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(folder, "folder");
  }
}
