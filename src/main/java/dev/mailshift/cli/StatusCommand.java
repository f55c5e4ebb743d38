package dev.mailshift.cli;

import dev.mailshift.api.StatusResult;
import dev.mailshift.report.StatusText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Show what ran, when, with what outcome, and per-folder progress.")
final class StatusCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin PlanArgument plan;
  @Mixin JsonOption output;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "10", description = "How many recent runs to list (default ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() {
    StatusResult r = main.mailshift().status(plan.plan, runs);
    main.context().out().print(output.json ? StatusText.json(r) : StatusText.render(r));
    return 0;
  }
}
