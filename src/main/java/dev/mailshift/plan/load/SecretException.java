package dev.mailshift.plan.load;

import java.util.Objects;

/**
 * A secret reference that cannot be resolved. The message names the reference (the variable,
 * the file, the command's first word), the account and side when known, what went wrong and how
 * to fix it: never the secret, never anything the command printed.
 */
public final class SecretException extends RuntimeException {
  private final String reference;
  private final String fix;

  SecretException(String reference, String context, String problem, String fix) {
    super(reference + (context.isEmpty() ? "" : " (" + context + ")") + " " + problem
        + "; fix: " + fix);
    this.reference = Objects.requireNonNull(reference, "reference");
    this.fix = Objects.requireNonNull(fix, "fix");
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
