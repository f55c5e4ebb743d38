package dev.mailshift.imap;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Sizes that bound memory while fetching bodies.
 *
 * @param chunkBytes messages larger than this are fetched in partial FETCHes of this size
 * @param batchBytes several smaller messages share one UID FETCH up to this many bytes in total
 * @param memoryBytes a message up to this size stays on the heap; larger ones go to spoolDir
 * @param spoolDir where larger messages are spooled (private files, deleted on close)
 */
record FetchLimits(int chunkBytes, long batchBytes, int memoryBytes, Path spoolDir) {
  static final int MAX_BATCH_MESSAGES = 1000;

  FetchLimits {
    Objects.requireNonNull(spoolDir, "spoolDir");
    if (chunkBytes < 1 || batchBytes < 1 || memoryBytes < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  static FetchLimits defaults(Path spoolDir) {
    return new FetchLimits(4 << 20, 8L << 20, 1 << 20, spoolDir);
  }
}
