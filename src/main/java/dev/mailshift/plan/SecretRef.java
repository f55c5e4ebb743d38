package dev.mailshift.plan;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a secret comes from. A plan holds only these references, never a value: {@code env:NAME},
 * {@code file:path}, {@code cmd:command} or {@code prompt} (asked on the terminal). Printing a
 * reference is safe; resolving it is done by {@code plan.load.SecretResolver}.
 */
public sealed interface SecretRef {
  /** The text form as written in a plan, e.g. {@code env:ALICE_OLD}. */
  String describe();

  record Env(String variable) implements SecretRef {
    public Env {
      Objects.requireNonNull(variable, "variable");
    }

    @Override
    public String describe() {
      return "env:" + variable;
    }
  }

  record File(Path path) implements SecretRef {
    public File {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String describe() {
      return "file:" + path;
    }
  }

  record Command(String command) implements SecretRef {
    public Command {
      Objects.requireNonNull(command, "command");
    }

    @Override
    public String describe() {
      return "cmd:" + command;
    }
  }

  record Prompt(String label) implements SecretRef {
    public Prompt {
      Objects.requireNonNull(label, "label");
    }

    @Override
    public String describe() {
      return "prompt";
    }
  }
}
