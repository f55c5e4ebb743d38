package dev.mailshift.plan;

/**
 * A place in a plan file (1-based line and column), carried by plan elements and problems so
 * that every message can say {@code plan.yaml:12:7}. A column of 0 means the whole line (a CSV
 * row: {@code accounts.csv:12}); a line of 0 means the whole file.
 */
public record Location(String file, int line, int column) {
  public static final Location UNKNOWN = new Location("", 0, 0);

  @Override
  public String toString() {
    if (line <= 0) {
      return file;
    }
    if (column <= 0) {
      return file + ":" + line;
    }
    return file + ":" + line + ":" + column;
  }
}
