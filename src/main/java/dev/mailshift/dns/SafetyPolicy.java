package dev.mailshift.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which DNS changes need an explicit confirmation ({@code --confirm} or an approval gate).
 * Replacing the MX set, an SPF {@code -all}, a stricter DMARC policy always do; so does a change
 * set that touches more than {@code maxChangeShare} of the managed RRsets.
 *
 * @param maxChangeShare share of managed RRsets (0..1) a change set may touch unconfirmed
 */
public record SafetyPolicy(double maxChangeShare) {
  public static final SafetyPolicy DEFAULT = new SafetyPolicy(0.5);

  public SafetyPolicy {
    if (!(maxChangeShare >= 0 && maxChangeShare <= 1)) {
      throw new IllegalArgumentException("max-change-share must be between 0 and 1");
    }
  }

  /**
   * The reasons the given change set needs confirmation; empty when it may go ahead unconfirmed.
   *
   * @param managedRrsets how many RRsets the plan manages (the base of the share)
   */
  public List<ConfirmationReason> classify(List<DnsChange> changes, int managedRrsets) {
    List<ConfirmationReason> out = new ArrayList<>();
    for (DnsChange c : changes) {
      String key = c.key().toString();
      switch (c.key().type()) {
        case "MX" -> {
          if (!c.ttlOnly()) {
            out.add(new ConfirmationReason(key, "replaces the MX set: mail for "
                + c.key().name() + " goes to " + String.join(", ", c.after().records())));
          }
        }
        case "TXT" -> txt(c, key, out);
        default -> { }
      }
    }
    if (managedRrsets > 0 && changes.size() > maxChangeShare * managedRrsets) {
      out.add(new ConfirmationReason("", "changes " + changes.size() + " of " + managedRrsets
          + " managed RRsets, more than dns.safety.max-change-share (" + maxChangeShare + ")"));
    }
    return List.copyOf(out);
  }

  private static void txt(DnsChange c, String key, List<ConfirmationReason> out) {
    Optional<String> spfAfter = value(c.after(), TxtValue::isSpf);
    Optional<String> spfBefore = value(c.before(), TxtValue::isSpf);
    if (spfAfter.isPresent() && !spfAfter.equals(spfBefore)
        && SpfRecord.parse(spfAfter.get()).all().map(m -> m.qualifier() == '-').orElse(false)) {
      out.add(new ConfirmationReason(key, "publishes an SPF policy ending in -all: mail from"
          + " hosts it does not list will be rejected"));
    }
    Optional<String> dmarcAfter = value(c.after(), SafetyPolicy::isDmarc);
    if (dmarcAfter.isPresent()) {
      String before = value(c.before(), SafetyPolicy::isDmarc).orElse("v=DMARC1; p=none");
      if (stricter(tags(before), tags(dmarcAfter.get()))) {
        out.add(new ConfirmationReason(key, "makes the DMARC policy stricter: "
            + dmarcAfter.get()));
      }
    }
  }

  private static boolean stricter(Map<String, String> before, Map<String, String> after) {
    int p0 = rank(before.get("p"));
    int p1 = rank(after.get("p"));
    int sp0 = rank(before.getOrDefault("sp", before.get("p")));
    int sp1 = rank(after.getOrDefault("sp", after.get("p")));
    int pct0 = p0 == 0 ? 0 : Integer.parseInt(before.getOrDefault("pct", "100"));
    int pct1 = p1 == 0 ? 0 : Integer.parseInt(after.getOrDefault("pct", "100"));
    return p1 > p0 || sp1 > sp0 || (p1 == p0 && pct1 > pct0);
  }

  private static int rank(String policy) {
    return switch (policy == null ? "none" : policy.toLowerCase(Locale.ROOT)) {
      case "reject" -> 2;
      case "quarantine" -> 1;
      default -> 0;
    };
  }

  private static Map<String, String> tags(String value) {
    try {
      Map<String, String> tags = TagList.parse(value);
      String pct = tags.getOrDefault("pct", "100");
      return pct.matches("\\d{1,3}") ? tags : Map.of("p", tags.getOrDefault("p", "none"));
    } catch (IllegalArgumentException e) {
      return Map.of();
    }
  }

  private static boolean isDmarc(String value) {
    return value.strip().toLowerCase(Locale.ROOT).startsWith("v=dmarc1");
  }

  private static Optional<String> value(RrsetSnapshot s,
      java.util.function.Predicate<String> kind) {
    return s.records().stream().map(TxtValue::joined).filter(kind).findFirst();
  }
}
