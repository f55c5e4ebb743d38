package dev.mailshift.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far one source folder has been synced (K-9 style). Valid only while both UIDVALIDITY values
 * and the destination folder still match; {@code lastUid} is the highest source UID such that it
 * and every UID below it are handled (copied, adopted or skipped). {@code uidNext}, {@code
 * messages} and {@code highestModseq} are the source's values as seen at the start of the last
 * complete sync (0 / empty until one completed): if STATUS shows the same again and the source
 * has CONDSTORE, nothing changed.
 */
public record FolderCheckpoint(
    String account,
    String sourceFolder,
    long sourceUidValidity,
    String destinationFolder,
    long destinationUidValidity,
    long lastUid,
    long uidNext,
    long messages,
    OptionalLong highestModseq,
    Optional<Instant> syncedAt,
    long messagesSynced,
    long bytesSynced) {
  public FolderCheckpoint {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(sourceFolder, "sourceFolder");
    Objects.requireNonNull(destinationFolder, "destinationFolder");
    Objects.requireNonNull(highestModseq, "highestModseq");
    Objects.requireNonNull(syncedAt, "syncedAt");
  }

  /** A checkpoint with nothing synced yet for these folder identities. */
  public static FolderCheckpoint fresh(String account, String sourceFolder, long sourceUidValidity,
      String destinationFolder, long destinationUidValidity) {
    return new FolderCheckpoint(account, sourceFolder, sourceUidValidity, destinationFolder,
        destinationUidValidity, 0, 0, 0, OptionalLong.empty(), Optional.empty(), 0, 0);
  }

  /** Whether this checkpoint belongs to these folder identities. */
  public boolean matches(long sourceUidValidity, String destinationFolder,
      long destinationUidValidity) {
    return this.sourceUidValidity == sourceUidValidity
        && this.destinationFolder.equals(destinationFolder)
        && this.destinationUidValidity == destinationUidValidity;
  }
}
