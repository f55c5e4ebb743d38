package dev.mailshift.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * What a command run gets from its caller: the two output streams, the environment (secrets are
 * resolved from it, never from {@code System.getenv} deep inside), and whether a person is at a
 * terminal (progress redraws in place, prompts are allowed).
 */
public record Context(PrintWriter out, PrintWriter err, Map<String, String> env, boolean interactive) {
  public Context {
    env = Map.copyOf(env);
  }
}
