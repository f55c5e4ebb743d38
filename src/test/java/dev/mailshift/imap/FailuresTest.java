package dev.mailshift.imap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.imap.ImapException.Kind;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.iap.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailuresTest {
  private final Failures failures = new Failures("imap://h:143 as alice");

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      APPEND  | a NO [LIMIT] Mail size is larger than the maximum size allowed by server configuration | REJECTED
      APPEND  | a NO [TOOBIG] Message too large                        | REJECTED
      APPEND  | a NO [OVERQUOTA] Quota exceeded (mailbox for user is full) | REJECTED
      APPEND  | a NO [TRYCREATE] Mailbox doesn't exist: Foo             | NO_SUCH_FOLDER
      APPEND  | a NO [LIMIT] Too many concurrent APPENDs, throttled     | THROTTLED
      APPEND  | a NO Invalid keyword                                    | REJECTED
      FETCH   | a NO [LIMIT] throttled, slow down                       | THROTTLED
      STATUS  | a NO [UNAVAILABLE] Backend down                         | THROTTLED
      EXAMINE | a NO [INUSE] Mailbox is locked                          | THROTTLED
      EXAMINE | a NO Mailbox doesn't exist: INBOX.Gone                  | NO_SUCH_FOLDER
      STATUS  | a NO [NONEXISTENT] Unknown mailbox                      | NO_SUCH_FOLDER
      STATUS  | a NO Server error                                       | PROTOCOL
      STORE   | a NO Keyword not allowed                                | REJECTED
      FETCH   | a BAD Error in IMAP command                             | PROTOCOL
      FETCH   | * BYE Server shutting down                              | DROPPED
      """)
  void fromResponse_serverAnswer_hasKind(Op op, String answer, Kind kind) {
    ImapException e = failures.fromResponse(op, "INBOX", new Response(answer));

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.serverText()).isEqualTo(answer);
    assertThat(e.getMessage()).contains("INBOX").contains("imap://h:143 as alice");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"connect", "timeout", "tls", "eof"})
  void fromThrowable_libraryFailure_hasKind(String what) {
    Throwable t = switch (what) {
      case "connect" -> new jakarta.mail.MessagingException("x", new ConnectException("refused"));
      case "timeout" -> new SocketTimeoutException("Read timed out");
      case "tls" -> new jakarta.mail.MessagingException("x",
          new SSLHandshakeException("PKIX path building failed"));
      default -> new EOFException("closed");
    };
    Op op = what.equals("connect") || what.equals("tls") ? Op.CONNECT : Op.FETCH;
    Kind expected = switch (what) {
      case "connect" -> Kind.CONNECT;
      case "tls" -> Kind.TLS;
      default -> Kind.DROPPED;
    };

    assertThat(failures.fromThrowable(op, "", t).kind()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      [AUTHENTICATIONFAILED] Authentication failed.           | AUTH
      [UNAVAILABLE] Temporary authentication failure.          | THROTTLED
      """)
  void fromThrowable_loginRefused_authOrThrottled(String text, Kind kind) {
    ImapException e = failures.fromThrowable(Op.CONNECT, "",
        new jakarta.mail.AuthenticationFailedException(text));

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.serverText()).isEqualTo(text);
  }
}
