package dev.mailshift.api;

import java.util.Objects;

/**
 * The one exception type the facade throws: what happened, its {@link ErrorCode} (and so the exit
 * code) and the next action for the user. Messages never contain secrets.
 */
public class MailshiftException extends RuntimeException {
  private final ErrorCode code;
  private final String hint;

  public MailshiftException(ErrorCode code, String message, String hint, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.hint = hint == null || hint.isBlank() ? code.defaultHint() : hint;
  }

  public MailshiftException(ErrorCode code, String message) {
    this(code, message, null, null);
  }

  public MailshiftException(ErrorCode code, String message, String hint) {
    this(code, message, hint, null);
  }

  public ErrorCode code() {
    return code;
  }

  public String hint() {
    return hint;
  }
}
