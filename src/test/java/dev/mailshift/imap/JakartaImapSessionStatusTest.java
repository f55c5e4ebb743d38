package dev.mailshift.imap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.mailshift.imap.ImapEndpoint.TlsMode;
import dev.mailshift.testsupport.FaultProxy;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.TestMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * STATUS answered with UIDVALIDITY 0, as Dovecot 2.3 does for a folder another session has just
 * created (seen in DovecotMigrationIT): the session opens the folder to learn the real value and
 * leaves the earlier selection as it was.
 */
class JakartaImapSessionStatusTest {
  @RegisterExtension
  static GreenMailExtension server = GreenMailServers.imapAndImaps();

  @Test
  void status_serverAnswersUidValidityZero_opensTheFolderForTheRealValueAndKeepsTheSelection()
      throws Exception {
    // given: INBOX with two messages selected; Fresh, empty, whose STATUS will say UIDVALIDITY 0
    ImapConnector connector = new JakartaImapConnector();
    long realValidity;
    try (ImapSession direct = connector.connect(GreenMailServers.plain(server),
        GreenMailServers.alice(), Access.READ_WRITE)) {
      direct.create("Fresh");
      for (int i = 0; i < 2; i++) {
        direct.append("INBOX", TestMessage.simple("m" + i, "<m" + i + "@x>"), Set.of(),
            Instant.parse("2020-01-01T00:00:00Z"));
      }
      realValidity = direct.status("Fresh").uidValidity();
    }
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", server.getImap().getPort());
        ImapSession session = connector.connect(new ImapEndpoint("127.0.0.1", proxy.port(),
            TlsMode.NONE, Optional.empty(), false, Duration.ofSeconds(10)),
            GreenMailServers.alice(), Access.READ_ONLY)) {
      session.examine("INBOX");
      proxy.rewriteServerLine("^(\\* STATUS .*UIDVALIDITY )\\d+", "$10");

      // when
      FolderStatus status = session.status("Fresh");

      // then
      assertThat(proxy.triggered()).isTrue();
      assertThat(status.uidValidity()).isEqualTo(realValidity).isPositive();
      assertThat(status.messages()).isZero();
      List<MessageMeta> inbox = new ArrayList<>();
      session.fetchMeta(1, Long.MAX_VALUE, inbox::add);
      assertThat(inbox).as("INBOX is still the selected folder").hasSize(2);
      assertThat(proxy.commands()).anyMatch(c -> c.matches("EXAMINE \"?Fresh\"?"));
    }
  }
}
