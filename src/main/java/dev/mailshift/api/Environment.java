package dev.mailshift.api;

import dev.mailshift.dns.Sleeper;
import dev.mailshift.imap.ImapConnector;
import dev.mailshift.imap.JakartaImapConnector;
import dev.mailshift.plan.load.Prompter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the facade takes from its caller instead of reading globals: environment variables (for
 * {@code env:} secrets), how to ask for a {@code prompt} secret, the IMAP connector, the clock
 * message ages ({@code messages.max-age}, {@code min-age}) are counted from and DNS waits
 * (propagation, the MX gate) and server rate limits ({@code limits.bytes-per-second}, {@code
 * messages-per-second}) run on, and the sleeper those waits use. A test's sleeper should advance
 * its clock: rate limits earn their allowance only as the clock moves.
 */
public record Environment(
    Map<String, String> variables,
    Prompter prompter,
    ImapConnector connector,
    Clock clock,
    Sleeper sleeper) {
  public Environment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(prompter, "prompter");
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The real clock and sleeper. */
  public Environment(Map<String, String> variables, Prompter prompter, ImapConnector connector) {
    this(variables, prompter, connector, Clock.systemUTC(), Sleeper.system());
  }

  /** With a given clock (message ages in tests) and the real sleeper. */
  public Environment(
      Map<String, String> variables, Prompter prompter, ImapConnector connector, Clock clock) {
    this(variables, prompter, connector, clock, Sleeper.system());
  }

  /** The real environment: Jakarta Mail, the system clock, prompts on the console if any. */
  public static Environment of(Map<String, String> variables, Prompter prompter) {
    return new Environment(variables, prompter, new JakartaImapConnector());
  }
}
