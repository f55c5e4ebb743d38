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
    MX_GATE,
    /**
     * Mirror mode would remove more destination messages in this run than {@code
     * messages.deletion-ceiling}; the first problem says how many, the others name the folders.
     */
    DELETION_CEILING
  }

  private final Reason reason;
  private final List<String> problems;
  private final String hint;

  public ApplyStoppedException(Reason reason, List<String> problems) {
    this(reason, problems, "");
  }

  /** @param hint what to do about it, when the problems alone do not say ("" for none) */
  public ApplyStoppedException(Reason reason, List<String> problems, String hint) {
    super(reason + ": " + String.join("; ", problems));
    this.reason = reason;
    this.problems = List.copyOf(problems);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }

  public Reason reason() {
    return reason;
  }

  public List<String> problems() {
    return problems;
  }
}
