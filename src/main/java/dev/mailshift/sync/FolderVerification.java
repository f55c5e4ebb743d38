package dev.mailshift.sync;

import java.util.Objects;

/**
 * Source and destination of one folder compared by message counts and bytes, for {@code
 * validate}. Skipped messages (listed at sync) are expected to be missing.
 *
 * @param skippedMessages source messages still present that sync skipped on purpose
 * @param unaccounted source messages present that are neither mapped to a copy nor skipped
 *     (e.g. mail that arrived after the last sync)
 * @param shortfall true when the destination has fewer messages or bytes than the source minus
 *     the skipped ones, or some source message is unaccounted for
 */
public record FolderVerification(
    FolderPair pair,
    long sourceMessages,
    long sourceBytes,
    long destinationMessages,
    long destinationBytes,
    long skippedMessages,
    long skippedBytes,
    long unaccounted,
    boolean shortfall) {
  public FolderVerification {
    Objects.requireNonNull(pair, "pair");
  }

  public long expectedMessages() {
    return sourceMessages - skippedMessages;
  }

  public long expectedBytes() {
    return sourceBytes - skippedBytes;
  }
}
