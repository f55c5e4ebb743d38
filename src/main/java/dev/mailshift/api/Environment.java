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
 * {@code env:} secrets), how to ask for a {@code prompt} secret, the IMAP connector, and the clock
 * and sleeper DNS waits (propagation, the MX gate) run on.
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

  /** The real environment: Jakarta Mail, and prompts on the console when there is one. */
  public static Environment of(Map<String, String> variables, Prompter prompter) {
    return new Environment(variables, prompter, new JakartaImapConnector());
  }
}
