package dev.mailshift.plan;

import java.util.Objects;

/**
 * One thing wrong (or doubtful) with a plan: where, what, and the action that fixes it.
 * Rendered as {@code error: plan.yaml:3:5: <message>} followed by {@code   fix: <fix>}.
 */
public record Problem(Severity severity, Location location, String message, String fix) {
  public enum Severity {
    ERROR,
    WARNING
  }

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    fix = fix == null ? "" : fix;
  }

  public static Problem error(Location where, String message, String fix) {
    return new Problem(Severity.ERROR, where, message, fix);
  }

  public static Problem warning(Location where, String message, String fix) {
    return new Problem(Severity.WARNING, where, message, fix);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
