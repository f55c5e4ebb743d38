package dev.mailshift.api;

import dev.mailshift.imap.ImapConnector;
import dev.mailshift.imap.JakartaImapConnector;
import dev.mailshift.plan.load.Prompter;
import java.util.Map;
import java.util.Objects;

/**
 * What the facade takes from its caller instead of reading globals: environment variables (for
 * {@code env:} secrets), how to ask for a {@code prompt} secret, and the IMAP connector.
 */
public record Environment(
    Map<String, String> variables, Prompter prompter, ImapConnector connector) {
  public Environment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(prompter, "prompter");
    Objects.requireNonNull(connector, "connector");
  }

  /** The real environment: Jakarta Mail, and prompts on the console when there is one. */
  public static Environment of(Map<String, String> variables, Prompter prompter) {
    return new Environment(variables, prompter, new JakartaImapConnector());
  }
}
