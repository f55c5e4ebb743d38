package dev.mailshift.state;

import java.util.Objects;

/**
 * The two mailboxes an account's sync state describes: checkpoints, the UID map, append intents
 * and skip records are only true of this source and this destination.
 */
public record AccountBinding(String account, MailboxIdentity source, MailboxIdentity destination) {
  public AccountBinding {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
  }

  /** Whether both sides are the same mailboxes as {@code other}'s (the account id aside). */
  public boolean sameMailboxes(AccountBinding other) {
    return source.equals(other.source) && destination.equals(other.destination);
  }
}
