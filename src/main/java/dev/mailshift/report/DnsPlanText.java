package dev.mailshift.report;

import dev.mailshift.change.Change;
import dev.mailshift.change.CheckDns;
import dev.mailshift.change.SetDnsRecords;
import dev.mailshift.planner.DnsChanges;
import dev.mailshift.planner.DnsPlan;
import dev.mailshift.planner.MxGate;
import java.util.List;

/**
 * Renders the DNS part of a plan: the zone, provider and servers, where the servers disagree,
 * then per step each RRset as it is and as it will be ({@code +} created, {@code ~} changed,
 * {@code -} deleted, {@code =} only recorded; record lines marked {@code -}/{@code +}), with
 * {@code !} on what needs {@code --confirm} and on the MX switch's earliest moment.
 */
public final class DnsPlanText {
  private DnsPlanText() {}

  public static String render(DnsPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append("dns ").append(plan.zone()).append(" via ").append(plan.provider())
        .append("; read from ").append(String.join(", ", plan.servers())).append('\n');
    plan.disagreements().forEach(d -> out.append("  ! ").append(d.replace("\n", "\n    "))
        .append('\n'));
    String step = "";
    for (Change c : plan.changes()) {
      String thisStep = c instanceof SetDnsRecords s ? s.purpose().step() : "dns-validate";
      if (!thisStep.equals(step)) {
        step = thisStep;
        out.append("  ").append(step).append(":\n");
      }
      change(out, c, plan);
    }
    plan.notes().forEach(n -> out.append("  = ").append(n).append('\n'));
    if (plan.notes().isEmpty()
        && plan.changes().stream().noneMatch(c -> c instanceof SetDnsRecords s && s.writes())) {
      out.append("  = every managed RRset is as the plan wants it for this phase\n");
    }
    plan.setReasons().forEach(r -> out.append("  ! needs --confirm: ").append(r).append('\n'));
    return out.toString();
  }

  private static void change(StringBuilder out, Change c, DnsPlan plan) {
    switch (c) {
      case SetDnsRecords s -> {
        if (s.writes()) {
          DnsChanges.toDnsChange(s).render().forEach(l -> out.append("  ").append(l)
              .append('\n'));
        } else {
          out.append("  = ").append(s.name()).append(' ').append(s.type()).append("  ")
              .append(s.before().exists() ? "TTL " + s.before().ttl()
                  + ", at or below the cutover TTL: nothing to write; the wait is recorded"
                  : "absent: nothing to write; the wait (negative-caching TTL) is recorded")
              .append('\n');
        }
        s.confirmationReasons().forEach(r -> out.append("    ! needs --confirm: ").append(r)
            .append('\n'));
        if (s.purpose() == SetDnsRecords.Purpose.SWITCH_MX) {
          plan.gate().ifPresent(g -> out.append(g.state() == MxGate.State.OPEN ? "    "
              : "    ! ").append("MX switch: ").append(g.explanation()).append('\n'));
        }
      }
      case CheckDns d -> out.append("    check SPF, DKIM, DMARC and that every authoritative"
          + " server serves the managed records\n");
      default -> throw new IllegalArgumentException("not a DNS change: " + c.id());
    }
  }

  /** The summary line of the DNS part. */
  public static String summary(DnsPlan plan) {
    long writes = plan.changes().stream().filter(c -> c instanceof SetDnsRecords s && s.writes())
        .count();
    List<String> reasons = plan.confirmationReasons();
    return "DNS: " + writes + " RRset change(s) in zone " + plan.zone().replaceAll("\\.$", "")
        + (reasons.isEmpty() ? "." : "; " + reasons.size() + " need --confirm on apply (or"
            + " --approve, in a phase with gate: approval).");
  }
}
