package dev.mailshift.plan.load;

import java.util.Objects;

/**
 * A secret reference that cannot be resolved. The message names the reference (the variable,
 * the file, the command's first word), the account and side when known, what went wrong and how
 * to fix it: never the secret, never anything the command printed.
 */
public final class SecretException extends RuntimeException {
  private final String reference;
  private final String summary;
  private final String fix;

  SecretException(String reference, String context, String problem, String fix) {
    super(reference + (context.isEmpty() ? "" : " (" + context + ")") + " " + problem
        + "; fix: " + fix);
    this.reference = Objects.requireNonNull(reference, "reference");
    this.summary = reference + (context.isEmpty() ? "" : " (" + context + ")") + " " + problem;
    this.fix = Objects.requireNonNull(fix, "fix");
  }

  /** What is wrong, without the fix: for reports that print {@link #fix()} on a line of its own. */
  public String summary() {
    return summary;
  }

  /** The reference in a form safe to print: {@code env:NAME}, {@code file:path}, {@code cmd:pass …}. */
  public String reference() {
    return reference;
  }

  /** The action that fixes it. */
  public String fix() {
    return fix;
  }
}
