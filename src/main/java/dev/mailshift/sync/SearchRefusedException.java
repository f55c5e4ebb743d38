package dev.mailshift.sync;

import dev.mailshift.imap.ImapException;

/**
 * The source refused the selection's search (BAD: it cannot parse it, or NO): a mistake in the
 * plan's {@code messages.search}, not a server failure. Nothing of the folder was copied.
 */
public final class SearchRefusedException extends SyncException {
  private final String criteria;

  public SearchRefusedException(FolderPair pair, String criteria, ImapException cause) {
    super(pair, "the source refused messages.search '" + criteria + "'"
        + (cause.serverText().isEmpty() ? "" : "; it said: " + cause.serverText()), cause);
    this.criteria = criteria;
  }

  public String criteria() {
    return criteria;
  }
}
