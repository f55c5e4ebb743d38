package dev.mailshift.change;

/** Whether a change can be undone by mailshift, only by hand, or not at all. */
public enum Reversibility {
  /** mailshift can restore the previous state from the journal's rollback record. */
  REVERSIBLE,
  /** Harmless to leave in place; nothing to undo (a read, a check, an idempotent copy). */
  NOT_NEEDED,
  /** Undoing it needs a person (the rollback record says what). */
  MANUAL,
  /** Cannot be undone. */
  IRREVERSIBLE
}
