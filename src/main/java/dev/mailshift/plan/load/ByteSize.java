package dev.mailshift.plan.load;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as the plan language writes them: a whole number and a unit, {@code B}, decimal {@code
 * KB/MB/GB} (powers of 1000) or binary {@code KiB/MiB/GiB} (powers of 1024), e.g. {@code 50MB}.
 * The schema's {@code size} pattern is the same expression.
 */
final class ByteSize {
  static final Pattern SYNTAX = Pattern.compile("([0-9]+) ?(B|KB|MB|GB|KiB|MiB|GiB)");

  private static final Map<String, Long> UNITS =
      Map.of(
          "B", 1L,
          "KB", 1_000L,
          "MB", 1_000_000L,
          "GB", 1_000_000_000L,
          "KiB", 1L << 10,
          "MiB", 1L << 20,
          "GiB", 1L << 30);

  static final String FIX = "write a whole number and a unit, e.g. 50MB, 512KiB or 1GB";

  private ByteSize() {}

  /**
   * The number of bytes {@code text} means.
   *
   * @throws IllegalArgumentException saying what is wrong (never echoing more than the text)
   */
  static long parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a size");
    }
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), UNITS.get(m.group(2)));
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is too large", e);
    }
  }
}
