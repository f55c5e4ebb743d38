package dev.mailshift.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's state bound to other mailboxes than before: the sync state that described the
 * earlier ones was deleted (the run history is kept), in the same transaction as the new binding.
 *
 * @param from the earlier binding; empty for state written before bindings were recorded
 * @param checkpoints folder checkpoints deleted
 * @param mappings UID mappings deleted
 * @param intents append intents deleted (appends to the earlier destination, never to be settled
 *     against this one)
 * @param skips skip records deleted (they are decided again)
 */
public record Rebinding(
    String account,
    Optional<AccountBinding> from,
    AccountBinding to,
    long checkpoints,
    long mappings,
    long intents,
    long skips,
    Instant at) {
  public Rebinding {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
  }

  /** One line for apply's report. */
  public String summary() {
    String why = from.map(f -> new BindingCheck.Changed(f, to).difference())
        .orElse("state written without a record of its servers; this plan's source is "
            + to.source() + " and destination " + to.destination());
    return why + ": set aside the earlier sync state (" + checkpoints + " folder checkpoint(s), "
        + mappings + " message mapping(s), " + intents + " pending append(s)); messages"
        + " already there were matched by content";
  }
}
