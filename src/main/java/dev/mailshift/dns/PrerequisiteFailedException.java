package dev.mailshift.dns;

import java.util.Objects;

/**
 * A compare-and-swap write found the RRset no longer holding what mailshift observed (RFC 2136
 * NXRRSET / YXRRSET, or the zone file differs): someone changed it since the plan. Nothing was
 * written. Carries the expected and the actual RRset.
 */
public final class PrerequisiteFailedException extends DnsException {
  private final RrsetSnapshot expected;
  private final RrsetSnapshot actual;

  public PrerequisiteFailedException(
      String server, RrsetSnapshot expected, RrsetSnapshot actual, String rcode) {
    super(message(server, expected, actual, rcode), server, expected.key(), null);
    this.expected = expected;
    this.actual = Objects.requireNonNull(actual, "actual");
  }

  public RrsetSnapshot expected() {
    return expected;
  }

  public RrsetSnapshot actual() {
    return actual;
  }

  private static String message(
      String server, RrsetSnapshot expected, RrsetSnapshot actual, String rcode) {
    String where = server.isEmpty() ? "" : " on " + server;
    return "the RRset " + expected.key() + " changed since it was observed" + where
        + (rcode.isEmpty() ? "" : " (" + rcode + ")") + "; nothing was written.\n"
        + "  expected: " + String.join(" | ", expected.lines()) + "\n"
        + "  actual:   " + String.join(" | ", actual.lines()) + "\n"
        + "  Run `mailshift plan` again to see the current state and review the new diff.";
  }
}
