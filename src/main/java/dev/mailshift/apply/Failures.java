package dev.mailshift.apply;

import dev.mailshift.imap.ImapException;

/** Turns a failure into one line for the journal and the user: what, and the server's words. */
public final class Failures {
  private Failures() {}

  public static String describe(Throwable e) {
    if (e instanceof ImapException ie) {
      String text = ie.serverText().isBlank() ? "" : " (server said: " + ie.serverText() + ")";
      return kindWords(ie.kind()) + ": " + ie.getMessage() + text;
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /**
   * {@link #describe} and, for failures the user can fix in the plan or the environment (no
   * connection, TLS, login), what to do, on an indented second line.
   */
  public static String explain(Throwable e) {
    String advice = e instanceof ImapException ie ? advice(ie.kind()) : "";
    return describe(e) + (advice.isEmpty() ? "" : "\n    fix: " + advice);
  }

  private static String advice(ImapException.Kind kind) {
    return switch (kind) {
      case CONNECT -> "check the host and port of this server's `imap:` URL in the plan, and that"
          + " it is reachable from here (firewall, VPN, DNS).";
      case TLS -> "if the server's certificate is signed by a private CA, set `ca-file:` to that"
          + " CA's PEM file for this server in the plan; `insecure: true` skips verification"
          + " (still encrypted, but open to interception); an imap:// server without STARTTLS"
          + " needs `plaintext: true`.";
      case AUTH -> "check the login and the password that this side's password reference"
          + " (env:, file:, cmd:, prompt) gives for this account.";
      case DROPPED, THROTTLED, REJECTED, NO_SUCH_FOLDER, PROTOCOL -> "";
    };
  }

  private static String kindWords(ImapException.Kind kind) {
    return switch (kind) {
      case CONNECT -> "cannot connect";
      case TLS -> "TLS failed";
      case AUTH -> "login refused";
      case DROPPED -> "connection dropped";
      case THROTTLED -> "throttled by the server";
      case REJECTED -> "refused by the server";
      case NO_SUCH_FOLDER -> "no such folder";
      case PROTOCOL -> "protocol error";
    };
  }
}
