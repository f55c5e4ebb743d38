package dev.mailshift.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * TXT record data: a logical value (an SPF, DKIM or DMARC policy) versus the character-strings
 * that carry it. A character-string holds at most 255 bytes (RFC 1035 section 3.3), so a longer
 * value (a 2048-bit DKIM key) is split into several strings, which receivers concatenate without
 * separator (RFC 7208 section 3.3, RFC 6376 section 3.6.2.2).
 */
final class TxtValue {
  static final int MAX_STRING_BYTES = 255;

  private TxtValue() {}

  /** Splits a value into character-strings of at most 255 bytes, never inside a UTF-8 sequence. */
  static List<String> split(String value) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      int len = ch.getBytes(StandardCharsets.UTF_8).length;
      if (bytes + len > MAX_STRING_BYTES) {
        parts.add(current.toString());
        current.setLength(0);
        bytes = 0;
      }
      current.append(ch);
      bytes += len;
      i += Character.charCount(cp);
    }
    if (!current.isEmpty() || parts.isEmpty()) {
      parts.add(current.toString());
    }
    return List.copyOf(parts);
  }

  /** The presentation-format rdata for a value: quoted strings, split at 255 bytes. */
  static String rdata(String value) {
    // dnsjava reads these strings as presentation text: escape the two characters it treats
    // specially, so the bytes published are exactly the value's.
    List<String> escaped = split(value).stream()
        .map(s -> s.replace("\\", "\\\\").replace("\"", "\\\"")).toList();
    return new TXTRecord(Name.root, org.xbill.DNS.DClass.IN, 0, escaped).rdataToString();
  }

  /** The character-strings of TXT rdata in presentation format, as their actual text. */
  static List<String> strings(String rdata) {
    return ((TXTRecord) RdataText.parse(Name.root, Type.TXT, 0, rdata))
        .getStringsAsByteArrays().stream()
        .map(b -> new String(b, StandardCharsets.UTF_8)).toList();
  }

  /** The logical value: the strings concatenated. */
  static String joined(String rdata) {
    return String.join("", strings(rdata));
  }

  /** True when a TXT value is an SPF record: {@code v=spf1} alone or followed by a space. */
  static boolean isSpf(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return v.equals("v=spf1") || v.startsWith("v=spf1 ");
  }
}
