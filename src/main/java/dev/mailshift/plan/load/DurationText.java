package dev.mailshift.plan.load;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the plan language writes them: a whole number and one unit, {@code s}, {@code m},
 * {@code h} or {@code d}, e.g. {@code 60s}, {@code 5m}. The schema's {@code duration} pattern is
 * the same expression.
 */
final class DurationText {
  static final Pattern SYNTAX = Pattern.compile("([0-9]+)(s|m|h|d)");

  private static final Map<String, ChronoUnit> UNITS =
      Map.of(
          "s", ChronoUnit.SECONDS,
          "m", ChronoUnit.MINUTES,
          "h", ChronoUnit.HOURS,
          "d", ChronoUnit.DAYS);

  static final String FIX = "write a whole number and a unit: 60s, 5m, 2h or 1d";

  private DurationText() {}

  /**
   * The duration {@code text} means.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static Duration parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration");
    }
    try {
      return Duration.of(Long.parseLong(m.group(1)), UNITS.get(m.group(2)));
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is too long", e);
    }
  }
}
