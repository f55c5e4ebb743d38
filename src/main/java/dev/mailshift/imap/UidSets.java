package dev.mailshift.imap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Compact UID sets ("1:5,7,9:12", RFC 3501 9 sequence-set), split to keep command lines short. */
final class UidSets {
  /** Dovecot's default imap_max_line_length is 64k; stay far below any server's limit. */
  static final int MAX_CHARS = 4000;

  private UidSets() {}

  static List<String> of(Collection<Long> uids) {
    List<String> sets = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    long start = -1;
    long prev = -1;
    for (long uid : new TreeSet<>(uids)) {
      if (uid < 1) {
        throw new IllegalArgumentException("UIDs start at 1: " + uid);
      }
      if (start < 0) {
        start = uid;
      } else if (uid != prev + 1) {
        flush(sets, b, start, prev);
        start = uid;
      }
      prev = uid;
    }
    if (start >= 0) {
      flush(sets, b, start, prev);
    }
    if (!b.isEmpty()) {
      sets.add(b.toString());
    }
    return sets;
  }

  private static void flush(List<String> sets, StringBuilder b, long start, long end) {
    String range = start == end ? Long.toString(start) : start + ":" + end;
    if (b.length() + range.length() + 1 > MAX_CHARS) {
      sets.add(b.toString());
      b.setLength(0);
    }
    if (!b.isEmpty()) {
      b.append(',');
    }
    b.append(range);
  }
}
