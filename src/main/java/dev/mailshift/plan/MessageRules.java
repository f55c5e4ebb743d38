package dev.mailshift.plan;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which messages are copied and what happens to messages expunged on the source. Dates and ages
 * are compared with the message's INTERNALDATE (when the server received it), in UTC; ages are
 * counted back from the time {@code plan} or {@code apply} runs.
 *
 * @param maxSize messages larger than this (bytes) are not copied, and listed; empty = no plan
 *     limit (the destination's APPENDLIMIT still applies)
 * @param copyDeleted whether messages flagged {@code \Deleted} (not yet expunged) are copied
 * @param deletions {@code keep}: mail expunged on the source stays on the destination; {@code
 *     mirror}: it is removed there too (only messages mailshift itself copied)
 * @param deletionCeiling in mirror mode, the most destination messages one run may remove; a run
 *     that would remove more stops before removing any
 * @param maxAge only messages younger than this are copied
 * @param minAge only messages older than this are copied
 * @param since only messages from this day on (UTC) are copied
 * @param before only messages from before this day (UTC) are copied
 * @param minSize messages smaller than this (bytes) are not copied
 * @param search an IMAP SEARCH expression (RFC 3501 6.4.4) the source evaluates; only matching
 *     messages are copied
 */
public record MessageRules(
    OptionalLong maxSize,
    boolean copyDeleted,
    Deletions deletions,
    int deletionCeiling,
    Optional<Period> maxAge,
    Optional<Period> minAge,
    Optional<LocalDate> since,
    Optional<LocalDate> before,
    OptionalLong minSize,
    Optional<String> search) {

  public enum Deletions {
    KEEP,
    MIRROR
  }

  public static final MessageRules DEFAULT =
      new MessageRules(OptionalLong.empty(), true, Deletions.KEEP, 100, Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
          Optional.empty());

  public MessageRules {
    Objects.requireNonNull(maxSize, "maxSize");
    Objects.requireNonNull(deletions, "deletions");
    if (deletionCeiling < 0) {
      throw new IllegalArgumentException("deletionCeiling must be >= 0");
    }
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(minAge, "minAge");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(minSize, "minSize");
    Objects.requireNonNull(search, "search");
  }
}
