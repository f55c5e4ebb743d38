package dev.mailshift.report;

import dev.mailshift.api.StatusResult;
import dev.mailshift.state.BindingCheck;
import dev.mailshift.state.FolderCheckpoint;
import dev.mailshift.state.JournalEntry;
import dev.mailshift.state.RunRecord;
import dev.mailshift.state.SkipRecord;
import dev.mailshift.state.TtlLoweringRecord;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders {@code status}: the mailboxes each account's state is bound to, runs, the last run's
 * steps, folder progress, mail not copied.
 */
public final class StatusText {
  private StatusText() {}

  public static String render(StatusResult r) {
    StringBuilder out = new StringBuilder("state: ").append(r.stateFile()).append('\n');
    r.holder().ifPresent(h -> out.append("running now: ").append(h).append('\n'));
    bindings(out, r);
    r.dns().ifPresent(d -> dns(out, d));
    if (r.runs().isEmpty()) {
      return out.append("no runs yet: run `mailshift apply PLAN` to start.\n").toString();
    }
    out.append("runs (newest first):\n");
    for (RunRecord run : r.runs()) {
      out.append(String.format(Locale.ROOT, "  #%d %-11s %s phase %s, %s%s%n", run.runId(),
          run.outcome(), run.startedAt(), run.phase(), run.command(),
          run.summary().map(s -> ": " + s).orElse("")));
    }
    out.append("steps of run #").append(r.runs().get(0).runId()).append(":\n");
    for (JournalEntry e : r.lastRunSteps()) {
      out.append(String.format(Locale.ROOT, "  %-9s %s%s%n", e.status(), e.summary(),
          e.detailJson().map(d -> ": " + d).orElse("")));
    }
    if (!r.folders().isEmpty()) {
      out.append("folders (messages / bytes synced, last sync):\n");
      for (FolderCheckpoint f : r.folders()) {
        out.append(String.format(Locale.ROOT, "  %s:%s -> %s: %d / %s, %s%n", f.account(),
            f.sourceFolder(), f.destinationFolder(), f.messagesSynced(),
            Sizes.human(f.bytesSynced()), f.syncedAt().map(Object::toString).orElse("never")));
      }
    }
    out.append(NotCopied.ofRecords(r.skipped(), "  "));
    return out.toString();
  }

  /** Per account, the mailboxes its state describes; ! where the plan now names others. */
  private static void bindings(StringBuilder out, StatusResult r) {
    if (r.bindings().stream().allMatch(b -> b instanceof BindingCheck.Fresh)) {
      return;
    }
    out.append("state bound to (source -> destination):\n");
    for (BindingCheck b : r.bindings()) {
      String account = b.wanted().account();
      switch (b) {
        case BindingCheck.Fresh f -> out.append("    ").append(account)
            .append(": not bound yet (no sync state)\n");
        case BindingCheck.Same s -> out.append("    ").append(account).append(": ")
            .append(s.wanted().source()).append(" -> ").append(s.wanted().destination())
            .append('\n');
        case BindingCheck.Changed c -> out.append("  ! ").append(account).append(": ")
            .append(c.recorded().source()).append(" -> ").append(c.recorded().destination())
            .append("\n      ").append(c.warning().orElseThrow()).append('\n');
        case BindingCheck.Unrecorded u -> out.append("  ! ").append(account).append(": ")
            .append(u.warning().orElseThrow()).append('\n');
      }
    }
  }

  private static void dns(StringBuilder out, StatusResult.DnsStatus d) {
    out.append("dns ").append(d.zone()).append(":\n");
    for (TtlLoweringRecord l : d.lowerings()) {
      out.append(String.format(Locale.ROOT, "  TTL of %s %s lowered at %s (run #%d): served"
          + " with TTL %d s before, wait %d s (%s)%n", l.name(), l.type(), l.loweredAt(),
          l.runId(), l.servedTtl(), l.waitSeconds(), l.basis().toLowerCase(Locale.ROOT)
              .replace('_', ' ')));
    }
    d.mxGate().ifPresent(g -> out.append("  MX switch: ").append(g.explanation()).append('\n'));
  }

  public static String json(StatusResult r) {
    ObjectNode root = Json.object();
    root.put("stateFile", r.stateFile().toString());
    root.put("holder", r.holder().orElse(null));
    root.set("runs", Json.tree(r.runs()));
    root.set("lastRunSteps", Json.tree(r.lastRunSteps()));
    root.set("folders", Json.tree(r.folders()));
    root.set("skipped", Json.tree(r.skipped()));
    ArrayNode bindings = root.putArray("bindings");
    r.bindings().forEach(b -> bindings.add(Json.binding(b)));
    r.dns().ifPresent(d -> {
      ObjectNode dns = root.putObject("dns");
      dns.put("zone", d.zone());
      dns.set("lowerings", Json.tree(d.lowerings()));
      d.mxGate().ifPresent(g -> dns.set("mxGate", Json.gate(g)));
    });
    return Json.write(root);
  }
}
