package dev.mailshift.dns;

import java.time.Instant;
import java.util.Objects;

/**
 * The journal record of a TTL lowering: which RRset, when the lowered TTL was confirmed on every
 * authoritative server, and how long resolvers may still cache the old answer, computed from what
 * the servers actually served before the lowering: the largest TTL served, or, where a server had
 * no such RRset (a name being created), the zone's negative-caching TTL (RFC 2308 section 5).
 *
 * @param waitSeconds how long after {@code loweredAt} old answers may still be cached
 */
public record TtlLowering(String name, String type, long waitSeconds, Basis basis,
    Instant loweredAt) {

  /** What {@code waitSeconds} came from. */
  public enum Basis {
    SERVED_TTL,
    NEGATIVE_TTL
  }

  public TtlLowering {
    RrsetKey key = new RrsetKey(name, type);
    name = key.name();
    type = key.type();
    if (waitSeconds < 0) {
      throw new IllegalArgumentException("waitSeconds must be >= 0");
    }
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(loweredAt, "loweredAt");
  }

  /**
   * @param beforeLowering the observation made just before the lowering was written
   * @param loweredAt when the propagation check saw the lowered TTL on every server
   */
  public static TtlLowering of(ZoneObservation beforeLowering, RrsetKey key, Instant loweredAt) {
    RrsetObservation observed = beforeLowering.rrset(key);
    long served = observed.maxTtl();
    boolean missingSomewhere =
        observed.answers().stream().anyMatch(a -> !a.snapshot().exists());
    long negative = missingSomewhere ? beforeLowering.negativeTtl() : 0;
    return negative > served
        ? new TtlLowering(key.name(), key.type(), negative, Basis.NEGATIVE_TTL, loweredAt)
        : new TtlLowering(key.name(), key.type(), served, Basis.SERVED_TTL, loweredAt);
  }

  public RrsetKey key() {
    return new RrsetKey(name, type);
  }

  /** The earliest moment no resolver can still hold the answer from before the lowering. */
  public Instant earliestSwitch() {
    return loweredAt.plusSeconds(waitSeconds);
  }
}
