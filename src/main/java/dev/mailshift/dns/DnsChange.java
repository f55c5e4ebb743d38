package dev.mailshift.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One RRset change: what the reference server served when observed ({@code before}, the
 * compare-and-swap expectation) and what it must hold afterwards ({@code after}). Each change
 * replaces exactly one RRset; its rollback is the inverse change.
 */
public record DnsChange(Kind kind, RrsetSnapshot before, RrsetSnapshot after) {

  public enum Kind {
    /** The RRset does not exist yet. */
    ADD("+"),
    /** The RRset exists and gets other records or another TTL. */
    REPLACE("~"),
    /** The RRset exists and must go. */
    DELETE("-");

    private final String marker;

    Kind(String marker) {
      this.marker = marker;
    }

    public String marker() {
      return marker;
    }
  }

  public DnsChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (!before.key().equals(after.key())) {
      throw new IllegalArgumentException("a change touches one RRset: " + before.key() + " vs "
          + after.key());
    }
    if (kind != kindOf(before, after)) {
      throw new IllegalArgumentException(kind + " does not describe " + before + " -> " + after);
    }
    if (before.equals(after)) {
      throw new IllegalArgumentException("no change for " + before.key());
    }
  }

  /** The change from {@code before} to {@code after}, with the kind that describes it. */
  public static DnsChange between(RrsetSnapshot before, RrsetSnapshot after) {
    return new DnsChange(kindOf(before, after), before, after);
  }

  private static Kind kindOf(RrsetSnapshot before, RrsetSnapshot after) {
    if (!before.exists()) {
      return Kind.ADD;
    }
    return after.exists() ? Kind.REPLACE : Kind.DELETE;
  }

  public RrsetKey key() {
    return before.key();
  }

  /** True when only the TTL changes. */
  public boolean ttlOnly() {
    return before.sameRecords(after);
  }

  /** The change that undoes this one. */
  public DnsChange inverse() {
    return between(after, before);
  }

  /**
   * Review text: a header with the marker ({@code + ~ -}), the RRset and its TTL, then one line per
   * record marked {@code -} (removed), {@code +} (added) or blank (kept).
   */
  public List<String> render() {
    List<String> lines = new ArrayList<>();
    String ttl = switch (kind) {
      case ADD -> "TTL " + after.ttl();
      case DELETE -> "TTL " + before.ttl();
      case REPLACE -> before.ttl() == after.ttl()
          ? "TTL " + after.ttl() : "TTL " + before.ttl() + " -> " + after.ttl();
    };
    lines.add(kind.marker() + " " + key().name() + " " + key().type() + "  " + ttl);
    for (String r : before.records()) {
      lines.add((after.records().contains(r) ? "      " : "    - ") + r);
    }
    for (String r : after.records()) {
      if (!before.records().contains(r)) {
        lines.add("    + " + r);
      }
    }
    return List.copyOf(lines);
  }
}
