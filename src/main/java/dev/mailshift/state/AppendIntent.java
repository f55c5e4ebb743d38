package dev.mailshift.state;

import java.util.Objects;

/**
 * Written (and durable) before an APPEND, deleted with the mapping that records its result. A
 * leftover intent means the process died around the APPEND: the copy, if it happened, is a
 * destination message with UID >= {@code destinationUidNext}, this size and this hash.
 *
 * @param id 0 until stored
 * @param destinationUidNext a lower bound of the UID the APPEND could get (RFC 3501 2.3.1.1: UIDs
 *     only grow)
 */
public record AppendIntent(
    long id,
    String account,
    String sourceFolder,
    long sourceUidValidity,
    long sourceUid,
    String destinationFolder,
    long destinationUidValidity,
    long destinationUidNext,
    long size,
    String sha256) {
  public AppendIntent {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(sourceFolder, "sourceFolder");
    Objects.requireNonNull(destinationFolder, "destinationFolder");
    Objects.requireNonNull(sha256, "sha256");
  }

  public AppendIntent withId(long newId) {
    return new AppendIntent(newId, account, sourceFolder, sourceUidValidity, sourceUid,
        destinationFolder, destinationUidValidity, destinationUidNext, size, sha256);
  }
}
