package dev.mailshift.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * A source message that is not copied, and why. Reasons that concern one message (too large,
 * refused) are listed one by one in plan, apply and status; reasons of message selection (age,
 * date, size floor, search, \Deleted, a Gmail duplicate) are counted per reason.
 */
public record SkippedMessage(String folder, long uid, long size, Instant internalDate, Reason reason, String detail) {
  public enum Reason {
    /** Larger than the plan's messages.max-size. */
    OVER_PLAN_LIMIT(true),
    /** Larger than the destination's APPENDLIMIT. */
    OVER_APPEND_LIMIT(true),
    /** Flagged \Deleted and messages.copy-deleted is false. */
    DELETED_FLAG(false),
    /** The destination refused the APPEND (its text is in detail). */
    REJECTED_BY_DESTINATION(true),
    /** Older than messages.max-age. */
    TOO_OLD(false),
    /** Younger than messages.min-age (copied by a later run once old enough). */
    TOO_NEW(false),
    /** Outside messages.since / messages.before. */
    OUTSIDE_DATE_RANGE(false),
    /** Smaller than messages.min-size. */
    UNDER_MIN_SIZE(false),
    /** Not matched by messages.search. */
    NOT_MATCHING_SEARCH(false),
    /** A Gmail message already copied into an earlier folder (gmail-labels: skip-duplicates). */
    GMAIL_DUPLICATE(false);

    private final boolean listed;

    Reason(boolean listed) {
      this.listed = listed;
    }

    /**
     * The reason a skip record names; empty for one this version has no words for (written by
     * another version).
     */
    public static Optional<Reason> named(String name) {
      try {
        return Optional.of(valueOf(name));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    /** Whether messages with this reason are listed one by one (else counted). */
    public boolean listed() {
      return listed;
    }
  }
}
