package dev.mailshift.imap;

import java.util.OptionalLong;
import java.util.Set;

/**
 * A folder's identity and size counters from STATUS or SELECT/EXAMINE.
 *
 * @param highestModseq present only when the server offers CONDSTORE (RFC 7162)
 * @param permanentFlags the PERMANENTFLAGS of a SELECT (RFC 3501 7.1): the flags and keywords
 *     the folder stores, {@code \*} meaning "any new keyword"; empty after STATUS or EXAMINE
 *     (where servers answer {@code PERMANENTFLAGS ()} since nothing may change)
 */
public record FolderStatus(
    long uidValidity,
    long uidNext,
    long messages,
    OptionalLong highestModseq,
    Set<String> permanentFlags) {
  public FolderStatus {
    permanentFlags = Set.copyOf(permanentFlags);
  }

  /** Without PERMANENTFLAGS (STATUS, EXAMINE). */
  public FolderStatus(long uidValidity, long uidNext, long messages, OptionalLong highestModseq) {
    this(uidValidity, uidNext, messages, highestModseq, Set.of());
  }

  /**
   * Whether a SELECTed folder keeps this flag or keyword (case-insensitive, RFC 3501 2.3.2).
   * Meaningful only for a status from SELECT.
   */
  public boolean stores(String flag) {
    return permanentFlags.stream().anyMatch(f -> f.equalsIgnoreCase(flag)
        || f.equals("\\*") && !flag.startsWith("\\"));
  }
}
