package dev.mailshift.report;

import dev.mailshift.state.StepStatus;
import dev.mailshift.api.ApplyResult;
import dev.mailshift.sync.FolderVerification;
import dev.mailshift.apply.StepResult;
import java.util.Locale;

/** Renders the outcome of an apply: failures first, then verification, skipped mail, totals. */
public final class ApplyText {
  private ApplyText() {}

  public static String render(ApplyResult r) {
    StringBuilder out = new StringBuilder();
    out.append("mailshift apply, phase ").append(r.phase()).append(", run ")
        .append(r.outcome().runId()).append('\n');
    for (StepResult s : r.failures()) {
      out.append("  ! FAILED ").append(s.change().summary()).append(": ").append(s.detail()).append('\n');
    }
    if (!r.checks().isEmpty()) {
      out.append(VerifyText.render(r.checks()));
    }
    out.append(NotCopied.ofMessages(r.skipped(), "  "));
    out.append(String.format(Locale.ROOT,
        "Apply: %d step(s) succeeded, %d failed, %d skipped; %d message(s) copied (%s), "
            + "%d adopted, %d flag update(s), %d not copied.%n",
        r.count(StepStatus.SUCCEEDED), r.count(StepStatus.FAILED),
        r.count(StepStatus.SKIPPED), r.copied(), Sizes.human(r.bytesCopied()),
        r.syncs().stream().mapToLong(s -> s.adopted()).sum(),
        r.syncs().stream().mapToLong(s -> s.flagsUpdated()).sum(), r.skipped().size()));
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
