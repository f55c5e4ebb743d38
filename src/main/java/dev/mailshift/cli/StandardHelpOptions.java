package dev.mailshift.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h/--help} and {@code -V/--version}, and the version they print: the mixin picocli's
 * {@code mixinStandardHelpOptions} adds, declared by hand (that attribute reads the annotations of
 * picocli's own mixin class at every start).
 */
final class StandardHelpOptions {
  static final String NAME = "mixinStandardHelpOptions";

  private StandardHelpOptions() {}

  static CommandSpec mixin() {
    return CommandSpec.create().versionProvider(new VersionProvider())
        .addOption(OptionSpec.builder("-h", "--help").type(boolean.class).usageHelp(true)
            .description("Show this help message and exit.").build())
        .addOption(OptionSpec.builder("-V", "--version").type(boolean.class).versionHelp(true)
            .description("Print version information and exit.").build());
  }
}
