package dev.mailshift.cli;

import dev.mailshift.api.ErrorCode;
import dev.mailshift.api.ValidateResult;
import dev.mailshift.report.Json;
import dev.mailshift.plan.check.ProblemFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Check a plan's syntax, schema and meaning; report every problem.")
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin PlanArgument plan;
  @Mixin JsonOption output;

  @Option(names = "--secrets", description = "Also resolve every secret reference (env, file, cmd).")
  boolean secrets;

  @Override
  public Integer call() {
    ValidateResult r = main.mailshift().validate(plan.plan, secrets);
    if (output.json) {
      main.context().out().print(Json.problems(r.problems()));
    } else {
      main.context().err().print(ProblemFormatter.format(r.problems()));
      if (r.valid()) {
        main.context().out().println(plan.plan + " is valid"
            + (r.warnings() > 0 ? " (" + r.warnings() + " warning(s))" : "") + ".");
      }
    }
    return r.valid() ? 0 : ErrorCode.PLAN_INVALID.exitCode();
  }
}
