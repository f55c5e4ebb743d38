package dev.mailshift.state;

/** A journal entry's state: STARTED until the step reports its end. */
public enum StepStatus {
  STARTED,
  SUCCEEDED,
  FAILED,
  SKIPPED
}
