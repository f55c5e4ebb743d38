package dev.mailshift.cli;

import dev.mailshift.api.ErrorCode;
import dev.mailshift.api.FolderConflictException;
import dev.mailshift.api.PlanFile;
import dev.mailshift.api.PlanResult;
import dev.mailshift.report.Json;
import dev.mailshift.report.PlanText;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Read both sides (read-only) and show exactly what apply would do.")
final class PlanCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin PlanArgument plan;
  @Mixin JsonOption output;

  @Option(names = "--phase", paramLabel = "NAME", description = "The phase to plan (required when the plan has several).")
  String phase;

  @Option(names = "--out", paramLabel = "FILE", description = "Save the plan for `apply --plan-file` (no secrets in it).")
  Path out;

  @Option(names = "--detailed-exitcode", description = "Exit 10 when there are changes, 0 when there are none.")
  boolean detailedExitCode;

  @Override
  public Integer call() {
    PlanResult r;
    try {
      r = main.mailshift().plan(plan.plan, Optional.ofNullable(phase));
    } catch (FolderConflictException e) {
      // show the folder maps with the conflicts marked, then fail as invalid (exit 3)
      main.context().out().print(output.json ? Json.folderMaps(e.observed())
          : PlanText.folderMaps(e.observed()));
      throw e;
    }
    if (out != null) {
      PlanFile.write(r.changeSet(), out);
    }
    main.context().out().print(output.json ? Json.plan(r) : PlanText.render(r));
    if (out != null && !output.json) {
      main.context().out().println("Saved to " + out + ": run `mailshift apply " + plan.plan
          + " --plan-file " + out + "` to carry it out.");
    }
    return detailedExitCode && r.hasChanges() ? ErrorCode.CHANGES_PENDING.exitCode() : 0;
  }
}
