package dev.mailshift.change;

import java.util.List;

/**
 * What one RRset holds: its TTL and its record data in canonical presentation form, sorted. No
 * records means the RRset does not exist (its TTL is then 0). Plain data, so change sets and plan
 * files stay free of the DNS library.
 */
public record RrsetValue(long ttl, List<String> records) {
  public static final RrsetValue ABSENT = new RrsetValue(0, List.of());

  public RrsetValue {
    records = List.copyOf(records);
    if (ttl < 0) {
      throw new IllegalArgumentException("a TTL is never negative");
    }
    if (records.isEmpty() && ttl != 0) {
      throw new IllegalArgumentException("an absent RRset has no TTL");
    }
  }

  public boolean exists() {
    return !records.isEmpty();
  }

  /** {@code TTL 300: a | b}, or {@code (absent)}. */
  public String describe() {
    return exists() ? "TTL " + ttl + ": " + String.join(" | ", records) : "(absent)";
  }
}
