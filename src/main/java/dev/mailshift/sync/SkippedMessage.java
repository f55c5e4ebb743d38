package dev.mailshift.sync;

import java.time.Instant;

/** A source message that is not copied, and why: listed one by one in plan, apply and status. */
public record SkippedMessage(String folder, long uid, long size, Instant internalDate, Reason reason, String detail) {
  public enum Reason {
    /** Larger than the plan's messages.max-size. */
    OVER_PLAN_LIMIT,
    /** Larger than the destination's APPENDLIMIT. */
    OVER_APPEND_LIMIT,
    /** Flagged \Deleted and messages.copy-deleted is false. */
    DELETED_FLAG,
    /** The destination refused the APPEND (its text is in detail). */
    REJECTED_BY_DESTINATION
  }
}
