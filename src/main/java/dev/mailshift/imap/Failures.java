package dev.mailshift.imap;

import dev.mailshift.imap.ImapException.Kind;
import jakarta.mail.AuthenticationFailedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;

/**
 * The one place where library exceptions and server answers become {@link ImapException} kinds.
 * Messages name the operation, the server and the user; never a password (the adapter never
 * hands one to this class) and never message content.
 */
final class Failures {
  // RFC 5530 response codes that mean "not now, try later".
  private static final Pattern THROTTLE =
      Pattern.compile("\\[(LIMIT|UNAVAILABLE|INUSE)]|throttl", Pattern.CASE_INSENSITIVE);
  // RFC 5530 [LIMIT] is also sent for a message over a size limit (Dovecot: "Mail size is
  // larger than the maximum size allowed"); that message will never fit: REJECTED, not THROTTLED.
  private static final Pattern SIZE_WORDS =
      Pattern.compile("size|large|big|long|bytes|quota", Pattern.CASE_INSENSITIVE);
  private static final Pattern NO_FOLDER = Pattern.compile(
      "\\[(NONEXISTENT|TRYCREATE)]|doesn't exist|does not exist|no such (mailbox|folder)|"
          + "unknown mailbox|mailbox not found",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern REFUSED_FOR_GOOD =
      Pattern.compile("\\[(TOOBIG|OVERQUOTA|CANNOT|NOPERM)]", Pattern.CASE_INSENSITIVE);

  private final String where;

  /** {@code where} is "imap://host:port as user" or similar: no secret in it. */
  Failures(String where) {
    this.where = where;
  }

  String where() {
    return where;
  }

  /** The tagged (or BYE) answer of a command that did not end in OK. */
  ImapException fromResponse(Op op, String subject, Response r) {
    String text = r == null ? "" : r.toString();
    String message = describe(op, subject) + ": " + text;
    if (r == null || r.isBYE() || r.isSynthetic()) {
      return new ImapException(Kind.DROPPED, message, text, r == null ? null : r.getException());
    }
    if (r.isBAD()) {
      return new ImapException(Kind.PROTOCOL, message, text, null);
    }
    return new ImapException(kindOfNo(op, text), message, text, null);
  }

  static Kind kindOfNo(Op op, String text) {
    boolean throttle = THROTTLE.matcher(text).find();
    if (op == Op.APPEND && text.toUpperCase(Locale.ROOT).contains("[LIMIT]")
        && SIZE_WORDS.matcher(text).find()) {
      return Kind.REJECTED;
    }
    if (throttle) {
      return Kind.THROTTLED;
    }
    if (op != Op.CREATE && NO_FOLDER.matcher(text).find()) {
      return Kind.NO_SUCH_FOLDER;
    }
    if (op == Op.LOGIN) {
      return Kind.AUTH;
    }
    if (op.mutating() || REFUSED_FOR_GOOD.matcher(text).find()) {
      return Kind.REJECTED;
    }
    return Kind.PROTOCOL;
  }

  /** Any exception met while talking to the server. */
  ImapException fromThrowable(Op op, String subject, Throwable t) {
    if (t instanceof ImapException e) {
      return e;
    }
    String message = describe(op, subject) + ": " + summary(t);
    String serverText = t instanceof ProtocolException pe && pe.getResponse() != null
        ? pe.getResponse().toString()
        : "";
    if (t instanceof AuthenticationFailedException) {
      String text = t.getMessage() == null ? "" : t.getMessage();
      // RFC 5530: [UNAVAILABLE] (auth backend down), [INUSE], [LIMIT] at login mean "later",
      // not "wrong password".
      Kind kind = THROTTLE.matcher(text).find() ? Kind.THROTTLED : Kind.AUTH;
      return new ImapException(kind, describe(op, subject) + ": login refused: " + text,
          text, null);
    }
    if (isTls(t)) {
      return new ImapException(Kind.TLS, message, serverText, t);
    }
    if (op == Op.CONNECT && isUnreachable(t)) {
      return new ImapException(Kind.CONNECT, message, serverText, t);
    }
    if (t instanceof ProtocolException pe && pe.getResponse() != null
        && !(t instanceof ConnectionException)) {
      return fromResponse(op, subject, pe.getResponse());
    }
    if (op == Op.CONNECT || op == Op.LOGIN) {
      return new ImapException(isDrop(t) ? Kind.DROPPED : Kind.CONNECT, message, serverText, t);
    }
    if (isDrop(t)) {
      return new ImapException(Kind.DROPPED, message, serverText, t);
    }
    return new ImapException(Kind.PROTOCOL, message, serverText, t);
  }

  private String describe(Op op, String subject) {
    return op.label() + (subject == null || subject.isEmpty() ? "" : " \"" + subject + "\"")
        + " on " + where + " failed";
  }

  private static String summary(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = t; c != null && b.length() < 400; c = c.getCause()) {
      if (!b.isEmpty()) {
        b.append(" <- ");
      }
      b.append(c.getClass().getSimpleName());
      if (c.getMessage() != null) {
        b.append(": ").append(c.getMessage());
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return b.toString();
  }

  static boolean isTls(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = c.getMessage() == null ? "" : c.getMessage();
      if (c instanceof SSLException || c instanceof GeneralSecurityException
          || m.contains("STARTTLS") || m.contains("verify identity")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnreachable(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectException || c instanceof UnknownHostException
          || c instanceof NoRouteToHostException || c instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDrop(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof IOException || c instanceof ConnectionException) {
        return true;
      }
    }
    return false;
  }
}
