package dev.mailshift.cli;

import dev.mailshift.api.ErrorCode;
import dev.mailshift.api.ValidateResult;
import dev.mailshift.plan.check.ProblemFormatter;
import dev.mailshift.report.Json;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code mailshift validate PLAN}: every problem of a plan, without touching a server. */
record ValidateCommand(Main main) implements Subcommand {
  private static final String SECRETS = "--secrets";

  @Override
  public CommandSpec spec() {
    return Subcommand.model(this, "validate", "Check a plan's syntax, schema and meaning; report every problem.")
        .addMixin(PlanArgument.NAME, PlanArgument.mixin())
        .addMixin(JsonOption.NAME, JsonOption.mixin())
        .addOption(OptionSpec.builder(SECRETS).type(boolean.class)
            .description("Also resolve every secret reference (env, file, cmd).").build());
  }

  @Override
  public int run(ParseResult parsed) {
    Path plan = PlanArgument.of(parsed);
    ValidateResult r = main.mailshift().validate(plan, parsed.matchedOptionValue(SECRETS, false));
    if (JsonOption.isSet(parsed)) {
      main.context().out().print(Json.problems(r.problems()));
    } else {
      main.context().err().print(ProblemFormatter.format(r.problems()));
      if (r.valid()) {
        main.context().out().println(plan + " is valid"
            + (r.warnings() > 0 ? " (" + r.warnings() + " warning(s))" : "") + ".");
      }
    }
    return r.valid() ? 0 : ErrorCode.PLAN_INVALID.exitCode();
  }
}
