package dev.mailshift.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.mailshift.imap.ImapSession.UidSize;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.TestMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

  private static List<MessageMeta> meta(ImapSession s, long from, long to) {
    List<MessageMeta> out = new ArrayList<>();
    s.fetchMeta(from, to, out::add);
    return out;
  }

  private static Map<Long, byte[]> bodies(ImapSession s, List<UidSize> which) {
    Map<Long, byte[]> out = new HashMap<>();
    s.fetchBodies(which, m -> {
      try (m; InputStream in = m.open()) {
        out.put(m.uid(), in.readAllBytes());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    return out;
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
    List<MessageMeta> metas = meta(rw, 1, Long.MAX_VALUE);

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

    assertThat(meta(rw, uid + 1, Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void fetchMeta_noMessageId_reportsEmpty() {
    ImapSession rw = session(source, Access.READ_WRITE);
    seed(rw, "INBOX", TestMessage.of("Subject: none\r\n\r\nbody\r\n"), Set.of());
    rw.examine("INBOX");

    assertThat(meta(rw, 1, Long.MAX_VALUE)).singleElement()
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
    assertThat(meta(rw, 1, Long.MAX_VALUE)).hasSize(1);
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
    Map<Long, byte[]> copied = bodies(dst, List.of(new UidSize(dstUid[0], big.size())));
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

    assertThat(bodies(rw, List.of(new UidSize(uid, odd.length))).get(uid)).isEqualTo(odd);
  }

  @Test
  void append_keywordsAndSystemFlags_roundTrip() {
    ImapSession rw = session(destination, Access.READ_WRITE);
    Set<String> flags = Set.of("\\Answered", "\\Draft", "$MDNSent", "NonJunk", "\\Recent");
    rw.append("INBOX", TestMessage.simple("k", "<k@x>"), flags, DATE);
    rw.examine("INBOX");

    assertThat(meta(rw, 1, Long.MAX_VALUE)).singleElement().satisfies(m -> assertThat(m.flags())
        .containsExactlyInAnyOrder("\\Answered", "\\Draft", "$MDNSent", "NonJunk"));
  }

  @Test
  void createSubscribeList_nestedFolder_isListedAndSubscribed() {
    ImapSession rw = session(destination, Access.READ_WRITE);

    rw.create("Archiv.2023");
    rw.create("Archiv.2023"); // again: a re-run must not fail
    rw.subscribe("Archiv.2023");

    assertThat(rw.listFolders()).filteredOn(f -> f.name().equals("Archiv.2023")).singleElement()
        .satisfies(f -> {
          assertThat(f.subscribed()).isTrue();
          assertThat(f.separator()).isEqualTo('.');
          assertThat(f.selectable()).isTrue();
        });
  }

  @Test
  void create_nonAsciiNames_roundTripThroughModifiedUtf7() {
    ImapSession rw = session(destination, Access.READ_WRITE);
    List<String> names = List.of("Entw\u00fcrfe", "03_M\u00e4rchen & Co", "Post \uD83D\uDCEC");

    names.forEach(rw::create);

    assertThat(rw.listFolders()).extracting(FolderInfo::name).containsAll(names);
    names.forEach(n -> assertThat(rw.status(n).messages()).isZero());
  }

  @Test
  void status_missingFolder_failsWithNoSuchFolder() {
    ImapSession ro = session(source, Access.READ_ONLY);

    assertThatThrownBy(() -> ro.status("Nope"))
        .isInstanceOfSatisfying(ImapException.class,
            e -> assertThat(e.kind()).isEqualTo(ImapException.Kind.NO_SUCH_FOLDER));
  }

  @Test
  void examine_missingFolder_failsWithNoSuchFolder() {
    ImapSession ro = session(source, Access.READ_ONLY);

    assertThatThrownBy(() -> ro.examine("Nope"))
        .isInstanceOfSatisfying(ImapException.class,
            e -> assertThat(e.kind()).isEqualTo(ImapException.Kind.NO_SUCH_FOLDER));
  }

  @Test
  void replaceFlags_selectedFolder_makesFlagsExactlyThese() {
    ImapSession rw = session(destination, Access.READ_WRITE);
    long uid = seed(rw, "INBOX", TestMessage.simple("f", "<f@x>"), Set.of("\\Seen", "$Old"));
    rw.select("INBOX");

    rw.replaceFlags(uid, Set.of("\\Flagged", "$New"));

    assertThat(meta(rw, uid, uid)).singleElement()
        .satisfies(m -> assertThat(m.flags()).containsExactlyInAnyOrder("\\Flagged", "$New"));
  }

  @Test
  void expunge_someUids_removesOnlyThose() {
    // given: three messages, one of them flagged \Deleted by "someone else"
    ImapSession rw = session(destination, Access.READ_WRITE);
    long a = seed(rw, "INBOX", TestMessage.simple("a", "<a@x>"), Set.of());
    long b = seed(rw, "INBOX", TestMessage.simple("b", "<b@x>"), Set.of());
    long c = seed(rw, "INBOX", TestMessage.simple("c", "<c@x>"), Set.of("\\Deleted"));
    rw.select("INBOX");

    // when
    rw.expunge(List.of(a));

    // then
    assertThat(meta(rw, 1, Long.MAX_VALUE)).extracting(MessageMeta::uid).containsExactly(b, c);
  }

  @Test
  void select_reportsPermanentFlags() {
    ImapSession rw = session(destination, Access.READ_WRITE);

    FolderStatus st = rw.select("INBOX");

    assertThat(st.permanentFlags()).contains("\\Seen");
    assertThat(st.uidValidity()).isPositive();
  }

  @Test
  void readOnlySession_mutatingCalls_throwBeforeTheWire() {
    ImapSession ro = session(source, Access.READ_ONLY);
    TestMessage m = TestMessage.simple("x", "<x@x>");
    List<Runnable> calls = List.of(
        () -> ro.select("INBOX"),
        () -> ro.append("INBOX", m, Set.of(), DATE),
        () -> ro.create("X"),
        () -> ro.subscribe("INBOX"),
        () -> ro.replaceFlags(1, Set.of()),
        () -> ro.expunge(List.of(1L)));

    for (Runnable call : calls) {
      assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("read-only");
    }
    assertThat(source.getReceivedMessages()).isEmpty();
    assertThat(ro.listFolders()).extracting(FolderInfo::name).containsExactly("INBOX");
  }

  @Test
  void readOnlySession_everyRead_leavesSourceFlagsUnchanged() {
    // given: one unseen and one seen message
    ImapSession rw = session(source, Access.READ_WRITE);
    TestMessage m1 = TestMessage.simple("unseen", "<u@x>");
    TestMessage m2 = TestMessage.withAttachment(300_000, 3);
    long u1 = seed(rw, "INBOX", m1, Set.of());
    long u2 = seed(rw, "INBOX", m2, Set.of("\\Seen", "$Work"));
    rw.close();
    open.remove(rw);
    List<UidSize> both = List.of(new UidSize(u1, m1.size()), new UidSize(u2, m2.size()));

    // when: every read a source session does
    ImapSession ro = session(source, Access.READ_ONLY);
    ro.listFolders();
    ro.status("INBOX");
    ro.examine("INBOX");
    meta(ro, 1, Long.MAX_VALUE);
    ro.fetchFlags(OptionalLong.empty(), x -> {});
    bodies(ro, both);
    ro.close();

    // then: a fresh session sees the flags as they were
    ImapSession check = session(source, Access.READ_ONLY);
    check.examine("INBOX");
    Map<Long, Set<String>> flags = new HashMap<>();
    check.fetchFlags(OptionalLong.empty(), x -> flags.put(x.uid(), x.flags()));
    assertThat(flags).containsEntry(u1, Set.of()).containsEntry(u2, Set.of("\\Seen", "$Work"));
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
    assertThat(bodies(rw, List.of(new UidSize(ub, b.size())))).containsKey(ub);
  }

  @Test
  void fetchMeta_withoutSelectedFolder_isRefused() {
    ImapSession ro = session(source, Access.READ_ONLY);

    assertThatThrownBy(() -> meta(ro, 1, 2)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void fetchMetaAndFlags_emptyFolder_returnNothing() {
    ImapSession ro = session(source, Access.READ_ONLY);
    ro.examine("INBOX");
    List<MessageMeta> flags = new ArrayList<>();

    ro.fetchFlags(OptionalLong.empty(), flags::add);

    assertThat(meta(ro, 1, Long.MAX_VALUE)).isEmpty();
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
  void connect_unreadableCaFile_failsWithTlsBeforeConnecting(@TempDir Path dir)
      throws IOException {
    Path notPem = java.nio.file.Files.writeString(dir.resolve("ca.pem"), "not a certificate");
    ImapEndpoint e = new ImapEndpoint("127.0.0.1", source.getImaps().getPort(),
        ImapEndpoint.TlsMode.IMPLICIT, java.util.Optional.of(notPem), false,
        java.time.Duration.ofSeconds(5));

    assertThatThrownBy(() -> connector.connect(e, GreenMailServers.alice(), Access.READ_ONLY))
        .isInstanceOfSatisfying(ImapException.class, x -> {
          assertThat(x.kind()).isEqualTo(ImapException.Kind.TLS);
          assertThat(x.getMessage()).contains("ca.pem");
        });
  }

  @Test
  void appendThenFetch_bareLineFeeds_greenMailFixesOnlyTheHeader() {
    // Dovecot turns every bare LF into CRLF (see the IT); GreenMail only the header's
    ImapSession rw = session(source, Access.READ_WRITE);
    byte[] lf = "Subject: lf\n\nline one\nline two\n".getBytes(
        java.nio.charset.StandardCharsets.US_ASCII);
    long uid = seed(rw, "INBOX", TestMessage.of(lf), Set.of());
    rw.examine("INBOX");

    long size = meta(rw, uid, uid).get(0).size();
    byte[] back = bodies(rw, List.of(new UidSize(uid, size))).get(uid);

    // GreenMail rewrites the header's line ends to CRLF and keeps the body's bare LFs
    assertThat(new String(back, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("Subject: lf\r\n\r\nline one\nline two\n");
    assertThat(size).isEqualTo(back.length);
  }
}
