package dev.mailshift.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@code mailshift help [COMMAND]}: the usage of a command, or of mailshift. Says and does what
 * picocli's {@code CommandLine.HelpCommand} does, whose model would be read from its annotations.
 * As a help command, picocli runs it itself (a {@code Callable}), and lets arguments after the
 * command name pass.
 */
final class HelpCommand implements Subcommand, Callable<Integer> {
  private final CommandSpec spec;

  HelpCommand() {
    spec = CommandSpec.wrapWithoutInspection(this).name("help").helpCommand(true)
        .addOption(OptionSpec.builder("-h", "--help").type(boolean.class).usageHelp(true)
            .description("Show usage help for the help command and exit.").build())
        .addPositional(PositionalParamSpec.builder().paramLabel("COMMAND").arity("0..1").type(String.class)
            .description("The COMMAND to display the usage help message for.").build());
    spec.usageMessage().header("Display help information about the specified command.")
        .synopsisHeading("%nUsage: ")
        .description("%nWhen no COMMAND is given, the usage help for the main command is displayed.",
            "If a COMMAND is specified, the help for that command is shown.%n");
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    return run(spec.commandLine().getParseResult());
  }

  @Override
  public int run(ParseResult parsed) {
    CommandLine self = parsed.commandSpec().commandLine();
    CommandLine parent = self.getParent();
    String name = parsed.matchedPositionalValue(0, null);
    CommandLine command = name == null ? parent : parent.getSubcommands().get(name);
    if (command == null) {
      throw new ParameterException(parent, "Unknown subcommand '" + name + "'.");
    }
    command.usage(self.getOut(), self.getColorScheme());
    return command.getCommandSpec().exitCodeOnUsageHelp();
  }
}
