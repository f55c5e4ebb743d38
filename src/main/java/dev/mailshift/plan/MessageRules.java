package dev.mailshift.plan;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Which messages are copied and what happens to messages expunged on the source.
 *
 * @param maxSize messages larger than this (bytes) are not copied, and listed; empty = no plan
 *     limit (the destination's APPENDLIMIT still applies)
 * @param copyDeleted whether messages flagged {@code \Deleted} (not yet expunged) are copied
 * @param deletions {@code keep}: mail expunged on the source stays on the destination; {@code
 *     mirror}: it is removed there too (only messages mailshift itself copied)
 * @param deletionCeiling in mirror mode, the most destination messages one run may remove; a run
 *     that would remove more stops before removing any
 */
public record MessageRules(
    OptionalLong maxSize, boolean copyDeleted, Deletions deletions, int deletionCeiling) {

  public enum Deletions {
    KEEP,
    MIRROR
  }

  public static final MessageRules DEFAULT =
      new MessageRules(OptionalLong.empty(), true, Deletions.KEEP, 100);

  public MessageRules {
    Objects.requireNonNull(maxSize, "maxSize");
    Objects.requireNonNull(deletions, "deletions");
    if (deletionCeiling < 0) {
      throw new IllegalArgumentException("deletionCeiling must be >= 0");
    }
  }
}
