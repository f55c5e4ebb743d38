package dev.mailshift.dns;

import java.util.Objects;

/**
 * One result of a mail-authentication check: which check, the verdict, the record or host it is
 * about, what was found and, unless it passed, how to fix it.
 */
public record CheckFinding(String check, Verdict verdict, String subject, String message,
    String fix) {

  public enum Verdict {
    PASS,
    WARNING,
    ERROR
  }

  public CheckFinding {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    fix = fix == null ? "" : fix;
  }

  static CheckFinding pass(String check, String subject, String message) {
    return new CheckFinding(check, Verdict.PASS, subject, message, "");
  }

  static CheckFinding warning(String check, String subject, String message, String fix) {
    return new CheckFinding(check, Verdict.WARNING, subject, message, fix);
  }

  static CheckFinding error(String check, String subject, String message, String fix) {
    return new CheckFinding(check, Verdict.ERROR, subject, message, fix);
  }

  public boolean isError() {
    return verdict == Verdict.ERROR;
  }
}
