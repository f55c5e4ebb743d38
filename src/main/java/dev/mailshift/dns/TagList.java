package dev.mailshift.dns;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A DKIM / DMARC tag-value list ({@code v=DKIM1; k=rsa; p=...}, RFC 6376 section 3.2, RFC 7489
 * section 6.4): tag names are case-sensitive in DKIM and compared lower-case here, values are
 * trimmed, a trailing {@code ;} is allowed, a tag given twice makes the record invalid.
 */
final class TagList {
  private TagList() {}

  /** The tags in order; throws with a readable reason when the list is malformed. */
  static Map<String, String> parse(String text) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String part : text.split(";", -1)) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("'" + p + "' is not a tag=value pair");
      }
      String name = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      if (!name.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("'" + name + "' is not a valid tag name");
      }
      if (tags.putIfAbsent(name, p.substring(eq + 1).strip()) != null) {
        throw new IllegalArgumentException("the tag " + name + "= appears twice");
      }
    }
    return tags;
  }
}
