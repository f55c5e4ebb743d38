package dev.mailshift.apply;

import java.util.List;

/**
 * Apply stopped before changing anything, for one of the reasons in {@link Reason}; {@code
 * problems} lists each account's or folder's problem in plain words.
 */
public class ApplyStoppedException extends RuntimeException {
  public enum Reason {
    /** An account could not be reached, logged into or listed. */
    CANNOT_OBSERVE,
    /** The folder map has conflicts (two source folders into one destination folder...). */
    FOLDER_CONFLICT,
    /** A saved plan no longer matches the servers. */
    STALE,
    /** DNS changes need --confirm (or an approved phase) and have none. */
    NEEDS_CONFIRMATION,
    /** The MX switch would come before the old MX TTL has run out. */
    MX_GATE
  }

  private final Reason reason;
  private final List<String> problems;

  public ApplyStoppedException(Reason reason, List<String> problems) {
    super(reason + ": " + String.join("; ", problems));
    this.reason = reason;
    this.problems = List.copyOf(problems);
  }

  public Reason reason() {
    return reason;
  }

  public List<String> problems() {
    return problems;
  }
}
