package dev.mailshift.dns;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks that an MX host takes mail: connects to one of its addresses on the SMTP port, reads the
 * greeting and says QUIT (RFC 5321 sections 3.1 and 4.1.1.10). It sends no MAIL, so nothing is
 * delivered. Every outcome, failures included, is an {@link SmtpAnswer}; nothing is thrown.
 */
final class SmtpProbe {
  /** RFC 5321 section 4.5.3.1.5: a reply line is at most 512 octets with its CRLF. */
  private static final int MAX_LINE = 512;
  /** A greeting of more lines than this is not one a mail server sends. */
  private static final int MAX_LINES = 20;
  private static final Duration QUIT_WAIT = Duration.ofSeconds(2);
  private static final Pattern REPLY = Pattern.compile("([2-5][0-9][0-9])([ -].*)?");

  private final int port;
  private final Duration timeout;

  /**
   * @param timeout for the connection, and then for the whole greeting
   */
  SmtpProbe(int port, Duration timeout) {
    this.port = port;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  int port() {
    return port;
  }

  Duration timeout() {
    return timeout;
  }

  SmtpAnswer probe(InetAddress address) {
    try (Socket socket = new Socket()) {
      try {
        socket.connect(new InetSocketAddress(address, port), millis(timeout));
      } catch (SocketTimeoutException e) {
        return new SmtpAnswer.NoConnection("no answer within " + timeout.toSeconds() + "s (a"
            + " firewall drops the connection, or the host is down)");
      } catch (ConnectException e) {
        return new SmtpAnswer.NoConnection("connection refused (nothing listens there, or a"
            + " firewall rejects it)");
      } catch (IOException e) {
        String reason = String.valueOf(e.getMessage());
        return reason.contains("unreachable") ? new SmtpAnswer.Unreachable(reason)
            : new SmtpAnswer.NoConnection(reason);
      }
      return converse(socket);
    } catch (IOException closeFailed) {
      return new SmtpAnswer.NoConnection(String.valueOf(closeFailed.getMessage()));
    }
  }

  private SmtpAnswer converse(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last;
    try {
      last = readReply(socket, in, deadline);
    } catch (SocketTimeoutException e) {
      return new SmtpAnswer.Silent();
    } catch (EOFException e) {
      return new SmtpAnswer.NoConnection("it took the connection, then closed it without a"
          + " greeting");
    } catch (IOException e) {
      return new SmtpAnswer.NoConnection(String.valueOf(e.getMessage()));
    }
    var reply = REPLY.matcher(last);
    if (!reply.matches()) {
      return new SmtpAnswer.NotSmtp(last);
    }
    quit(socket, in);
    int code = Integer.parseInt(reply.group(1));
    return code == 220 ? new SmtpAnswer.Greeted(last) : new SmtpAnswer.Replied(code, last);
  }

  /** Polite end (RFC 5321 section 4.1.1.10): QUIT, then the 221 if it comes soon. */
  private static void quit(Socket socket, InputStream in) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      readReply(socket, in, System.nanoTime() + QUIT_WAIT.toNanos());
    } catch (IOException e) {
      // the greeting was all the check needed; a server that hangs up first is fine
    }
  }

  /**
   * The last line of one reply: continuation lines are {@code 220-text}, the last is {@code 220
   * text} (RFC 5321 section 4.2.1). A line that is no reply line ends the reply at once.
   */
  private static String readReply(Socket socket, InputStream in, long deadline)
      throws IOException {
    for (int i = 0; i < MAX_LINES; i++) {
      String line = readLine(socket, in, deadline);
      if (line.length() < 4 || line.charAt(3) != '-' || !REPLY.matcher(line).matches()) {
        return line;
      }
    }
    return "(a greeting of more than " + MAX_LINES + " lines)";
  }

  private static String readLine(Socket socket, InputStream in, long deadline)
      throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (line.size() < MAX_LINE) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException("no complete line in time");
      }
      socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
      int b = in.read();
      if (b < 0) {
        if (line.size() == 0) {
          throw new EOFException();
        }
        break;
      }
      if (b == '\n') {
        break;
      }
      line.write(b);
    }
    return printable(line.toString(StandardCharsets.ISO_8859_1).stripTrailing());
  }

  /** What a server sent, safe to show: control characters replaced, at most 200 characters. */
  private static String printable(String text) {
    String clean = text.replaceAll("[\\p{Cntrl}]", "?");
    return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
  }
}
