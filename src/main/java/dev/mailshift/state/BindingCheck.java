package dev.mailshift.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the mailboxes an account's state is bound to compare with the ones a plan names now. Only
 * {@link Fresh} and {@link Same} let the sync engine use the state; otherwise the account's
 * earlier sync state is set aside and the messages already on the destination are matched by
 * content (SHA-256 confirmed), which neither loses nor duplicates.
 */
public sealed interface BindingCheck {
  /** The mailboxes the plan names now. */
  AccountBinding wanted();

  /** Whether the recorded checkpoints, UID map and intents describe {@link #wanted()}. */
  default boolean stateUsable() {
    return switch (this) {
      case Fresh f -> true;
      case Same s -> true;
      case Changed c -> false;
      case Unrecorded u -> false;
    };
  }

  /** For plan and status: why the state will not be used; empty when it will. */
  default Optional<String> warning() {
    return switch (this) {
      case Fresh f -> Optional.empty();
      case Same s -> Optional.empty();
      case Changed c -> Optional.of(c.difference()
          + ": earlier sync state will not be used; messages already there are matched by"
          + " content");
      case Unrecorded u -> Optional.of("the sync state was written by a mailshift that did not"
          + " record which servers it describes; this plan's source is " + u.wanted().source()
          + " and destination " + u.wanted().destination() + ": earlier sync state will not be"
          + " used; messages already there are matched by content");
    };
  }

  /** No binding and no sync state yet: the first run records the binding. */
  record Fresh(AccountBinding wanted) implements BindingCheck {
    public Fresh {
      Objects.requireNonNull(wanted, "wanted");
    }
  }

  /** The state is bound to exactly these mailboxes. */
  record Same(AccountBinding wanted) implements BindingCheck {
    public Same {
      Objects.requireNonNull(wanted, "wanted");
    }
  }

  /** The state is bound to other mailboxes (another server, port, TLS mode or user). */
  record Changed(AccountBinding recorded, AccountBinding wanted) implements BindingCheck {
    public Changed {
      Objects.requireNonNull(recorded, "recorded");
      Objects.requireNonNull(wanted, "wanted");
    }

    /**
     * E.g. "state recorded for destination imaps://staging.example:993 (user a@x); this plan's
     * destination is imaps://mail.example:993 (user a@x)", naming only the sides that differ.
     */
    public String difference() {
      List<String> was = new ArrayList<>();
      List<String> now = new ArrayList<>();
      if (!recorded.source().equals(wanted.source())) {
        was.add("source " + recorded.source());
        now.add("source is " + wanted.source());
      }
      if (!recorded.destination().equals(wanted.destination())) {
        was.add("destination " + recorded.destination());
        now.add("destination is " + wanted.destination());
      }
      return "state recorded for " + String.join(" and ", was) + "; this plan's "
          + String.join(" and ", now);
    }
  }

  /**
   * Sync state without a binding: written before bindings were recorded (state schema 3 or
   * older), so nothing says which servers it describes.
   */
  record Unrecorded(AccountBinding wanted) implements BindingCheck {
    public Unrecorded {
      Objects.requireNonNull(wanted, "wanted");
    }
  }
}
