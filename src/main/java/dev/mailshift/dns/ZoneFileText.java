package dev.mailshift.dns;

import java.util.ArrayList;
import java.util.List;

/**
 * Lexical helpers for zone-file text (RFC 1035 section 5.1): comments start at an unquoted
 * {@code ;}, quoted strings may hold {@code ;} and escaped quotes, parentheses continue an entry
 * over several lines.
 */
final class ZoneFileText {
  private ZoneFileText() {}

  /** A token of an entry's text with its position, for in-place edits. */
  record Token(int start, int end, String text) {}

  /** The tokens of {@code text} outside comments; parentheses are tokens of their own. */
  static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ';') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(new Token(i, i + 1, String.valueOf(c)));
        i++;
      } else {
        int start = i;
        boolean quoted = false;
        while (i < text.length()) {
          char d = text.charAt(i);
          if (d == '\\' && i + 1 < text.length()) {
            i += 2;
            continue;
          }
          if (d == '"') {
            quoted = !quoted;
          } else if (!quoted && (Character.isWhitespace(d) || d == ';' || d == '(' || d == ')')) {
            break;
          }
          i++;
        }
        tokens.add(new Token(start, i, text.substring(start, i)));
      }
    }
    return tokens;
  }

  /** Open minus closed parentheses outside quotes and comments. */
  static int parenDepth(String line) {
    int depth = 0;
    for (Token t : tokens(line)) {
      if (t.text().equals("(")) {
        depth++;
      } else if (t.text().equals(")")) {
        depth--;
      }
    }
    return depth;
  }

  /** True when the line holds only white space and comments. */
  static boolean isBlank(String line) {
    return tokens(line).isEmpty();
  }
}
