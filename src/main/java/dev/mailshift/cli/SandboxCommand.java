package dev.mailshift.cli;

import dev.mailshift.api.ApplyResult;
import dev.mailshift.api.Environment;
import dev.mailshift.api.Mailshift;
import dev.mailshift.api.PlanResult;
import dev.mailshift.apply.ApplyListener;
import dev.mailshift.report.ApplyText;
import dev.mailshift.report.PlanText;
import dev.mailshift.sandbox.Sandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code mailshift sandbox}: the whole tool at work on two in-process servers, for a first look. */
record SandboxCommand(Main main) implements Subcommand {
  private static final String DIR = "--dir";
  private static final String KEEP = "--keep";

  @Override
  public CommandSpec spec() {
    return Subcommand.model(this, "sandbox",
            "Run a whole migration between two in-process IMAP servers with sample mail.")
        .addOption(OptionSpec.builder(DIR).paramLabel("DIR").type(Path.class)
            .description("Where to write the plan and state (default: a new temp dir).").build())
        .addOption(OptionSpec.builder(KEEP).type(boolean.class)
            .description("Keep the servers running afterwards (until Ctrl-C) to explore them.").build());
  }

  @Override
  public int run(ParseResult parsed) throws InterruptedException {
    PrintWriter out = main.context().out();
    Path dir = parsed.matchedOptionValue(DIR, null);
    Path workDir = dir != null ? dir : tempDir();
    try (Sandbox sandbox = Sandbox.start()) {
      Path plan = sandbox.writePlan(workDir);
      Mailshift mailshift = new Mailshift(
          Environment.of(sandbox.secrets(), Main.prompter(main.context())));
      out.println("Sandbox: source imaps://127.0.0.1:" + sandbox.sourcePort() + ", destination imaps://127.0.0.1:"
          + sandbox.destinationPort() + ", user " + Sandbox.USER);
      out.println("Plan written to " + plan + "\n");
      out.println("$ mailshift plan " + plan);
      PlanResult first = mailshift.plan(plan, Optional.empty());
      out.println(PlanText.render(first));
      out.println("$ mailshift apply " + plan);
      ApplyResult applied = mailshift.apply(plan, Optional.empty(), Optional.empty(), false, ApplyListener.NONE);
      out.println(ApplyText.render(applied));
      out.println("$ mailshift plan " + plan + "   # again: nothing left to do");
      PlanResult second = mailshift.plan(plan, Optional.empty());
      out.println(PlanText.render(second));
      out.println("State and journal: " + applied.stateFile() + " (try `mailshift status " + plan + "`)");
      out.flush();
      if (parsed.matchedOptionValue(KEEP, false)) {
        out.println("Servers keep running; press Ctrl-C to stop.");
        out.flush();
        new CountDownLatch(1).await();
      }
      return applied.failures().isEmpty() && applied.shortfalls().isEmpty() && !second.hasChanges() ? 0 : 5;
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("mailshift-sandbox-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
