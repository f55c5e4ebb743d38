package dev.mailshift.imap;

import java.util.Set;

/**
 * Gmail's view of one message (X-GM-EXT-1): its message id, the same in every label folder, and
 * its labels, decoded from modified UTF-7; system labels keep their backslash ({@code \Inbox},
 * {@code \Important}, {@code \Starred}, {@code \Sent}, {@code \Draft}).
 */
public record GmailMeta(long uid, long messageId, Set<String> labels) {
  public GmailMeta {
    labels = Set.copyOf(labels);
  }

  /** A label as Gmail spells it on the wire: modified UTF-7 (ASCII), like a mailbox name. */
  public static String wireSpelling(String label) {
    return org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder.encode(label);
  }
}
