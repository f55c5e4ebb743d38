package dev.mailshift.report;

import dev.mailshift.state.StepStatus;
import dev.mailshift.api.ApplyResult;
import dev.mailshift.sync.FolderVerification;
import dev.mailshift.apply.StepResult;
import dev.mailshift.sync.SkippedMessage;
import dev.mailshift.change.SetDnsRecords;
import dev.mailshift.dns.CheckFinding;
import java.util.Locale;

/** Renders the outcome of an apply: failures first, then verification, skipped mail, totals. */
public final class ApplyText {
  private ApplyText() {}

  public static String render(ApplyResult r) {
    StringBuilder out = new StringBuilder();
    out.append("mailshift apply, phase ").append(r.phase()).append(", run ")
        .append(r.outcome().runId()).append('\n');
    r.rebindings().forEach(b -> out.append("  ! ").append(b.account()).append(": ")
        .append(b.summary()).append('\n'));
    for (StepResult s : r.outcome().steps()) {
      if (s.change() instanceof SetDnsRecords && s.status() == StepStatus.SUCCEEDED) {
        out.append("  dns: ").append(s.change().summary()).append(": ").append(s.detail())
            .append('\n');
      }
    }
    for (StepResult s : r.failures()) {
      out.append("  ! FAILED ").append(s.change().summary()).append(": ").append(s.detail()).append('\n');
    }
    r.outcome().steps().stream().filter(s -> !s.dnsFindings().isEmpty())
        .forEach(s -> out.append(findings(s.dnsFindings())));
    if (!r.checks().isEmpty()) {
      out.append(VerifyText.render(r.checks()));
    }
    out.append(NotCopied.ofSyncs(r.syncs(), "  "));
    if (r.stillNotCopied().messages() > 0) {
      // The list above is what this run decided; a re-run decides nothing anew, yet earlier
      // runs' messages are still missing on the destination.
      out.append(String.format(Locale.ROOT, "  still not copied, from this run and earlier ones:"
          + " %d message(s), %s (`mailshift status` lists them)%n",
          r.stillNotCopied().messages(), Sizes.human(r.stillNotCopied().bytes())));
    }
    out.append(String.format(Locale.ROOT,
        "Apply: %d step(s) succeeded, %d failed, %d skipped; %d message(s) copied (%s), "
            + "%d adopted, %d flag update(s), %d not copied.%n",
        r.count(StepStatus.SUCCEEDED), r.count(StepStatus.FAILED),
        r.count(StepStatus.SKIPPED), r.copied(), Sizes.human(r.bytesCopied()),
        r.syncs().stream().mapToLong(s -> s.adopted()).sum(),
        r.syncs().stream().mapToLong(s -> s.flagsUpdated()).sum(), r.skipped().size()));
    return out.toString();
  }

  /** The dns-validate findings: every error and warning, and how many checks passed. */
  static String findings(java.util.List<CheckFinding> findings) {
    StringBuilder out = new StringBuilder("  dns-validate:\n");
    for (CheckFinding f : findings) {
      if (f.verdict() != CheckFinding.Verdict.PASS) {
        out.append("    ").append(f.isError() ? "! " : "? ").append(f.check()).append(' ')
            .append(f.subject()).append(": ").append(f.message())
            .append(f.fix().isBlank() ? "" : " (fix: " + f.fix() + ")").append('\n');
      }
    }
    long passed = findings.stream().filter(f -> f.verdict() == CheckFinding.Verdict.PASS).count();
    out.append("    = ").append(passed).append(" of ").append(findings.size())
        .append(" checks passed\n");
    return out.toString();
  }

  /** The validate step's table. */
  public static final class VerifyText {
    private VerifyText() {}

    public static String render(java.util.List<FolderVerification> checks) {
      StringBuilder out = new StringBuilder("  validate (source -> destination, messages / bytes):\n");
      for (FolderVerification c : checks) {
        out.append(String.format(Locale.ROOT, "    %s %s:%s -> %s: %d / %s -> %d / %s%s%n",
            c.shortfall() ? "!" : "=", c.pair().account(), c.pair().sourceFolder(),
            c.pair().destinationFolder(), c.sourceMessages(), Sizes.human(c.sourceBytes()),
            c.destinationMessages(), Sizes.human(c.destinationBytes()),
            c.shortfall() ? "  MISSING " + Math.max(0, c.expectedMessages() - c.destinationMessages())
                + (c.unaccounted() > 0 ? ", " + c.unaccounted() + " source message(s) not synced yet" : "")
                : c.skippedMessages() > 0 ? "  (" + c.skippedMessages() + " not copied by rule)" : ""));
      }
      return out.toString();
    }
  }
}
