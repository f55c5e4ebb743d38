package dev.mailshift.imap;

import jakarta.mail.Flags;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;

/** How names, flags and dates are spelled on the wire (RFC 3501 sections 5.1.3, 2.3.2, 9). */
final class Wording {
  // date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
  private static final DateTimeFormatter INTERNALDATE =
      DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Wording() {}

  /**
   * A mailbox argument: modified UTF-7 (RFC 3501 5.1.3), always as a quoted string. The encoding
   * is printable ASCII, so quoting always works; Angus would send {@code [Gmail]/Spam} bare, a
   * valid astring (RFC 3501 9: resp-specials are ASTRING-CHARs) that GreenMail rejects.
   */
  static Argument mailbox(String name) {
    String encoded = BASE64MailboxEncoder.encode(name);
    return new Argument().writeAtom(
        "\"" + encoded.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
  }

  static String internalDate(Instant instant) {
    return INTERNALDATE.format(instant);
  }

  /**
   * A parenthesised flag list for APPEND/STORE. {@code \Recent} is dropped: RFC 3501 2.3.2 says a
   * client cannot set it, and Dovecot answers BAD to an APPEND that tries.
   */
  static String flagList(Set<String> flags) {
    StringJoiner j = new StringJoiner(" ", "(", ")");
    for (String f : flags) {
      if (f.equalsIgnoreCase("\\Recent")) {
        continue;
      }
      if (!isFlag(f)) {
        throw new IllegalArgumentException("not an IMAP flag or keyword: \"" + f + "\"");
      }
      j.add(f);
    }
    return j.toString();
  }

  /** flag = "\" atom / atom (RFC 3501 9): no specials, no controls, no spaces. */
  static boolean isFlag(String f) {
    String atom = f.startsWith("\\") ? f.substring(1) : f;
    if (atom.isEmpty()) {
      return false;
    }
    for (int i = 0; i < atom.length(); i++) {
      char c = atom.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Flags as strings: system flags by their IMAP names, keywords as sent. No \Recent. */
  static Set<String> flags(Flags flags) {
    Set<String> out = new LinkedHashSet<>();
    for (Flags.Flag f : flags.getSystemFlags()) {
      String name = systemName(f);
      if (name != null) {
        out.add(name);
      }
    }
    for (String user : flags.getUserFlags()) {
      out.add(user);
    }
    return out;
  }

  private static String systemName(Flags.Flag f) {
    if (f == Flags.Flag.SEEN) {
      return "\\Seen";
    } else if (f == Flags.Flag.ANSWERED) {
      return "\\Answered";
    } else if (f == Flags.Flag.FLAGGED) {
      return "\\Flagged";
    } else if (f == Flags.Flag.DELETED) {
      return "\\Deleted";
    } else if (f == Flags.Flag.DRAFT) {
      return "\\Draft";
    } else if (f == Flags.Flag.USER) {
      return "\\*";
    }
    return null; // \Recent
  }
}
