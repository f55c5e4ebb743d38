package dev.mailshift.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The plan file, shared by every command that reads one. */
final class PlanArgument {
  @Parameters(index = "0", paramLabel = "PLAN", description = "The migration plan (YAML).")
  Path plan;
}
