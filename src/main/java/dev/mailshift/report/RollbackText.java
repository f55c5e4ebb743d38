package dev.mailshift.report;

import dev.mailshift.api.RollbackResult;
import tools.jackson.databind.node.ObjectNode;

/** Renders {@code rollback}: what was restored, what is pending and why. */
public final class RollbackText {
  private RollbackText() {}

  public static String render(RollbackResult r) {
    StringBuilder out = new StringBuilder("mailshift rollback, zone ").append(r.zone());
    if (r.runs().isEmpty()) {
      return out.append(": no DNS change was journalled by the selected run(s); nothing to"
          + " restore.\n").toString();
    }
    out.append(", run(s) ").append(r.runs().stream().map(n -> "#" + n).toList()).append('\n');
    for (RollbackResult.Restored s : r.restored()) {
      out.append(s.alreadyRestored() ? "  = " : "  ~ ").append(s.name()).append(' ')
          .append(s.type()).append(s.alreadyRestored() ? " already holds " : " restored to ")
          .append(s.value().describe()).append('\n');
    }
    for (RollbackResult.Pending p : r.pending()) {
      out.append("  ! pending ").append(p.name()).append(' ').append(p.type())
          .append(": back to ").append(p.previous().describe()).append(" (mailshift wrote ")
          .append(p.wrote().describe()).append(")\n");
    }
    for (RollbackResult.Unserved u : r.unserved()) {
      out.append("  ? ").append(u.name()).append(' ').append(u.type())
          .append(" restored, but not yet answered by every authoritative server:\n    ")
          .append(u.lagging().replace("\n", "\n    ")).append('\n');
    }
    r.failure().ifPresent(f -> out.append("  stopped: ").append(f.replace("\n", "\n  "))
        .append('\n'));
    out.append(r.complete()
        ? "Rollback complete: " + r.restored().size() + " change(s) undone, newest first;"
            + " every authoritative server answers the restored records.\n"
        : !r.pending().isEmpty() || r.failure().isPresent() ? pendingHint(r)
        : "Rollback incomplete: " + r.unserved().size() + " restored RRset(s) not yet answered"
            + " by every authoritative server within dns.timeouts.propagation. Check that the"
            + " secondaries transfer the zone (NOTIFY, allow-transfer), then run rollback again:"
            + " it restores nothing twice and checks the servers again.\n");
    return out.toString();
  }

  private static String pendingHint(RollbackResult r) {
    return "Rollback incomplete: " + r.pending().size() + " change(s) pending. The record holds"
        + " something mailshift did not write there: if a later run changed it, roll that"
        + " run back first (or every run: mailshift rollback PLAN); if someone else did,"
        + " restore it by hand or put back what mailshift wrote. Then run rollback again:"
        + " what is restored already is left as it is.\n";
  }

  public static String json(RollbackResult r) {
    ObjectNode root = Json.object();
    root.put("zone", r.zone());
    root.put("complete", r.complete());
    root.set("runs", Json.tree(r.runs()));
    root.set("restored", Json.tree(r.restored()));
    root.set("pending", Json.tree(r.pending()));
    root.put("failure", r.failure().orElse(null));
    root.set("unserved", Json.tree(r.unserved()));
    return Json.write(root);
  }
}
