package dev.mailshift.state;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One source message and its destination copy (appended or adopted by mailshift). Unique on the
 * source key (account, source folder, UIDVALIDITY, UID) and on the destination key (account,
 * destination folder, UIDVALIDITY, UID): a destination message is the copy of at most one source
 * message.
 *
 * @param sha256 of the bytes, when they were hashed (empty for a message adopted by its key)
 * @param flags the destination's flags as mailshift last wrote or saw them
 */
public record UidMapping(
    String account,
    String sourceFolder,
    long sourceUidValidity,
    long sourceUid,
    String destinationFolder,
    long destinationUidValidity,
    long destinationUid,
    long size,
    Optional<String> sha256,
    Set<String> flags) {
  public UidMapping {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(sourceFolder, "sourceFolder");
    Objects.requireNonNull(destinationFolder, "destinationFolder");
    Objects.requireNonNull(sha256, "sha256");
    flags = Set.copyOf(flags);
  }
}
