package dev.mailshift.sync;

import dev.mailshift.imap.MessageMeta;
import dev.mailshift.state.SkipRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Decides which source messages are not copied, and says why in the plan's own terms; and
 * whether a skip recorded by an earlier run still stands (the plan, the clock or the destination
 * may have changed since: a message that is now selected must be copied).
 *
 * @param now the sync's clock reading, for ages
 * @param searchMatches the source's UID SEARCH answer, when the selection has a search
 * @param duplicates Gmail duplicates: source UID to the folder its copy goes to
 */
record SkipRules(SyncOptions options, OptionalLong appendLimit, Instant now,
    Optional<Set<Long>> searchMatches, Map<Long, String> duplicates) {

  SkipRules(SyncOptions options, OptionalLong appendLimit, Instant now) {
    this(options, appendLimit, now, Optional.empty(), Map.of());
  }

  SkipRules withSearchMatches(Set<Long> matches) {
    return new SkipRules(options, appendLimit, now, Optional.of(Set.copyOf(matches)), duplicates);
  }

  SkipRules withDuplicates(Map<Long, String> byUid) {
    return new SkipRules(options, appendLimit, now, searchMatches, Map.copyOf(byUid));
  }

  /** Whether a recorded skip still stands. */
  enum Standing {
    HOLDS,
    /** The plan or clock changed: fetch the message again and decide anew. */
    STALE,
    /** Not matched by the same search before: ask the source again. */
    ASK_SEARCH
  }

  private record Skip(SkippedMessage.Reason reason, String detail) {}

  Optional<SkippedMessage> check(String folder, MessageMeta m) {
    return decide(m).map(s ->
        new SkippedMessage(folder, m.uid(), m.size(), m.internalDate(), s.reason(), s.detail()));
  }

  private Optional<Skip> decide(MessageMeta m) {
    if (!options.copyDeleted() && m.flags().stream().anyMatch(f -> f.equalsIgnoreCase("\\Deleted"))) {
      return skip(SkippedMessage.Reason.DELETED_FLAG,
          "flagged \\Deleted and messages.copy-deleted is false");
    }
    Optional<Skip> selection = byDateOrFloor(m.size(), m.internalDate());
    if (selection.isPresent()) {
      return selection;
    }
    Optional<String> search = options.selection().search();
    if (search.isPresent()) {
      Set<Long> matches = searchMatches.orElseThrow(() -> new IllegalStateException(
          "the selection has a search but the source was not asked"));
      if (!matches.contains(m.uid())) {
        return skip(SkippedMessage.Reason.NOT_MATCHING_SEARCH,
            "does not match messages.search: " + search.get());
      }
    }
    String owner = duplicates.get(m.uid());
    if (owner != null) {
      return skip(SkippedMessage.Reason.GMAIL_DUPLICATE, "the same Gmail message (X-GM-MSGID)"
          + " is copied into '" + owner + "' (folders.gmail-labels: skip-duplicates)");
    }
    return byLimit(m.size());
  }

  private Optional<Skip> byDateOrFloor(long size, Instant date) {
    Selection s = options.selection();
    if (s.maxAge().isPresent() && date.isBefore(minus(s.maxAge().get()))) {
      return skip(SkippedMessage.Reason.TOO_OLD, "older than messages.max-age "
          + text(s.maxAge().get()) + " (received before " + minus(s.maxAge().get()) + ")");
    }
    if (s.minAge().isPresent() && date.isAfter(minus(s.minAge().get()))) {
      return skip(SkippedMessage.Reason.TOO_NEW, "younger than messages.min-age "
          + text(s.minAge().get()) + "; copied by a run after " + date.atOffset(ZoneOffset.UTC)
              .plus(s.minAge().get()).toInstant());
    }
    if (s.since().isPresent() && date.isBefore(dayStart(s.since().get()))) {
      return skip(SkippedMessage.Reason.OUTSIDE_DATE_RANGE,
          "received before messages.since " + s.since().get());
    }
    if (s.before().isPresent() && !date.isBefore(dayStart(s.before().get()))) {
      return skip(SkippedMessage.Reason.OUTSIDE_DATE_RANGE,
          "received on or after messages.before " + s.before().get());
    }
    if (s.minSize().isPresent() && size < s.minSize().getAsLong()) {
      return skip(SkippedMessage.Reason.UNDER_MIN_SIZE,
          size + " bytes, under messages.min-size " + s.minSize().getAsLong());
    }
    return Optional.empty();
  }

  private Optional<Skip> byLimit(long size) {
    if (options.maxSize().isPresent() && size > options.maxSize().getAsLong()) {
      // Named too, so that raising max-size does not turn up a new obstacle at cutover.
      String alsoAppendLimit = appendLimit.isPresent() && size > appendLimit.getAsLong()
          ? "; also over the destination's APPENDLIMIT (" + appendLimit.getAsLong() + " bytes)"
          : "";
      return skip(SkippedMessage.Reason.OVER_PLAN_LIMIT, size + " bytes, over messages.max-size "
          + options.maxSize().getAsLong() + alsoAppendLimit);
    }
    if (appendLimit.isPresent() && size > appendLimit.getAsLong()) {
      return skip(SkippedMessage.Reason.OVER_APPEND_LIMIT,
          size + " bytes, over the destination's APPENDLIMIT " + appendLimit.getAsLong());
    }
    return Optional.empty();
  }

  /**
   * Whether {@code r} still stands under these rules. Date, size and limit reasons are decided
   * again from the recorded size and date (a changed limit makes the record stale even when the
   * message is still left out, so its detail is written anew); a \Deleted skip stands while
   * copy-deleted is false; a refusal by the destination always stands.
   */
  Standing standing(SkipRecord r) {
    Optional<SkippedMessage.Reason> named = SkippedMessage.Reason.named(r.reason());
    if (named.isEmpty()) {
      return Standing.HOLDS; // written by another version: leave it as it is
    }
    SkippedMessage.Reason reason = named.get();
    return switch (reason) {
      case REJECTED_BY_DESTINATION -> Standing.HOLDS;
      case DELETED_FLAG -> options.copyDeleted() ? Standing.STALE : Standing.HOLDS;
      case NOT_MATCHING_SEARCH -> options.selection().search()
          .filter(s -> r.detail().endsWith(": " + s))
          .map(s -> Standing.ASK_SEARCH).orElse(Standing.STALE);
      case GMAIL_DUPLICATE ->
          duplicates.containsKey(r.sourceUid()) ? Standing.HOLDS : Standing.STALE;
      case TOO_OLD, TOO_NEW, OUTSIDE_DATE_RANGE, UNDER_MIN_SIZE, OVER_PLAN_LIMIT,
          OVER_APPEND_LIMIT -> {
        if (r.internalDate().isEmpty()) {
          yield Standing.HOLDS;
        }
        Optional<Skip> now = byDateOrFloor(r.size(), r.internalDate().get())
            .or(() -> byLimit(r.size()));
        // The same reason with another limit (max-size 100 kB raised to 250 kB, still too
        // small) is decided again, so that the list never shows a limit the plan no longer has.
        // TOO_OLD's detail names a day counted from the clock: its reason is enough.
        yield now.filter(s -> s.reason() == reason
            && (reason == SkippedMessage.Reason.TOO_OLD || s.detail().equals(r.detail())))
            .isPresent() ? Standing.HOLDS : Standing.STALE;
      }
    };
  }

  private Instant minus(Period p) {
    return now.atOffset(ZoneOffset.UTC).minus(p).toInstant();
  }

  private static Instant dayStart(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** A period as the plan writes it: 10y, 6mo, 90d. */
  static String text(Period p) {
    if (p.getMonths() == 0 && p.getDays() == 0) {
      return p.getYears() + "y";
    }
    if (p.getYears() == 0 && p.getDays() == 0) {
      return p.getMonths() + "mo";
    }
    if (p.getYears() == 0 && p.getMonths() == 0) {
      return p.getDays() + "d";
    }
    return p.toString();
  }

  private static Optional<Skip> skip(SkippedMessage.Reason reason, String detail) {
    return Optional.of(new Skip(reason, detail));
  }
}
