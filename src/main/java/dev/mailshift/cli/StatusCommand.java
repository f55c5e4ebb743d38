package dev.mailshift.cli;

import dev.mailshift.api.StatusResult;
import dev.mailshift.report.StatusText;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code mailshift status PLAN}: the recent runs and per-folder progress, from the state store. */
record StatusCommand(Main main) implements Subcommand {
  private static final String RUNS = "--runs";
  private static final int DEFAULT_RUNS = 10;

  @Override
  public CommandSpec spec() {
    return Subcommand.model(this, "status", "Show what ran, when, with what outcome, and per-folder progress.")
        .addMixin(PlanArgument.NAME, PlanArgument.mixin())
        .addMixin(JsonOption.NAME, JsonOption.mixin())
        .addOption(OptionSpec.builder(RUNS).paramLabel("N").type(int.class)
            .defaultValue(String.valueOf(DEFAULT_RUNS))
            .description("How many recent runs to list (default ${DEFAULT-VALUE}).").build());
  }

  @Override
  public int run(ParseResult parsed) {
    StatusResult r = main.mailshift().status(PlanArgument.of(parsed), parsed.matchedOptionValue(RUNS, DEFAULT_RUNS));
    main.context().out().print(JsonOption.isSet(parsed) ? StatusText.json(r) : StatusText.render(r));
    return 0;
  }
}
