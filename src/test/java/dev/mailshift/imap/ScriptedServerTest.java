package dev.mailshift.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailshift.plan.Secret;
import dev.mailshift.testsupport.ScriptedImapServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter against a scripted server, for what neither GreenMail nor Dovecot 2.3 offer:
 * CREATE-SPECIAL-USE (Dovecot 2.3 does not advertise it), the [USEATTR] refusal, XLIST, UIDs
 * above 2^31 in SEARCH answers, and Gmail's X-GM-LABELS spelling. Each test asserts the exact
 * commands sent and that no other command was.
 */
class ScriptedServerTest {
  private static final String EXAMINE_OK = "* 3 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n"
      + "* OK [UIDNEXT 9] ok\r\nTAG OK [READ-ONLY] done";

  @TempDir Path spool;
  private ScriptedImapServer server;
  private final List<ImapSession> sessions = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    sessions.forEach(ImapSession::close);
    server.close();
    assertThat(server.unexpected()).as("commands no rule expected").isEmpty();
  }

  private ImapSession connect(String capabilities, Access access) throws Exception {
    server = new ScriptedImapServer("IMAP4rev1 " + capabilities)
        .on("LIST \"\" \"\"", "* LIST (\\Noselect) \"/\" \"\"\r\nTAG OK done");
    ImapSession s = new JakartaImapConnector(spool).connect(
        new ImapEndpoint("127.0.0.1", server.port(), ImapEndpoint.TlsMode.NONE, Optional.empty(),
            false, Duration.ofSeconds(10)),
        new Credentials("u", new Secret("p")), access);
    sessions.add(s);
    return s;
  }

  @Test
  void createSpecialUse_serverOffersIt_sendsUseAndTheFolderListsWithTheAttribute()
      throws Exception {
    // given
    ImapSession s = connect("CREATE-SPECIAL-USE SPECIAL-USE LIST-EXTENDED", Access.READ_WRITE);
    server.on("CREATE \"Sent\" \\(USE \\(\\\\Sent\\)\\)", "TAG OK created")
        .on("LIST \"\" \"\\*\" RETURN \\(SUBSCRIBED SPECIAL-USE\\)",
            "* LIST (\\Sent \\Subscribed) \"/\" \"Sent\"\r\nTAG OK done")
        .on("LIST \\(SUBSCRIBED\\) \"\" \"\\*\"",
            "* LIST (\\Subscribed) \"/\" \"Sent\"\r\nTAG OK done");

    // when
    boolean marked = s.createSpecialUse("Sent", "\\Sent");
    List<FolderInfo> folders = s.listFolders();

    // then
    assertThat(marked).isTrue();
    assertThat(server.commands()).contains("CREATE \"Sent\" (USE (\\Sent))");
    assertThat(folders).singleElement().satisfies(f -> {
      assertThat(f.attributes()).containsExactly("\\Sent");
      assertThat(f.subscribed()).isTrue();
    });
  }

  @Test
  void listFoldersAndMissingSubscriptions_listExtendedWithASubscriptionToAMissingFolder_listsItNonExistentAndSubscribed()
      throws Exception {
    // given: RETURN (SUBSCRIBED) lists existing folders only (RFC 5258 3.1)
    ImapSession s = connect("LIST-EXTENDED", Access.READ_ONLY);
    server.on("LIST \"\" \"\\*\" RETURN \\(SUBSCRIBED\\)",
            "* LIST (\\Subscribed) \"/\" \"INBOX\"\r\nTAG OK done")
        .on("LIST \\(SUBSCRIBED\\) \"\" \"\\*\"", "* LIST (\\Subscribed) \"/\" \"INBOX\"\r\n"
            + "* LIST (\\Subscribed \\NonExistent) \"/\" \"Ghost\"\r\nTAG OK done");

    // when
    List<FolderInfo> folders = s.listFoldersAndMissingSubscriptions();

    // then
    assertThat(folders).extracting(FolderInfo::name).containsExactly("INBOX", "Ghost");
    assertThat(folders.get(1)).satisfies(f -> {
      assertThat(f.subscribed()).isTrue();
      assertThat(f.selectable()).isFalse();
      assertThat(f.attributes()).containsExactly("\\NonExistent");
    });
  }

  @Test
  void createSpecialUse_serverAnswersUseattr_createsThePlainFolder() throws Exception {
    // given
    ImapSession s = connect("CREATE-SPECIAL-USE SPECIAL-USE", Access.READ_WRITE);
    server.on("CREATE \"All\" \\(USE \\(\\\\All\\)\\)",
            "TAG NO [USEATTR] \\All is a virtual folder here")
        .on("CREATE \"All\"", "TAG OK created");

    // when
    boolean marked = s.createSpecialUse("All", "\\All");

    // then
    assertThat(marked).isFalse();
    assertThat(server.commands()).containsSubsequence("CREATE \"All\" (USE (\\All))",
        "CREATE \"All\"");
  }

  @Test
  void createSpecialUse_notOffered_plainCreateOnly() throws Exception {
    ImapSession s = connect("SPECIAL-USE", Access.READ_WRITE);
    server.on("CREATE \"Sent\"", "TAG OK created");

    assertThat(s.createSpecialUse("Sent", "\\Sent")).isFalse();
    assertThat(server.commands()).filteredOn(c -> c.startsWith("CREATE"))
        .containsExactly("CREATE \"Sent\"");
  }

  @Test
  void createSpecialUse_otherRefusal_isAnError() throws Exception {
    ImapSession s = connect("CREATE-SPECIAL-USE", Access.READ_WRITE);
    server.on("CREATE .*", "TAG NO [OVERQUOTA] too many folders");

    assertThatThrownBy(() -> s.createSpecialUse("Sent", "\\Sent"))
        .isInstanceOf(ImapException.class).hasMessageContaining("create");
  }

  @Test
  void createSpecialUse_readOnlySession_refusedBeforeTheWire() throws Exception {
    ImapSession s = connect("CREATE-SPECIAL-USE", Access.READ_ONLY);

    assertThatThrownBy(() -> s.createSpecialUse("Sent", "\\Sent"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(server.commands()).noneMatch(c -> c.startsWith("CREATE"));
  }

  @Test
  void listFolders_xlistWithoutSpecialUse_standardAttributesAndTheLocalizedInboxAsInbox()
      throws Exception {
    // given: Gmail before RFC 6154
    ImapSession s = connect("XLIST", Access.READ_ONLY);
    server.on("XLIST \"\" \"\\*\"", "* XLIST (\\HasNoChildren \\Inbox) \"/\" \"Posteingang\"\r\n"
            + "* XLIST (\\HasNoChildren \\AllMail) \"/\" \"[Gmail]/Alle Nachrichten\"\r\n"
            + "* XLIST (\\HasNoChildren \\Spam) \"/\" \"[Gmail]/Spam\"\r\n"
            + "* XLIST (\\HasNoChildren \\Starred) \"/\" \"[Gmail]/Markiert\"\r\nTAG OK done")
        .on("LSUB \"\" \"\\*\"", "* LSUB () \"/\" \"INBOX\"\r\nTAG OK done");

    // when
    List<FolderInfo> folders = s.listFolders();

    // then
    assertThat(folders).extracting(FolderInfo::name).containsExactly("INBOX",
        "[Gmail]/Alle Nachrichten", "[Gmail]/Spam", "[Gmail]/Markiert");
    assertThat(folders.get(0).subscribed()).isTrue();
    assertThat(folders.get(1).attributes()).contains("\\All").doesNotContain("\\AllMail");
    assertThat(folders.get(2).attributes()).contains("\\Junk");
    assertThat(folders.get(3).attributes()).contains("\\Flagged");
  }

  @Test
  void searchUids_criteriaPassedThrough_uidsAboveTwoToThe31Read() throws Exception {
    // given
    ImapSession s = connect("", Access.READ_ONLY);
    server.on("EXAMINE \"INBOX\"", EXAMINE_OK)
        .on("UID SEARCH UID 2:\\* NOT HEADER X-Spam-Flag YES",
            "* SEARCH 2 4 4294967295\r\nTAG OK done");
    s.examine("INBOX");

    // when
    var uids = s.searchUids("UID 2:* NOT HEADER X-Spam-Flag YES");

    // then
    assertThat(uids).containsExactlyInAnyOrder(2L, 4L, 4294967295L);
  }

  @Test
  void searchUids_serverAnswersBad_protocolErrorWithTheServersText() throws Exception {
    ImapSession s = connect("", Access.READ_ONLY);
    server.on("EXAMINE \"INBOX\"", EXAMINE_OK)
        .on("UID SEARCH .*", "TAG BAD Error in IMAP command UID SEARCH: Unknown argument FOO");
    s.examine("INBOX");

    assertThatThrownBy(() -> s.searchUids("FOO"))
        .isInstanceOfSatisfying(ImapException.class, e -> {
          assertThat(e.kind()).isEqualTo(ImapException.Kind.PROTOCOL);
          assertThat(e.serverText()).contains("Unknown argument FOO");
        });
  }

  @Test
  void fetchGmail_labelsAsGmailSpellsThem_systemLabelsBareUserLabelsDecoded() throws Exception {
    // given
    ImapSession s = connect("X-GM-EXT-1", Access.READ_ONLY);
    server.on("EXAMINE \"INBOX\"", EXAMINE_OK)
        .on("UID FETCH 1:\\* \\(UID X-GM-MSGID X-GM-LABELS\\)",
            "* 1 FETCH (UID 7 X-GM-MSGID 1278455344230334865 X-GM-LABELS (\\Inbox \\Important"
                + " \"Muy Importante\" Work &AMk-t&AOk-))\r\n"
                + "* 2 FETCH (UID 8 X-GM-MSGID 1278455344230334866 X-GM-LABELS ())\r\n"
                + "TAG OK done");
    s.examine("INBOX");

    // when
    List<GmailMeta> got = new ArrayList<>();
    s.fetchGmail(1, Long.MAX_VALUE, got::add);

    // then
    assertThat(got).containsExactly(
        new GmailMeta(7, 1278455344230334865L, java.util.Set.of("\\Inbox", "\\Important",
            "Muy Importante", "Work", "Été")),
        new GmailMeta(8, 1278455344230334866L, java.util.Set.of()));
  }

  @Test
  void listFolders_listExtended_sendsOneListWithoutAskingForMissingSubscriptions()
      throws Exception {
    // given: the destination side, whose subscriptions to missing folders nothing needs
    ImapSession s = connect("LIST-EXTENDED", Access.READ_WRITE);
    server.on("LIST \"\" \"\\*\" RETURN \\(SUBSCRIBED\\)",
        "* LIST (\\Subscribed) \"/\" \"INBOX\"\r\nTAG OK done");

    // when
    List<FolderInfo> folders = s.listFolders();

    // then
    assertThat(folders).extracting(FolderInfo::name).containsExactly("INBOX");
    assertThat(server.commands()).filteredOn(c -> c.startsWith("LIST") && c.contains("*"))
        .as("the folder listing, past the separator probe")
        .containsExactly("LIST \"\" \"*\" RETURN (SUBSCRIBED)");
  }
}
