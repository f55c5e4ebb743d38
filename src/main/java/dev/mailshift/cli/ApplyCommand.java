package dev.mailshift.cli;

import dev.mailshift.api.ApplyResult;
import dev.mailshift.api.ErrorCode;
import dev.mailshift.apply.ApplyListener;
import dev.mailshift.apply.StepResult;
import dev.mailshift.report.ApplyText;
import dev.mailshift.report.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code mailshift apply PLAN}: carries out a phase, journalled and resumable. */
record ApplyCommand(Main main) implements Subcommand {
  private static final String PHASE = "--phase";
  private static final String PLAN_FILE = "--plan-file";
  private static final String APPROVE = "--approve";
  private static final String CONFIRM = "--confirm";
  private static final String NO_PROGRESS = "--no-progress";

  @Override
  public CommandSpec spec() {
    return Subcommand.model(this, "apply",
            "Carry out a phase: preflight, sync, validate, DNS steps; journalled and resumable.")
        .addMixin(PlanArgument.NAME, PlanArgument.mixin())
        .addMixin(JsonOption.NAME, JsonOption.mixin())
        .addOption(OptionSpec.builder(PHASE).paramLabel("NAME").type(String.class)
            .description("The phase to run (required when the plan has several).").build())
        .addOption(OptionSpec.builder(PLAN_FILE).paramLabel("FILE").type(Path.class)
            .description("Apply a plan saved by `plan --out`; refused when stale.").build())
        .addOption(OptionSpec.builder(APPROVE).type(boolean.class)
            .description("Approve a phase that has `gate: approval`.").build())
        .addOption(OptionSpec.builder(CONFIRM).type(boolean.class)
            .description("Confirm DNS changes marked `!` by plan (MX set,"
                + " SPF -all, stricter DMARC, a large share of records).").build())
        .addOption(OptionSpec.builder(NO_PROGRESS).type(boolean.class)
            .description("Do not show progress on stderr.").build());
  }

  @Override
  public int run(ParseResult parsed) {
    boolean json = JsonOption.isSet(parsed);
    boolean noProgress = parsed.matchedOptionValue(NO_PROGRESS, false);
    Progress progress = noProgress || json
        ? null : new Progress(main.context().err(), Clock.systemUTC(), main.context().interactive());
    ApplyListener listener = progress != null ? progress : new ApplyListener() {
      @Override
      public void instructions(String text) {
        main.context().err().println(text);
        main.context().err().flush();
      }
    };
    ApplyResult r = main.mailshift().apply(PlanArgument.of(parsed),
        Optional.ofNullable(parsed.matchedOptionValue(PHASE, null)),
        Optional.ofNullable(parsed.matchedOptionValue(PLAN_FILE, null)),
        parsed.matchedOptionValue(APPROVE, false), parsed.matchedOptionValue(CONFIRM, false), listener);
    if (progress != null) {
      progress.finish();
    }
    main.context().out().print(json ? Json.apply(r) : ApplyText.render(r));
    if (!r.failures().isEmpty()) {
      return failed(r.failures(), "step(s) failed", ErrorCode.APPLY_FAILED);
    }
    return r.shortfalls().isEmpty()
        ? 0 : failed(r.shortfalls(), "validation found missing messages", ErrorCode.VALIDATION_SHORTFALL);
  }

  /** The report went to stdout (maybe as JSON); stderr says what failed, where, and what to do. */
  private int failed(List<StepResult> steps, String what, ErrorCode code) {
    PrintWriter err = main.context().err();
    err.println("error: apply " + what + ":");
    for (StepResult s : steps) {
      err.println("  " + s.change().account() + ": " + s.change().summary() + ": " + s.detail());
    }
    err.println("  fix: " + code.defaultHint());
    return code.exitCode();
  }
}
