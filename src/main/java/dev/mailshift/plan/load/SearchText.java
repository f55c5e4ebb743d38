package dev.mailshift.plan.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A cheap syntax check of an IMAP SEARCH expression (RFC 3501 section 6.4.4, plus OLDER/YOUNGER
 * of RFC 5032 and Gmail's X-GM-* keys) before any server sees it: known keys with their number
 * of arguments, NOT and OR, parentheses, quoted strings, sequence sets. The source server has
 * the last word; its BAD answer is reported with the plan key.
 */
final class SearchText {
  private static final Map<String, Integer> ARGUMENTS = arguments();
  private static final Pattern SEQUENCE_SET = Pattern.compile("[0-9*]+(:[0-9*]+)?(,[0-9*]+(:[0-9*]+)?)*");

  private final List<String> tokens;
  private int next;

  private SearchText(List<String> tokens) {
    this.tokens = tokens;
  }

  /** What is wrong with {@code expression}, or empty when it reads as a search. */
  static Optional<String> problem(String expression) {
    if (expression.isBlank()) {
      return Optional.of("is empty");
    }
    if (!expression.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return Optional.of("has characters other than printable ASCII (not supported yet)");
    }
    try {
      SearchText s = new SearchText(tokenize(expression));
      while (s.next < s.tokens.size()) {
        s.key();
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private void key() {
    String token = take("a search key");
    String upper = token.toUpperCase(Locale.ROOT);
    switch (upper) {
      case "(" -> {
        key();
        while (!peek().equals(")")) {
          key();
        }
        next++;
      }
      case ")" -> throw new IllegalArgumentException("has a ')' without its '('");
      case "NOT" -> key();
      case "OR" -> {
        key();
        key();
      }
      case "CHARSET" -> throw new IllegalArgumentException(
          "sets CHARSET, which mailshift does not pass through");
      default -> {
        Integer n = ARGUMENTS.get(upper);
        if (n == null && !SEQUENCE_SET.matcher(token).matches()) {
          throw new IllegalArgumentException("has an unknown search key '" + token + "'");
        }
        for (int i = 0; n != null && i < n; i++) {
          String arg = take("an argument of " + upper);
          if (arg.equals("(") || arg.equals(")")) {
            throw new IllegalArgumentException(upper + " lacks an argument");
          }
        }
      }
    }
  }

  private String peek() {
    if (next >= tokens.size()) {
      throw new IllegalArgumentException("has a '(' without its ')'");
    }
    return tokens.get(next);
  }

  private String take(String what) {
    if (next >= tokens.size()) {
      throw new IllegalArgumentException("ends where " + what + " should follow");
    }
    return tokens.get(next++);
  }

  private static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '"') {
        int end = i + 1;
        while (end < text.length() && text.charAt(end) != '"') {
          end += text.charAt(end) == '\\' ? 2 : 1;
        }
        if (end >= text.length()) {
          throw new IllegalArgumentException("has a quoted string without its closing '\"'");
        }
        out.add(text.substring(i, end + 1));
        i = end + 1;
      } else {
        int end = i;
        while (end < text.length() && " ()\"".indexOf(text.charAt(end)) < 0) {
          end++;
        }
        out.add(text.substring(i, end));
        i = end;
      }
    }
    return out;
  }

  private static Map<String, Integer> arguments() {
    Map<String, Integer> m = new java.util.HashMap<>();
    for (String k : List.of("ALL", "ANSWERED", "DELETED", "DRAFT", "FLAGGED", "NEW", "OLD",
        "RECENT", "SEEN", "UNANSWERED", "UNDELETED", "UNDRAFT", "UNFLAGGED", "UNSEEN")) {
      m.put(k, 0);
    }
    for (String k : List.of("BCC", "BEFORE", "BODY", "CC", "FROM", "KEYWORD", "LARGER", "ON",
        "SENTBEFORE", "SENTON", "SENTSINCE", "SINCE", "SMALLER", "SUBJECT", "TEXT", "TO", "UID",
        "UNKEYWORD", "OLDER", "YOUNGER", "X-GM-RAW", "X-GM-MSGID", "X-GM-THRID",
        "X-GM-LABELS")) {
      m.put(k, 1);
    }
    m.put("HEADER", 2);
    return Map.copyOf(m);
  }
}
