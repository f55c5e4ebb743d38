package dev.mailshift.sync;

import java.util.Objects;

/**
 * A folder sync (or diff) failed and stopped. The message names the account and both folders,
 * what went wrong and, for server refusals, the server's own text. What was copied before the
 * failure is recorded: a re-run continues from there.
 */
public class SyncException extends RuntimeException {
  private final transient FolderPair pair;

  public SyncException(FolderPair pair, String message, Throwable cause) {
    super("account " + pair.account() + ", folder " + pair.sourceFolder() + " -> "
        + pair.destinationFolder() + ": " + message, cause);
    this.pair = Objects.requireNonNull(pair, "pair");
  }

  public FolderPair pair() {
    return pair;
  }
}
