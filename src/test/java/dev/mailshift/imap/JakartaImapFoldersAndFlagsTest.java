package dev.mailshift.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.mailshift.imap.ImapSession.UidSize;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.TestMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Folders, flags and read-only sessions against GreenMail. */
class JakartaImapFoldersAndFlagsTest {
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

    assertThat(Fetched.meta(rw, uid, uid)).singleElement()
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
    assertThat(Fetched.meta(rw, 1, Long.MAX_VALUE)).extracting(MessageMeta::uid).containsExactly(b, c);
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
    Fetched.meta(ro, 1, Long.MAX_VALUE);
    ro.fetchFlags(OptionalLong.empty(), x -> {});
    Fetched.bodies(ro, both);
    ro.close();

    // then: a fresh session sees the flags as they were
    ImapSession check = session(source, Access.READ_ONLY);
    check.examine("INBOX");
    Map<Long, Set<String>> flags = new HashMap<>();
    check.fetchFlags(OptionalLong.empty(), x -> flags.put(x.uid(), x.flags()));
    assertThat(flags).containsEntry(u1, Set.of()).containsEntry(u2, Set.of("\\Seen", "$Work"));
  }

  @Test
  void expunge_serverWithoutUidplus_isRefusedAndRemovesNothing() throws Exception {
    // given: a session that believes the server lacks UIDPLUS (GreenMail has it)
    ImapSession rw = session(destination, Access.READ_WRITE);
    long uid = seed(rw, "INBOX", TestMessage.simple("d", "<d@x>"), Set.of("\\Deleted"));
    ImapEndpoint endpoint = GreenMailServers.plain(destination);
    var store = (org.eclipse.angus.mail.imap.IMAPStore) jakarta.mail.Session
        .getInstance(ConnectionProperties.of(endpoint)).getStore("imap");
    store.connect(endpoint.host(), endpoint.port(), "alice", GreenMailServers.PASSWORD);
    ServerInfo noUidplus = new ServerInfo(Set.of("IMAP4REV1"), "", '.', OptionalLong.empty());
    ImapSession old = new JakartaImapSession(new Wire(store, new Failures("greenmail")),
        noUidplus, Access.READ_WRITE, FetchLimits.defaults(java.nio.file.Path.of(".")),
        Throttle.NONE);
    open.add(old);
    old.select("INBOX");

    // when / then
    assertThatThrownBy(() -> old.expunge(List.of(uid)))
        .isInstanceOfSatisfying(ImapException.class,
            e -> assertThat(e.kind()).isEqualTo(ImapException.Kind.REJECTED));
    assertThat(rw.status("INBOX").messages()).isEqualTo(1);
  }

  @Test
  void examine_afterReadWriteSelect_asksTheServerAgainAndSeesOtherConnectionsMail() {
    // given: one session has the folder open read-write, another appends to it
    ImapSession writer = session(destination, Access.READ_WRITE);
    ImapSession other = session(destination, Access.READ_WRITE);
    seed(writer, "INBOX", TestMessage.simple("first", "<first@x>"), Set.of());
    writer.select("INBOX");
    seed(other, "INBOX", TestMessage.simple("second", "<second@x>"), Set.of());

    // when
    FolderStatus examined = writer.examine("INBOX");

    // then
    assertThat(examined.messages()).isEqualTo(2);
    assertThat(Fetched.meta(writer, 1, Long.MAX_VALUE)).hasSize(2);
  }
}

