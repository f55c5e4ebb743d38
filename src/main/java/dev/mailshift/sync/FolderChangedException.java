package dev.mailshift.sync;

/**
 * A folder's UIDVALIDITY changed between STATUS and SELECT/EXAMINE of one attempt: the attempt
 * stops before acting on stale numbers and is retried from the start.
 */
final class FolderChangedException extends RuntimeException {
  FolderChangedException(String folder, long expected, long actual) {
    super("UIDVALIDITY of " + folder + " changed during the sync (" + expected + " -> " + actual
        + ")");
  }
}
