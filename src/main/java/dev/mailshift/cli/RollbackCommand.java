package dev.mailshift.cli;

import dev.mailshift.api.ErrorCode;
import dev.mailshift.api.RollbackResult;
import dev.mailshift.report.RollbackText;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "rollback",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Restore the DNS records apply changed, newest first;"
    + " safe to run again.")
final class RollbackCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin PlanArgument plan;
  @Mixin JsonOption output;

  @ArgGroup(exclusive = true)
  Selection selection = new Selection();

  static final class Selection {
    @Option(names = "--run", paramLabel = "N", description = "Only the changes of run N (see"
        + " `mailshift status`).")
    Long run;

    @Option(names = "--phase", paramLabel = "NAME", description = "Only the changes of the"
        + " runs of this phase.")
    String phase;
  }

  @Override
  public Integer call() {
    RollbackResult r = main.mailshift().rollback(plan.plan, Optional.ofNullable(selection.run),
        Optional.ofNullable(selection.phase), text -> {
          main.context().err().println(text);
          main.context().err().flush();
        });
    main.context().out().print(output.json ? RollbackText.json(r) : RollbackText.render(r));
    return r.complete() ? 0 : ErrorCode.ROLLBACK_INCOMPLETE.exitCode();
  }
}
