package dev.mailshift.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/** The plan file, shared by every command that reads one: the first positional parameter. */
final class PlanArgument {
  static final String NAME = "PLAN";

  private PlanArgument() {}

  static CommandSpec mixin() {
    return CommandSpec.create().addPositional(PositionalParamSpec.builder().index("0").paramLabel(NAME)
        .type(Path.class).required(true).description("The migration plan (YAML).").build());
  }

  /** The plan's path; picocli has already refused a command line without one. */
  static Path of(ParseResult parsed) {
    return parsed.matchedPositionalValue(0, null);
  }
}
