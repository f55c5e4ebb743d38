package dev.mailshift.plan.load;

import java.io.Console;
import java.util.Optional;

/**
 * Asks a person for a secret ({@code prompt} references). The real one reads from the terminal
 * with echo off; tests pass a fake. Only the CLI should create a terminal prompter: the core never
 * talks to the terminal on its own.
 */
@FunctionalInterface
public interface Prompter {
  /**
   * Asks for the secret described by {@code label} (e.g. "source password of alice on old").
   *
   * @return what was typed, or empty when nobody can be asked (no terminal)
   */
  Optional<char[]> ask(String label);

  /** Asks on the process's terminal with echo off; empty when there is no terminal. */
  static Prompter console() {
    return label -> {
      Console console = System.console();
      if (console == null) {
        return Optional.empty();
      }
      return Optional.ofNullable(console.readPassword("%s: ", label));
    };
  }

  /** For non-interactive runs (CI): never asks, so every {@code prompt} fails with a fix. */
  static Prompter none() {
    return label -> Optional.empty();
  }
}
