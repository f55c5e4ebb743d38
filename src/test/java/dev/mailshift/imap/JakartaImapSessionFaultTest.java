package dev.mailshift.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.mailshift.imap.ImapEndpoint.TlsMode;
import dev.mailshift.imap.ImapSession.UidSize;
import dev.mailshift.testsupport.FaultProxy;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.TestMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dropped connections, BYE, stalls and throttling answers, injected by {@link FaultProxy}. */
class JakartaImapSessionFaultTest {
  @RegisterExtension
  static GreenMailExtension server = GreenMailServers.imapAndImaps();

  private static final Instant DATE = Instant.parse("2022-01-02T03:04:05Z");

  private final ImapConnector connector = new JakartaImapConnector();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private FaultProxy proxy() throws IOException {
    FaultProxy p = FaultProxy.to("127.0.0.1", server.getImap().getPort());
    open.add(p);
    return p;
  }

  private ImapSession via(FaultProxy proxy, Access access, Duration timeout) {
    ImapEndpoint e = new ImapEndpoint("127.0.0.1", proxy.port(), TlsMode.NONE, Optional.empty(),
        false, timeout);
    ImapSession s = connector.connect(e, GreenMailServers.alice(), access);
    open.add(s);
    return s;
  }

  private ImapSession direct() {
    ImapSession s = connector.connect(GreenMailServers.plain(server), GreenMailServers.alice(),
        Access.READ_WRITE);
    open.add(s);
    return s;
  }

  @Test
  void fetchBodies_connectionDroppedInsideBodyLiteral_failsDroppedAndHandsOutNothing()
      throws Exception {
    // given: two messages, the second one big; the proxy cuts 10 kB into its literal
    ImapSession seeder = direct();
    TestMessage small = TestMessage.simple("s", "<s@x>");
    TestMessage big = TestMessage.withAttachment(200_000, 1);
    long u1 = seeder.append("INBOX", small, Set.of(), DATE).orElseThrow();
    long u2 = seeder.append("INBOX", big, Set.of(), DATE).orElseThrow();
    FaultProxy proxy = proxy().dropDuringServerLiteral(100_000, 10_000);
    ImapSession ro = via(proxy, Access.READ_ONLY, Duration.ofSeconds(10));
    ro.examine("INBOX");
    List<FetchedMessage> handedOut = new ArrayList<>();

    // when / then
    assertThatThrownBy(() -> ro.fetchBodies(
        List.of(new UidSize(u1, small.size()), new UidSize(u2, big.size())), handedOut::add))
        .isInstanceOfSatisfying(ImapException.class,
            e -> assertThat(e.kind()).isEqualTo(ImapException.Kind.DROPPED));
    assertThat(proxy.triggered()).isTrue();
    assertThat(handedOut).isEmpty();
    // and the session knows it is broken
    assertThatThrownBy(() -> ro.status("INBOX")).isInstanceOfSatisfying(ImapException.class,
        e -> assertThat(e.kind()).isEqualTo(ImapException.Kind.DROPPED));
  }

  @Test
  void append_connectionDroppedInsideLiteral_failsDroppedAndLeavesNoMessage() throws Exception {
    // given
    FaultProxy proxy = proxy().dropDuringCommand("APPEND", 1, 50_000);
    ImapSession rw = via(proxy, Access.READ_WRITE, Duration.ofSeconds(10));
    TestMessage big = TestMessage.withAttachment(300_000, 2);

    // when / then
    assertThatThrownBy(() -> rw.append("INBOX", big, Set.of(), DATE))
        .isInstanceOfSatisfying(ImapException.class, e -> {
          assertThat(e.kind()).isEqualTo(ImapException.Kind.DROPPED);
          assertThat(e.retryable()).isTrue();
        });
    assertThat(proxy.triggered()).isTrue();
    assertThat(direct().status("INBOX").messages()).isZero();
  }

  @Test
  void examine_serverSaysBye_failsDropped() throws Exception {
    FaultProxy proxy = proxy().byeOn("EXAMINE", 1);
    ImapSession ro = via(proxy, Access.READ_ONLY, Duration.ofSeconds(10));

    assertThatThrownBy(() -> ro.examine("INBOX"))
        .isInstanceOfSatisfying(ImapException.class, e -> {
          assertThat(e.kind()).isEqualTo(ImapException.Kind.DROPPED);
          assertThat(e.serverText()).contains("BYE");
        });
  }

  @Test
  void fetchMeta_serverStalls_failsDroppedAfterTheReadTimeout() throws Exception {
    // given: a 1 s read timeout and a server that stops answering at the FETCH
    direct().append("INBOX", TestMessage.simple("a", "<a@x>"), Set.of(), DATE);
    FaultProxy proxy = proxy().stallOn("FETCH", 1);
    ImapSession ro = via(proxy, Access.READ_ONLY, Duration.ofSeconds(1));
    ro.examine("INBOX");
    long start = System.nanoTime();

    // when / then
    assertThatThrownBy(() -> ro.fetchMeta(1, Long.MAX_VALUE, m -> {}))
        .isInstanceOfSatisfying(ImapException.class,
            e -> assertThat(e.kind()).isEqualTo(ImapException.Kind.DROPPED));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void status_answeredNoLimit_failsThrottledAndSessionStaysUsable() throws Exception {
    FaultProxy proxy = proxy().answerNoOn("STATUS", 1, "[LIMIT] throttled, slow down");
    ImapSession ro = via(proxy, Access.READ_ONLY, Duration.ofSeconds(10));

    assertThatThrownBy(() -> ro.status("INBOX"))
        .isInstanceOfSatisfying(ImapException.class, e -> {
          assertThat(e.kind()).isEqualTo(ImapException.Kind.THROTTLED);
          assertThat(e.retryable()).isTrue();
        });
    assertThat(ro.status("INBOX").uidValidity()).isPositive();
  }

  @Test
  void append_answeredNoTooBig_failsRejectedWithServerText() throws Exception {
    FaultProxy proxy = proxy().answerNoOn("APPEND", 1, "[TOOBIG] message too large");
    ImapSession rw = via(proxy, Access.READ_WRITE, Duration.ofSeconds(10));

    assertThatThrownBy(() -> rw.append("INBOX", TestMessage.simple("x", "<x@x>"), Set.of(), DATE))
        .isInstanceOfSatisfying(ImapException.class, e -> {
          assertThat(e.kind()).isEqualTo(ImapException.Kind.REJECTED);
          assertThat(e.serverText()).contains("[TOOBIG]");
        });
    // the literal was swallowed by the proxy; the connection is still in step
    assertThat(rw.append("INBOX", TestMessage.simple("y", "<y@x>"), Set.of(), DATE)).isPresent();
  }

  @Test
  void append_answeredNoOverQuota_failsRejected() throws Exception {
    FaultProxy proxy = proxy().answerNoOn("APPEND", 1, "[OVERQUOTA] quota exceeded");
    ImapSession rw = via(proxy, Access.READ_WRITE, Duration.ofSeconds(10));

    assertThatThrownBy(() -> rw.append("INBOX", TestMessage.simple("x", "<x@x>"), Set.of(), DATE))
        .isInstanceOfSatisfying(ImapException.class,
            e -> assertThat(e.kind()).isEqualTo(ImapException.Kind.REJECTED));
  }

  @Test
  void proxy_withoutRules_forwardsWholeSessions() throws Exception {
    FaultProxy proxy = proxy();
    ImapSession rw = via(proxy, Access.READ_WRITE, Duration.ofSeconds(10));
    TestMessage m = TestMessage.withAttachment(100_000, 9);

    long uid = rw.append("INBOX", m, Set.of("\\Seen"), DATE).orElseThrow();
    rw.examine("INBOX");
    List<String> hashes = new ArrayList<>();
    rw.fetchBodies(List.of(new UidSize(uid, m.size())), f -> {
      try (f) {
        hashes.add(f.sha256());
      }
    });

    assertThat(hashes).containsExactly(m.sha256());
    assertThat(proxy.connections()).isEqualTo(1);
    assertThat(proxy.triggered()).isFalse();
  }

  @Test
  void examine_sameFolderTwice_sendsOneExamine() throws Exception {
    // given: the proxy would refuse a second EXAMINE
    FaultProxy proxy = proxy().answerNoOn("EXAMINE", 2, "[LIMIT] should never be sent");
    ImapSession ro = via(proxy, Access.READ_ONLY, Duration.ofSeconds(10));
    FolderStatus first = ro.examine("INBOX");

    // when
    FolderStatus again = ro.examine("INBOX");

    // then
    assertThat(again).isEqualTo(first);
    assertThat(proxy.triggered()).isFalse();
  }

  @Test
  void session_typicalWork_sendsNoNoop() throws Exception {
    // given: the proxy would answer a NOOP with NO, and records that it saw one
    FaultProxy proxy = proxy().answerNoOn("NOOP", 1, "no NOOPs expected");
    ImapSession rw = via(proxy, Access.READ_WRITE, Duration.ofSeconds(10));
    TestMessage m = TestMessage.simple("n", "<n@x>");

    // when
    rw.listFolders();
    long uid = rw.append("INBOX", m, Set.of(), DATE).orElseThrow();
    rw.status("INBOX");
    rw.examine("INBOX");
    rw.fetchMeta(1, Long.MAX_VALUE, x -> {});
    rw.fetchBodies(List.of(new UidSize(uid, m.size())), FetchedMessage::close);
    rw.close();

    // then
    assertThat(proxy.triggered()).isFalse();
  }
}
