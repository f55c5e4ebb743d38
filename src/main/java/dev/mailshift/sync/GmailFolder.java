package dev.mailshift.sync;

import java.util.Map;
import java.util.Objects;

/**
 * What a sync of one folder of a Gmail source needs to know from the account's other folders.
 *
 * @param labelsAsKeywords carry each message's Gmail labels as keywords (folders.gmail-labels:
 *     all-mail, on [Gmail]/All Mail)
 * @param duplicates source UIDs not to copy because the same Gmail message (X-GM-MSGID) is copied
 *     into an earlier folder, with that folder's name (folders.gmail-labels: skip-duplicates)
 */
public record GmailFolder(boolean labelsAsKeywords, Map<Long, String> duplicates) {
  public static final GmailFolder NONE = new GmailFolder(false, Map.of());

  public GmailFolder {
    Objects.requireNonNull(duplicates, "duplicates");
    duplicates = Map.copyOf(duplicates);
  }
}
