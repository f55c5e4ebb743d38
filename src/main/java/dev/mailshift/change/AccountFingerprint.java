package dev.mailshift.change;

import java.util.Objects;

/**
 * The two mailboxes {@code plan} planned an account against, e.g. {@code imaps://mail.example:993
 * (user a@example)} for each side. A saved plan whose mailboxes differ from the ones the plan
 * names at apply time is stale: it was made for other servers or users.
 */
public record AccountFingerprint(String account, String source, String destination) {
  public AccountFingerprint {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
  }
}
