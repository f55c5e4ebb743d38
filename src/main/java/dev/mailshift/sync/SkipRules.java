package dev.mailshift.sync;

import dev.mailshift.imap.MessageMeta;
import java.util.Optional;
import java.util.OptionalLong;

/** Decides which new source messages are not copied, and says why in the plan's own terms. */
record SkipRules(SyncOptions options, OptionalLong appendLimit) {
  Optional<SkippedMessage> check(String folder, MessageMeta m) {
    if (!options.copyDeleted() && m.flags().stream().anyMatch(f -> f.equalsIgnoreCase("\\Deleted"))) {
      return skip(folder, m, SkippedMessage.Reason.DELETED_FLAG,
          "flagged \\Deleted and messages.copy-deleted is false");
    }
    if (options.maxSize().isPresent() && m.size() > options.maxSize().getAsLong()) {
      return skip(folder, m, SkippedMessage.Reason.OVER_PLAN_LIMIT,
          m.size() + " bytes, over messages.max-size " + options.maxSize().getAsLong());
    }
    if (appendLimit.isPresent() && m.size() > appendLimit.getAsLong()) {
      return skip(folder, m, SkippedMessage.Reason.OVER_APPEND_LIMIT,
          m.size() + " bytes, over the destination's APPENDLIMIT " + appendLimit.getAsLong());
    }
    return Optional.empty();
  }

  private static Optional<SkippedMessage> skip(String folder, MessageMeta m,
      SkippedMessage.Reason reason, String detail) {
    return Optional.of(new SkippedMessage(folder, m.uid(), m.size(), m.internalDate(), reason,
        detail));
  }
}
