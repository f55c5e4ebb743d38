package dev.mailshift.report;

import java.util.Locale;

/** Human-readable byte counts (decimal units, as in the plan language's MB/GB). */
public final class Sizes {
  private Sizes() {}

  public static String human(long bytes) {
    if (bytes < 0) {
      return "?";
    }
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
