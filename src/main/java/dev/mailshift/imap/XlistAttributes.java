package dev.mailshift.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.angus.mail.imap.protocol.ListInfo;

/**
 * XLIST (Gmail's pre-RFC 6154 command) spells some special-use attributes its own way and marks
 * the inbox, which it may list under a localized name ("Posteingang"), with {@code \Inbox}. This
 * turns an XLIST answer into what LIST with SPECIAL-USE would have said.
 */
final class XlistAttributes {
  private static final Map<String, String> STANDARD = Map.of(
      "\\ALLMAIL", "\\All",
      "\\SPAM", "\\Junk",
      "\\STARRED", "\\Flagged");

  private XlistAttributes() {}

  /** Rewrites {@code li} in place: standard attribute names, and the inbox named INBOX. */
  static void standardise(ListInfo li) {
    if (li.attrs == null) {
      return;
    }
    List<String> out = new ArrayList<>();
    for (String a : li.attrs) {
      String upper = a.toUpperCase(Locale.ROOT);
      if (upper.equals("\\INBOX")) {
        li.name = "INBOX";
        continue;
      }
      out.add(STANDARD.getOrDefault(upper, a));
    }
    li.attrs = out.toArray(String[]::new);
  }
}
