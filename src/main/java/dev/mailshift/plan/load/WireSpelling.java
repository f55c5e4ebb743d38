package dev.mailshift.plan.load;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a folder name written in its IMAP wire spelling, modified UTF-7 (RFC 3501 section
 * 5.1.3), where a plan wants plain Unicode: {@code 03_M&AOQ-rz} copied from a server log or an
 * imapsync command line is {@code 03_März}. A plan so written would name a folder that does not
 * exist (mailshift encodes names itself, so the '&' would be sent as {@code &-}).
 */
final class WireSpelling {
  /** A shifted run: '&', modified base64 (',' for '/'), '-'; "&-" is a literal '&'. */
  private static final Pattern SHIFTED = Pattern.compile("&([A-Za-z0-9+,]*)-");

  private WireSpelling() {}

  /**
   * The plain Unicode this text stands for, when every shifted run in it decodes to characters
   * beyond ASCII and there is at least one; empty for
   * text that is not in wire spelling (such as {@code R&D} or {@code Tom & Jerry}).
   */
  static Optional<String> plainForm(String text) {
    Matcher m = SHIFTED.matcher(text);
    StringBuilder out = new StringBuilder();
    boolean encoded = false;
    while (m.find()) {
      String run = m.group(1);
      String plain;
      if (run.isEmpty()) {
        plain = "&";
      } else {
        Optional<String> decoded = decode(run);
        if (decoded.isEmpty()) {
          return Optional.empty();
        }
        plain = decoded.get();
        encoded = true;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(plain));
    }
    m.appendTail(out);
    return encoded ? Optional.of(out.toString()) : Optional.empty();
  }

  private static Optional<String> decode(String run) {
    if (run.length() % 4 == 1) {
      return Optional.empty();
    }
    String padded = run.replace(',', '/') + "==".substring(0, (4 - run.length() % 4) % 4);
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(padded);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (bytes.length == 0 || bytes.length % 2 != 0) {
      return Optional.empty();
    }
    String s;
    try {
      s = StandardCharsets.UTF_16BE.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    // modified UTF-7 shifts only what is not printable US-ASCII; a folder name's shifted runs
    // hold letters beyond ASCII (control characters would decode too, but no name has them)
    return s.chars().allMatch(c -> c > 0x7f) ? Optional.of(s) : Optional.empty();
  }
}
