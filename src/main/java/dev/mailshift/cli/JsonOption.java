package dev.mailshift.cli;

import picocli.CommandLine.Option;

/** {@code --json}: print the machine-readable report instead of text. */
final class JsonOption {
  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;
}
