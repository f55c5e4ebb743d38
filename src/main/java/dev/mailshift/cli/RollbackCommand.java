package dev.mailshift.cli;

import dev.mailshift.api.ErrorCode;
import dev.mailshift.api.RollbackResult;
import dev.mailshift.report.RollbackText;
import java.util.Optional;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code mailshift rollback PLAN}: restores the DNS records apply changed, newest first. */
record RollbackCommand(Main main) implements Subcommand {
  private static final String RUN = "--run";
  private static final String PHASE = "--phase";

  @Override
  public CommandSpec spec() {
    return Subcommand.model(this, "rollback", "Restore the DNS records apply changed, newest first;"
            + " safe to run again.")
        .addMixin(PlanArgument.NAME, PlanArgument.mixin())
        .addMixin(JsonOption.NAME, JsonOption.mixin())
        // at most one of --run and --phase
        .addArgGroup(ArgGroupSpec.builder().exclusive(true).multiplicity("0..1")
            .addArg(OptionSpec.builder(RUN).paramLabel("N").type(Long.class)
                .description("Only the changes of run N (see `mailshift status`).").build())
            .addArg(OptionSpec.builder(PHASE).paramLabel("NAME").type(String.class)
                .description("Only the changes of the runs of this phase.").build())
            .build());
  }

  @Override
  public int run(ParseResult parsed) {
    RollbackResult r = main.mailshift().rollback(PlanArgument.of(parsed),
        Optional.ofNullable(parsed.matchedOptionValue(RUN, null)),
        Optional.ofNullable(parsed.matchedOptionValue(PHASE, null)), text -> {
          main.context().err().println(text);
          main.context().err().flush();
        });
    main.context().out().print(JsonOption.isSet(parsed) ? RollbackText.json(r) : RollbackText.render(r));
    return r.complete() ? 0 : ErrorCode.ROLLBACK_INCOMPLETE.exitCode();
  }
}
