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
