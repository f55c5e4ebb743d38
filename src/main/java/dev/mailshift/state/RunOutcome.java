package dev.mailshift.state;

/** How a run ended. A run killed before it could say so stays RUNNING until the next lock taker marks it INTERRUPTED. */
public enum RunOutcome {
  RUNNING,
  SUCCEEDED,
  FAILED,
  INTERRUPTED
}
