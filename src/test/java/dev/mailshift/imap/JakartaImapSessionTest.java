package dev.mailshift.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.mailshift.imap.ImapSession.UidSize;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.TestMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class JakartaImapSessionTest {
  @RegisterExtension
  static GreenMailExtension source = GreenMailServers.imapAndImaps();

  @RegisterExtension
  static GreenMailExtension destination = GreenMailServers.imapAndImaps();

  private static final Instant DATE = Instant.parse("2023-05-17T08:30:15Z");

  private final ImapConnector connector = new JakartaImapConnector();
  private final List<ImapSession> open = new ArrayList<>();

  @BeforeEach
  void noSessions() {
    open.clear();
  }

  @AfterEach
  void closeSessions() {
    open.forEach(ImapSession::close);
  }

  private ImapSession session(GreenMailExtension server, Access access) {
    ImapSession s = connector.connect(GreenMailServers.plain(server), GreenMailServers.alice(),
        access);
    open.add(s);
    return s;
  }

  private long seed(ImapSession rw, String folder, TestMessage m, Set<String> flags) {
    return rw.append(folder, m, flags, DATE).orElseThrow();
  }



  @Test
  void append_toInbox_returnsUidFromAppendUid() {
    ImapSession rw = session(source, Access.READ_WRITE);
    FolderStatus before = rw.status("INBOX");

    OptionalLong uid = rw.append("INBOX", TestMessage.simple("one", "<1@x>"), Set.of(), DATE);

    assertThat(uid).hasValue(before.uidNext());
    assertThat(rw.status("INBOX").messages()).isEqualTo(1);
  }

  @Test
  void fetchMeta_afterAppend_returnsSizeFlagsDateAndMessageId() {
    // given
    ImapSession rw = session(source, Access.READ_WRITE);
    TestMessage m = TestMessage.simple("meta", "<meta-1@example.org>");
    long uid = seed(rw, "INBOX", m, Set.of("\\Seen", "\\Flagged", "$Forwarded"));

    // when
    rw.examine("INBOX");
    List<MessageMeta> metas = Fetched.meta(rw, 1, Long.MAX_VALUE);

    // then
    assertThat(metas).singleElement().satisfies(meta -> {
      assertThat(meta.uid()).isEqualTo(uid);
      assertThat(meta.size()).isEqualTo(m.size());
      assertThat(meta.flags()).containsExactlyInAnyOrder("\\Seen", "\\Flagged", "$Forwarded");
      assertThat(meta.internalDate()).isEqualTo(DATE);
      assertThat(meta.messageId()).hasValue("<meta-1@example.org>");
      assertThat(meta.modseq()).isEmpty();
    });
  }

  @Test
  void fetchMeta_rangeAboveHighestUid_returnsNothing() {
    // "5:*" means "5 up to the highest UID" and servers answer with the highest UID even when it
    // is below 5 (RFC 3501 6.4.8): the adapter must not hand that message out again.
    ImapSession rw = session(source, Access.READ_WRITE);
    long uid = seed(rw, "INBOX", TestMessage.simple("a", "<a@x>"), Set.of());
    rw.examine("INBOX");

    assertThat(Fetched.meta(rw, uid + 1, Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void fetchMeta_noMessageId_reportsEmpty() {
    ImapSession rw = session(source, Access.READ_WRITE);
    seed(rw, "INBOX", TestMessage.of("Subject: none\r\n\r\nbody\r\n"), Set.of());
    rw.examine("INBOX");

    assertThat(Fetched.meta(rw, 1, Long.MAX_VALUE)).singleElement()
        .satisfies(m -> assertThat(m.messageId()).isEmpty());
  }

  @Test
  void fetchFlags_withoutCondstore_returnsAllFlags() {
    ImapSession rw = session(source, Access.READ_WRITE);
    long a = seed(rw, "INBOX", TestMessage.simple("a", "<a@x>"), Set.of("\\Seen"));
    long b = seed(rw, "INBOX", TestMessage.simple("b", "<b@x>"), Set.of("$Label1"));
    rw.examine("INBOX");
    List<MessageMeta> flags = new ArrayList<>();

    rw.fetchFlags(OptionalLong.of(1), flags::add);

    assertThat(flags).extracting(MessageMeta::uid).containsExactly(a, b);
    assertThat(flags.get(0).flags()).containsExactly("\\Seen");
    assertThat(flags.get(1).flags()).containsExactly("$Label1");
  }

  @Test
  void fetchBodies_smallMessages_areByteExactWithHash() {
    // given
    ImapSession rw = session(source, Access.READ_WRITE);
    TestMessage one = TestMessage.simple("one", "<1@x>");
    TestMessage two = TestMessage.simple("two", "<2@x>");
    long u1 = seed(rw, "INBOX", one, Set.of());
    long u2 = seed(rw, "INBOX", two, Set.of());
    rw.examine("INBOX");
    List<FetchedMessage> got = new ArrayList<>();

    // when
    rw.fetchBodies(List.of(new UidSize(u1, one.size()), new UidSize(u2, two.size())), got::add);

    // then
    assertThat(got).extracting(FetchedMessage::uid).containsExactly(u1, u2);
    assertThat(got.get(0).sha256()).isEqualTo(one.sha256());
    assertThat(got.get(1).sha256()).isEqualTo(two.sha256());
    got.forEach(FetchedMessage::close);
  }

  @Test
  void fetchBodies_wrongExpectedSize_failsWithProtocolAndHandsOutNothing() {
    ImapSession rw = session(source, Access.READ_WRITE);
    TestMessage one = TestMessage.simple("one", "<1@x>");
    long uid = seed(rw, "INBOX", one, Set.of());
    rw.examine("INBOX");
    List<FetchedMessage> got = new ArrayList<>();

    assertThatThrownBy(() -> rw.fetchBodies(List.of(new UidSize(uid, one.size() + 1)), got::add))
        .isInstanceOfSatisfying(ImapException.class,
            e -> assertThat(e.kind()).isEqualTo(ImapException.Kind.PROTOCOL));
    assertThat(got).isEmpty();
    // the connection is still usable
    assertThat(Fetched.meta(rw, 1, Long.MAX_VALUE)).hasSize(1);
  }

  @Test
  void appendThenFetch_fiveMegabyteAttachment_isByteExactAcrossServers() {
    // given: a 5 MB message on the source, fetched in chunks, appended to the destination
    ImapSession src = session(source, Access.READ_WRITE);
    ImapSession dst = session(destination, Access.READ_WRITE);
    TestMessage big = TestMessage.withAttachment(5 << 20, 7);
    long uid = seed(src, "INBOX", big, Set.of("\\Seen"));
    src.examine("INBOX");
    long[] dstUid = {0};

    // when
    src.fetchBodies(List.of(new UidSize(uid, big.size())), m -> {
      try (m) {
        assertThat(m).isInstanceOf(FileMessage.class);
        dstUid[0] = dst.append("INBOX", m, Set.of("\\Seen"), DATE).orElseThrow();
      }
    });

    // then
    dst.examine("INBOX");
    Map<Long, byte[]> copied = Fetched.bodies(dst, List.of(new UidSize(dstUid[0], big.size())));
    assertThat(copied.get(dstUid[0])).isEqualTo(big.bytes());
  }

  @Test
  void appendThenFetch_oddBytes_comeBackUnchanged() {
    // 8-bit bytes, malformed MIME, no trailing CRLF: an APPEND literal is opaque (RFC 3501 4.3)
    ImapSession rw = session(source, Access.READ_WRITE);
    byte[] odd = ("Subject: =?bogus?Q?x\r\nContent-Type: multipart/mixed; boundary=\"never\"\r\n"
        + "\r\n\u00e9\u00e8 caf\u00e9 \u0000 binary\r\n--not-the-boundary\r\nno end")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    long uid = seed(rw, "INBOX", TestMessage.of(odd), Set.of());
    rw.examine("INBOX");

    assertThat(Fetched.bodies(rw, List.of(new UidSize(uid, odd.length))).get(uid)).isEqualTo(odd);
  }

  @Test
  void append_keywordsAndSystemFlags_roundTrip() {
    ImapSession rw = session(destination, Access.READ_WRITE);
    Set<String> flags = Set.of("\\Answered", "\\Draft", "$MDNSent", "NonJunk", "\\Recent");
    rw.append("INBOX", TestMessage.simple("k", "<k@x>"), flags, DATE);
    rw.examine("INBOX");

    assertThat(Fetched.meta(rw, 1, Long.MAX_VALUE)).singleElement().satisfies(m -> assertThat(m.flags())
        .containsExactlyInAnyOrder("\\Answered", "\\Draft", "$MDNSent", "NonJunk"));
  }

  @Test
  void fetchBodies_sinkThrows_closesTheRestAndKeepsSessionUsable() {
    ImapSession rw = session(source, Access.READ_WRITE);
    TestMessage a = TestMessage.simple("a", "<a@x>");
    TestMessage b = TestMessage.simple("b", "<b@x>");
    long ua = seed(rw, "INBOX", a, Set.of());
    long ub = seed(rw, "INBOX", b, Set.of());
    rw.examine("INBOX");
    Consumer<FetchedMessage> failing = m -> {
      m.close();
      throw new IllegalStateException("sink broke");
    };

    assertThatThrownBy(() -> rw.fetchBodies(
        List.of(new UidSize(ua, a.size()), new UidSize(ub, b.size())), failing))
        .hasMessage("sink broke");
    assertThat(Fetched.bodies(rw, List.of(new UidSize(ub, b.size())))).containsKey(ub);
  }

  @Test
  void fetchMeta_withoutSelectedFolder_isRefused() {
    ImapSession ro = session(source, Access.READ_ONLY);

    assertThatThrownBy(() -> Fetched.meta(ro, 1, 2)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void fetchMetaAndFlags_emptyFolder_returnNothing() {
    ImapSession ro = session(source, Access.READ_ONLY);
    ro.examine("INBOX");
    List<MessageMeta> flags = new ArrayList<>();

    ro.fetchFlags(OptionalLong.empty(), flags::add);

    assertThat(Fetched.meta(ro, 1, Long.MAX_VALUE)).isEmpty();
    assertThat(flags).isEmpty();
  }

  @Test
  void fetchBodies_smallChunks_reassemblesExactlyAndCleansSpool(@TempDir Path spool) {
    // given: 16 kB chunks and a 1 kB heap limit, so a 100 kB message takes 7 partial FETCHes
    ImapConnector chunky = new JakartaImapConnector(new FetchLimits(16 << 10, 64 << 10, 1 << 10,
        spool));
    ImapSession rw = chunky.connect(GreenMailServers.plain(source), GreenMailServers.alice(),
        Access.READ_WRITE);
    open.add(rw);
    TestMessage m = TestMessage.withAttachment(100_000, 11);
    long uid = seed(rw, "INBOX", m, Set.of());
    rw.examine("INBOX");
    List<String> got = new ArrayList<>();

    // when
    rw.fetchBodies(List.of(new UidSize(uid, m.size())), f -> {
      try (f) {
        assertThat(f).isInstanceOf(FileMessage.class);
        got.add(f.sha256());
      }
    });

    // then
    assertThat(got).containsExactly(m.sha256());
    assertThat(spool.toFile().list()).isEmpty();
  }

  @Test
  void fetchBodies_chunkedBodyLongerThanSize_failsProtocolAndLeavesNoSpoolFile(
      @TempDir Path spool) {
    ImapConnector chunky = new JakartaImapConnector(new FetchLimits(16 << 10, 64 << 10, 1 << 10,
        spool));
    ImapSession rw = chunky.connect(GreenMailServers.plain(source), GreenMailServers.alice(),
        Access.READ_WRITE);
    open.add(rw);
    TestMessage m = TestMessage.withAttachment(100_000, 12);
    long uid = seed(rw, "INBOX", m, Set.of());
    rw.examine("INBOX");
    List<FetchedMessage> got = new ArrayList<>();

    assertThatThrownBy(() -> rw.fetchBodies(List.of(new UidSize(uid, m.size() - 1)), got::add))
        .isInstanceOfSatisfying(ImapException.class,
            e -> assertThat(e.kind()).isEqualTo(ImapException.Kind.PROTOCOL));
    assertThat(got).isEmpty();
    assertThat(spool.toFile().list()).isEmpty();
  }

  @Test
  void fetchBodies_expungedMeanwhile_isSkipped() {
    ImapSession rw = session(source, Access.READ_WRITE);
    TestMessage a = TestMessage.simple("a", "<a@x>");
    long ua = seed(rw, "INBOX", a, Set.of());
    rw.examine("INBOX");
    List<FetchedMessage> got = new ArrayList<>();

    rw.fetchBodies(List.of(new UidSize(ua + 100, 10), new UidSize(ua, a.size())), got::add);

    assertThat(got).extracting(FetchedMessage::uid).containsExactly(ua);
    got.forEach(FetchedMessage::close);
  }

  @Test
  void appendThenFetch_bareLineFeeds_greenMailFixesOnlyTheHeader() {
    // Dovecot turns every bare LF into CRLF (see the IT); GreenMail only the header's
    ImapSession rw = session(source, Access.READ_WRITE);
    byte[] lf = "Subject: lf\n\nline one\nline two\n".getBytes(
        java.nio.charset.StandardCharsets.US_ASCII);
    long uid = seed(rw, "INBOX", TestMessage.of(lf), Set.of());
    rw.examine("INBOX");

    long size = Fetched.meta(rw, uid, uid).get(0).size();
    byte[] back = Fetched.bodies(rw, List.of(new UidSize(uid, size))).get(uid);

    // GreenMail rewrites the header's line ends to CRLF and keeps the body's bare LFs
    assertThat(new String(back, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("Subject: lf\r\n\r\nline one\nline two\n");
    assertThat(size).isEqualTo(back.length);
  }

  @Test
  void fetchMeta_sinkThrows_sameExceptionAndSessionStaysUsable() {
    ImapSession rw = session(source, Access.READ_WRITE);
    seed(rw, "INBOX", TestMessage.simple("a", "<a@x>"), Set.of());
    seed(rw, "INBOX", TestMessage.simple("b", "<b@x>"), Set.of());
    rw.examine("INBOX");

    assertThatThrownBy(() -> rw.fetchMeta(1, Long.MAX_VALUE, m -> {
      throw new IllegalStateException("engine says no");
    })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("engine says no");
    assertThat(Fetched.meta(rw, 1, Long.MAX_VALUE)).hasSize(2);
  }
}
