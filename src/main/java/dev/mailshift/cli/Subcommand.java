package dev.mailshift.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * One {@code mailshift} command: its picocli model, declared with picocli's programmatic API, and
 * what it does with what was parsed. No annotation is read at run time: each annotation picocli
 * reads by reflection is a JDK proxy generated at start-up, which made a quarter of the CPU time of
 * {@code mailshift --version}.
 */
interface Subcommand {
  /** The model of this command, with this command as its user object. */
  CommandSpec spec();

  /** Carries out the command with its parsed arguments; returns the exit code. */
  int run(ParseResult parsed) throws Exception;

  /** The model every command starts from: its name, what it does, {@code -h} and {@code -V}. */
  static CommandSpec model(Subcommand command, String name, String description) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name)
        .addMixin(StandardHelpOptions.NAME, StandardHelpOptions.mixin());
    spec.usageMessage().description(description);
    return spec;
  }
}
