package dev.mailshift.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code --json}: print the machine-readable report instead of text. */
final class JsonOption {
  static final String NAME = "--json";

  private JsonOption() {}

  static CommandSpec mixin() {
    return CommandSpec.create().addOption(OptionSpec.builder(NAME).type(boolean.class)
        .description("Print the report as JSON.").build());
  }

  static boolean isSet(ParseResult parsed) {
    return parsed.matchedOptionValue(NAME, false);
  }
}
