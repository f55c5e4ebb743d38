package dev.mailshift.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Folder names on the wire for {@link RawImap}, written here and not taken from Jakarta Mail so
 * the checker shares no code with mailshift: modified UTF-7 (RFC 3501 5.1.3), where printable
 * ASCII stands for itself, '&' is written "&-", and every other run of characters is UTF-16BE in
 * modified Base64 (',' for '/', no padding) between '&' and '-'.
 */
public final class MailboxName {
  private MailboxName() {}

  public static String encode(String name) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < name.length()) {
      char c = name.charAt(i);
      if (printable(c)) {
        out.append(c == '&' ? "&-" : String.valueOf(c));
        i++;
        continue;
      }
      int end = i;
      while (end < name.length() && !printable(name.charAt(end))) {
        end++;
      }
      byte[] utf16 = name.substring(i, end).getBytes(StandardCharsets.UTF_16BE);
      out.append('&')
          .append(Base64.getEncoder().withoutPadding().encodeToString(utf16).replace('/', ','))
          .append('-');
      i = end;
    }
    return out.toString();
  }

  /** The name as an IMAP quoted string (RFC 3501 4.3: '"' and '\' escaped). */
  public static String quoted(String name) {
    return "\"" + encode(name).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static boolean printable(char c) {
    return c >= 0x20 && c <= 0x7e;
  }
}
