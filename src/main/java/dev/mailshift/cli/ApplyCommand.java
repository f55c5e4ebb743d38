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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "apply",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Carry out a phase: preflight, sync, validate, DNS steps; journalled and resumable.")
final class ApplyCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin PlanArgument plan;
  @Mixin JsonOption output;

  @Option(names = "--phase", paramLabel = "NAME", description = "The phase to run (required when the plan has several).")
  String phase;

  @Option(names = "--plan-file", paramLabel = "FILE", description = "Apply a plan saved by `plan --out`; refused when stale.")
  Path planFile;

  @Option(names = "--approve", description = "Approve a phase that has `gate: approval`.")
  boolean approve;

  @Option(names = "--confirm", description = "Confirm DNS changes marked `!` by plan (MX set,"
      + " SPF -all, stricter DMARC, a large share of records).")
  boolean confirm;

  @Option(names = "--no-progress", description = "Do not show progress on stderr.")
  boolean noProgress;

  @Override
  public Integer call() {
    Progress progress = noProgress || output.json
        ? null : new Progress(main.context().err(), Clock.systemUTC(), main.context().interactive());
    ApplyListener listener = progress != null ? progress : new ApplyListener() {
      @Override
      public void instructions(String text) {
        main.context().err().println(text);
        main.context().err().flush();
      }
    };
    ApplyResult r = main.mailshift().apply(plan.plan, Optional.ofNullable(phase),
        Optional.ofNullable(planFile), approve, confirm, listener);
    if (progress != null) {
      progress.finish();
    }
    main.context().out().print(output.json ? Json.apply(r) : ApplyText.render(r));
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
