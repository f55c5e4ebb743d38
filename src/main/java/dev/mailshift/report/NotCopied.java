package dev.mailshift.report;

import dev.mailshift.state.SkipRecord;
import dev.mailshift.sync.FolderSyncResult;
import dev.mailshift.sync.SkippedMessage;
import dev.mailshift.sync.SkippedMessage.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The categorised "not copied because ..." summary shared by plan, apply and status: one line per
 * reason with the count and bytes, then the messages whose reason concerns them alone (too large
 * for the plan or the destination, refused) one by one with folder, UID, size and date. Messages
 * left out by the selection (age, dates, size floor, search, \Deleted, Gmail duplicates) are only
 * counted: there may be thousands.
 */
public final class NotCopied {
  /** One message not copied, from a plan, an apply or the state store. */
  public record Entry(String where, long uid, long size, Optional<Instant> date, Optional<Reason> reason,
      String reasonName, String detail) {
    static Entry of(SkippedMessage m) {
      return new Entry(m.folder(), m.uid(), m.size(), Optional.ofNullable(m.internalDate()),
          Optional.of(m.reason()), m.reason().name(), m.detail());
    }

    static Entry of(SkipRecord s) {
      return new Entry(s.account() + ":" + s.sourceFolder(), s.sourceUid(), s.size(),
          s.internalDate(), Reason.named(s.reason()), s.reason(), s.detail());
    }

    boolean listed() {
      return reason.map(Reason::listed).orElse(true);
    }
  }

  private NotCopied() {}

  public static String ofMessages(List<SkippedMessage> messages, String indent) {
    return render(messages.stream().map(Entry::of).toList(), indent);
  }

  /** Of an apply run's syncs: each listed message names its account, as status does. */
  public static String ofSyncs(List<FolderSyncResult> syncs, String indent) {
    return render(syncs.stream().flatMap(r -> r.skipped().stream().map(m -> {
      Entry e = Entry.of(m);
      return new Entry(r.pair().account() + ":" + e.where(), e.uid(), e.size(), e.date(),
          e.reason(), e.reasonName(), e.detail());
    })).toList(), indent);
  }

  public static String ofRecords(List<SkipRecord> records, String indent) {
    return render(records.stream().map(Entry::of).toList(), indent);
  }

  static String render(List<Entry> entries, String indent) {
    if (entries.isEmpty()) {
      return "";
    }
    Map<Reason, long[]> byReason = new EnumMap<>(Reason.class);
    long[] other = new long[2];
    List<Entry> listed = new ArrayList<>();
    for (Entry e : entries) {
      long[] sum = e.reason().map(r -> byReason.computeIfAbsent(r, k -> new long[2])).orElse(other);
      sum[0]++;
      sum[1] += e.size();
      if (e.listed()) {
        listed.add(e);
      }
    }
    StringBuilder out = new StringBuilder(indent).append("not copied because:\n");
    byReason.forEach((r, sum) -> out.append(String.format(Locale.ROOT, "%s  %-52s %d message(s), %s%s%n",
        indent, words(r) + ":", sum[0], Sizes.human(sum[1]), r.listed() ? ", listed below" : "")));
    if (other[0] > 0) {
      out.append(String.format(Locale.ROOT, "%s  %-52s %d message(s), %s, listed below%n", indent,
          "other reasons:", other[0], Sizes.human(other[1])));
    }
    for (Entry e : listed) {
      out.append(indent).append("! not copied: ").append(line(e)).append('\n');
    }
    return out.toString();
  }

  static String line(Entry e) {
    return String.format(Locale.ROOT, "%s uid %d, %s, %s: %s%s", e.where(), e.uid(),
        Sizes.human(e.size()), e.date().map(Object::toString).orElse("?"),
        e.reason().map(NotCopied::words).orElse(e.reasonName()),
        e.detail().isBlank() ? "" : " (" + e.detail() + ")");
  }

  /** The reason in a few words, naming the plan key. */
  public static String words(Reason r) {
    return switch (r) {
      case OVER_PLAN_LIMIT -> "larger than messages.max-size";
      case OVER_APPEND_LIMIT -> "larger than the destination's APPENDLIMIT";
      case DELETED_FLAG -> "flagged \\Deleted (messages.copy-deleted: false)";
      case REJECTED_BY_DESTINATION -> "refused by the destination";
      case TOO_OLD -> "older than messages.max-age";
      case TOO_NEW -> "younger than messages.min-age (copied later)";
      case OUTSIDE_DATE_RANGE -> "outside messages.since / before";
      case UNDER_MIN_SIZE -> "smaller than messages.min-size";
      case NOT_MATCHING_SEARCH -> "not matched by messages.search";
      case GMAIL_DUPLICATE -> "Gmail duplicate, copied into another label's folder";
    };
  }
}
