package dev.mailshift.plan.load;

import java.time.Period;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message ages as the plan language writes them: a whole number and one unit, {@code d} (days),
 * {@code w} (weeks), {@code mo} (months) or {@code y} (years), e.g. {@code 90d}, {@code 10y}.
 * The schema's {@code age} pattern is the same expression.
 */
final class AgeText {
  static final Pattern SYNTAX = Pattern.compile("([0-9]+)(d|w|mo|y)");

  static final String FIX =
      "write a whole number and d (days), w (weeks), mo (months) or y (years): 90d, 6mo, 10y";

  private AgeText() {}

  /**
   * The period {@code text} means.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static Period parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not an age");
    }
    int n;
    try {
      n = Integer.parseInt(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is too long", e);
    }
    if (n == 0) {
      throw new IllegalArgumentException("'" + text + "' is zero");
    }
    return switch (m.group(2)) {
      case "d" -> Period.ofDays(n);
      case "w" -> Period.ofWeeks(n);
      case "mo" -> Period.ofMonths(n);
      default -> Period.ofYears(n);
    };
  }
}
