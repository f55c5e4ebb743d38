package dev.mailshift.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.mailshift.imap.ImapEndpoint.TlsMode;
import dev.mailshift.plan.Secret;
import dev.mailshift.testsupport.GreenMailServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class JakartaImapConnectorTest {
  @RegisterExtension
  static GreenMailExtension server = GreenMailServers.imapAndImaps();

  private final ImapConnector connector = new JakartaImapConnector();

  @Test
  void connect_rightPassword_reportsServerInfo() {
    try (ImapSession s =
        connector.connect(GreenMailServers.plain(server), GreenMailServers.alice(),
            Access.READ_ONLY)) {
      assertThat(s.access()).isEqualTo(Access.READ_ONLY);
      assertThat(s.info().has("IMAP4REV1")).isTrue();
      assertThat(s.info().has("UIDPLUS")).isTrue();
      assertThat(s.info().separator()).isEqualTo('.');
      assertThat(s.info().personalPrefix()).isEmpty();
    }
  }

  @Test
  void connect_wrongPassword_failsWithAuthAndNoPasswordInMessage() {
    // given
    Credentials wrong = new Credentials("alice", new Secret("not-the-password-123"));

    // when / then
    assertThatThrownBy(() -> connector.connect(GreenMailServers.plain(server), wrong,
        Access.READ_ONLY))
        .isInstanceOfSatisfying(ImapException.class, e -> {
          assertThat(e.kind()).isEqualTo(ImapException.Kind.AUTH);
          assertThat(e.getMessage()).contains("alice").contains("127.0.0.1")
              .doesNotContain("not-the-password-123");
          assertThat(e.retryable()).isFalse();
        });
  }

  @Test
  void connect_closedPort_failsWithConnect() throws IOException {
    // given: a port that was free a moment ago and has nobody listening now
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ImapEndpoint closed = new ImapEndpoint("127.0.0.1", port, TlsMode.NONE, Optional.empty(),
        false, Duration.ofSeconds(5));

    // when / then
    assertThatThrownBy(() -> connector.connect(closed, GreenMailServers.alice(), Access.READ_ONLY))
        .isInstanceOfSatisfying(ImapException.class,
            e -> assertThat(e.kind()).isEqualTo(ImapException.Kind.CONNECT));
  }

  @Test
  void connect_unknownHost_failsWithConnect() {
    ImapEndpoint nowhere = new ImapEndpoint("no-such-host.invalid", 993, TlsMode.IMPLICIT,
        Optional.empty(), false, Duration.ofSeconds(5));

    assertThatThrownBy(() -> connector.connect(nowhere, GreenMailServers.alice(),
        Access.READ_ONLY))
        .isInstanceOfSatisfying(ImapException.class, e -> {
          assertThat(e.kind()).isEqualTo(ImapException.Kind.CONNECT);
          assertThat(e.getMessage()).contains("no-such-host.invalid");
        });
  }

  @Test
  void connect_selfSignedImapsWithoutInsecure_failsWithTls() {
    assertThatThrownBy(() -> connector.connect(GreenMailServers.imapsVerified(server),
        GreenMailServers.alice(), Access.READ_ONLY))
        .isInstanceOfSatisfying(ImapException.class,
            e -> assertThat(e.kind()).isEqualTo(ImapException.Kind.TLS));
  }

  @Test
  void connect_selfSignedImapsWithInsecure_logsIn() {
    try (ImapSession s = connector.connect(GreenMailServers.imapsInsecure(server),
        GreenMailServers.alice(), Access.READ_ONLY)) {
      assertThat(s.listFolders()).extracting(FolderInfo::name).contains("INBOX");
    }
  }

  @Test
  void connect_starttlsRequiredButNotOffered_failsWithTls() {
    // GreenMail offers no STARTTLS: a required STARTTLS must refuse, never fall back to plain
    ImapEndpoint starttls = new ImapEndpoint("127.0.0.1", server.getImap().getPort(),
        TlsMode.STARTTLS, Optional.empty(), false, Duration.ofSeconds(5));

    assertThatThrownBy(() -> connector.connect(starttls, GreenMailServers.alice(),
        Access.READ_ONLY))
        .isInstanceOfSatisfying(ImapException.class,
            e -> assertThat(e.kind()).isEqualTo(ImapException.Kind.TLS));
  }

  @Test
  void connect_unreadableCaFile_failsWithTlsBeforeConnecting(@TempDir Path dir)
      throws IOException {
    Path notPem = java.nio.file.Files.writeString(dir.resolve("ca.pem"), "not a certificate");
    ImapEndpoint e = new ImapEndpoint("127.0.0.1", server.getImaps().getPort(),
        ImapEndpoint.TlsMode.IMPLICIT, java.util.Optional.of(notPem), false,
        java.time.Duration.ofSeconds(5));

    assertThatThrownBy(() -> connector.connect(e, GreenMailServers.alice(), Access.READ_ONLY))
        .isInstanceOfSatisfying(ImapException.class, x -> {
          assertThat(x.kind()).isEqualTo(ImapException.Kind.TLS);
          assertThat(x.getMessage()).contains("ca.pem");
        });
  }
}
