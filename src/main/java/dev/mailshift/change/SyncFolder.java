package dev.mailshift.change;

import java.util.Objects;

/**
 * Bring a destination folder up to date with its source folder: copy new messages, adopt ones
 * already there, carry flag changes (and, in mirror mode, remove what the source expunged). The
 * counts are what {@code plan} observed; {@code apply} works from the servers' state at its own
 * time, so mail that arrived since the plan is copied too.
 *
 * @param sourceUidValidity the source UIDVALIDITY the plan saw: a different one at apply time
 *     makes a saved plan stale
 */
public record SyncFolder(
    String account,
    String sourceFolder,
    String destinationFolder,
    long sourceUidValidity,
    long messagesToCopy,
    long bytesToCopy,
    long messagesToAdopt,
    long flagUpdates,
    long deletions,
    long skipped)
    implements Change {
  public SyncFolder {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(sourceFolder, "sourceFolder");
    Objects.requireNonNull(destinationFolder, "destinationFolder");
  }

  @Override
  public String id() {
    return "sync:" + account + ":" + sourceFolder;
  }

  @Override
  public String summary() {
    return "sync " + sourceFolder + " -> " + destinationFolder;
  }

  @Override
  public Reversibility reversibility() {
    return deletions > 0 ? Reversibility.IRREVERSIBLE : Reversibility.NOT_NEEDED;
  }

  /** Whether the plan saw anything to do in this folder. */
  public boolean hasWork() {
    return messagesToCopy > 0 || messagesToAdopt > 0 || flagUpdates > 0 || deletions > 0;
  }
}
