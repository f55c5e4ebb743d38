package dev.mailshift.plan;

/**
 * A place in a plan file (1-based line and column), carried by plan elements and problems so
 * that every message can say {@code plan.yaml:12:7}.
 */
public record Location(String file, int line, int column) {
  public static final Location UNKNOWN = new Location("", 0, 0);

  @Override
  public String toString() {
    if (line <= 0) {
      return file;
    }
    return file + ":" + line + ":" + column;
  }
}
