package dev.mailshift.cli;

import dev.mailshift.api.ErrorCode;
import dev.mailshift.api.FolderConflictException;
import dev.mailshift.api.PlanFile;
import dev.mailshift.api.PlanResult;
import dev.mailshift.report.Json;
import dev.mailshift.report.PlanText;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code mailshift plan PLAN}: what apply would do, from a read-only look at both sides. */
record PlanCommand(Main main) implements Subcommand {
  private static final String PHASE = "--phase";
  private static final String OUT = "--out";
  private static final String DETAILED_EXIT_CODE = "--detailed-exitcode";

  @Override
  public CommandSpec spec() {
    return Subcommand.model(this, "plan", "Read both sides (read-only) and show exactly what apply would do.")
        .addMixin(PlanArgument.NAME, PlanArgument.mixin())
        .addMixin(JsonOption.NAME, JsonOption.mixin())
        .addOption(OptionSpec.builder(PHASE).paramLabel("NAME").type(String.class)
            .description("The phase to plan (required when the plan has several).").build())
        .addOption(OptionSpec.builder(OUT).paramLabel("FILE").type(Path.class)
            .description("Save the plan for `apply --plan-file` (no secrets in it).").build())
        .addOption(OptionSpec.builder(DETAILED_EXIT_CODE).type(boolean.class)
            .description("Exit 10 when there are changes, 0 when there are none.").build());
  }

  @Override
  public int run(ParseResult parsed) {
    Path plan = PlanArgument.of(parsed);
    boolean json = JsonOption.isSet(parsed);
    Path out = parsed.matchedOptionValue(OUT, null);
    PlanResult r;
    try {
      r = main.mailshift().plan(plan, Optional.ofNullable(parsed.matchedOptionValue(PHASE, null)));
    } catch (FolderConflictException e) {
      // show the folder maps with the conflicts marked, then fail as invalid (exit 3)
      main.context().out().print(json ? Json.folderMaps(e.observed()) : PlanText.folderMaps(e.observed()));
      throw e;
    }
    if (out != null) {
      PlanFile.write(r.changeSet(), out);
    }
    main.context().out().print(json ? Json.plan(r) : PlanText.render(r));
    if (out != null && !json) {
      main.context().out().println("Saved to " + out + ": run `mailshift apply " + plan
          + " --plan-file " + out + "` to carry it out.");
    }
    boolean detailed = parsed.matchedOptionValue(DETAILED_EXIT_CODE, false);
    return detailed && r.hasChanges() ? ErrorCode.CHANGES_PENDING.exitCode() : 0;
  }
}
