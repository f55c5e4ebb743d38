package dev.mailshift.api;

/**
 * Every way a mailshift command can end other than success, each with its own process exit code
 * so scripts and CI can tell "plan invalid" from "server down" from "another run holds the
 * state".
 */
public enum ErrorCode {
  INTERNAL(1, "internal error (a bug: re-run with --debug)",
      "This is a bug in mailshift: re-run with --debug and file an issue with the output."),
  USAGE(2, "usage error",
      "Run the command with --help for its options."),
  PLAN_INVALID(3, "plan invalid (YAML, schema, semantics, secrets)",
      "Fix the plan and run `mailshift validate` until it reports no errors."),
  CANNOT_OBSERVE(4, "cannot observe (connection, login, TLS, DNS) - nothing changed",
      "Check the host, port, credentials and certificates named above; nothing was changed."),
  APPLY_FAILED(5, "apply failed - re-run resumes",
      "Nothing is half-done: fix the cause and run `mailshift apply` again; it resumes where it stopped."),
  ROLLBACK_INCOMPLETE(6, "rollback incomplete - manual action needed",
      "Manual action is needed: see the pending steps above and `mailshift status`."),
  VALIDATION_SHORTFALL(7, "validation found missing messages",
      "Run `mailshift apply` again to copy what is missing, then validate again."),
  STATE_LOCKED(8, "another run holds the state",
      "Wait for the other run to finish (or stop it); a killed run releases the lock by itself."),
  PLAN_STALE(9, "saved plan is stale",
      "Run `mailshift plan --out FILE` again and review the new plan before applying it."),
  CHANGES_PENDING(10, "plan --detailed-exitcode: changes pending", "");

  private final int exitCode;
  private final String summary;
  private final String defaultHint;

  ErrorCode(int exitCode, String summary, String defaultHint) {
    this.exitCode = exitCode;
    this.summary = summary;
    this.defaultHint = defaultHint;
  }

  public int exitCode() {
    return exitCode;
  }

  /** What the exit code means, as `mailshift --help` lists it. */
  public String summary() {
    return summary;
  }

  public String defaultHint() {
    return defaultHint;
  }
}
