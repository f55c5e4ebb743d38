package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.imap.Access;
import dev.mailshift.imap.FolderInfo;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.JakartaImapConnector;
import dev.mailshift.testsupport.Cli;
import dev.mailshift.testsupport.DovecotPair;
import dev.mailshift.testsupport.PlanYaml;
import dev.mailshift.testsupport.RawImap;
import dev.mailshift.testsupport.TestMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folder mapping and message selection through the command line against two real Dovecot 2.3
 * servers (scripts/dovecot-pair.sh): a SOURCE with Maildir++ ('.' separator, "INBOX." prefix,
 * no SPECIAL-USE attributes) and a DESTINATION with LAYOUT=fs ('/' separator) whose Drafts,
 * Sent, Trash, Junk and Archive carry SPECIAL-USE attributes. Assertions read the servers' real
 * state back over IMAP.
 */
class FolderMappingIT {
  @RegisterExtension
  static DovecotPair dovecot = new DovecotPair();

  /** A second pair whose source lets a name hold '/' (Dovecot's listescape), as Courier does. */
  @RegisterExtension
  static DovecotPair escaping = new DovecotPair(true);

  private static final Instant RECENT = Instant.now().minus(2, ChronoUnit.DAYS);

  @TempDir Path dir;

  private ImapSession open(DovecotPair.Account a) {
    return new JakartaImapConnector(dir).connect(a.plain(), a.credentials(), Access.READ_WRITE);
  }

  /** Creates each folder (unless INBOX) and appends one message named after it. */
  private void seed(DovecotPair.Account a, String... folders) {
    try (ImapSession s = open(a)) {
      for (String f : folders) {
        if (!f.equals("INBOX")) {
          s.create(f);
        }
        s.append(f, TestMessage.simple("in " + f, "<" + Math.abs(f.hashCode()) + "@seed>"),
            Set.of("\\Seen"), RECENT);
      }
    }
  }

  /** Folder name to message count, selectable folders only. */
  private Map<String, Long> counts(DovecotPair.Account a) {
    try (ImapSession s = open(a)) {
      Map<String, Long> out = new TreeMap<>();
      for (FolderInfo f : s.listFolders()) {
        if (f.selectable()) {
          out.put(f.name(), s.status(f.name()).messages());
        }
      }
      return out;
    }
  }

  private Path plan(DovecotPair.Account from, DovecotPair.Account to, String extra) {
    return PlanYaml.plain("folders-it", from.plain().port(), to.plain().port())
        .account(from.user(), to.user())
        .extra(extra)
        .writeTo(dir);
  }

  private static Cli.Run mailshift(String... args) {
    return Cli.mailshift(PlanYaml.env("pw", "pw"), args);
  }

  @Test
  void apply_germanSourceWithoutSpecialUse_landsInTheDestinationsEnglishRoleFolders()
      throws Exception {
    // given
    seed(dovecot.source(), "INBOX", "INBOX.Gesendete Objekte", "INBOX.Entwürfe",
        "INBOX.Papierkorb", "INBOX.Junk-E-Mail", "INBOX.Archiv.2019");
    Path plan = plan(dovecot.source(), dovecot.destination(), "");
    Map<String, Long> sourceBefore = counts(dovecot.source());

    // when
    Cli.Run planned = mailshift("plan", plan.toString());
    Cli.Run applied = mailshift("apply", plan.toString(), "--no-progress");

    // then
    assertThat(planned.code()).as(planned.all()).isEqualTo(0);
    assertThat(planned.out())
        .contains("INBOX.Gesendete Objekte -> Sent  (special-use \\Sent by its name (de))")
        .contains("INBOX.Entwürfe          -> Drafts  (special-use \\Drafts by its name (de))")
        .contains("INBOX.Papierkorb        -> Trash  (special-use \\Trash by its name")
        .contains("INBOX.Junk-E-Mail       -> Junk  (special-use \\Junk by its name")
        .contains("INBOX.Archiv.2019       -> Archive/2019  (inside Archiv (special-use \\Archive")
        .contains("+ create folder Archive/2019");
    assertThat(applied.code()).as(applied.all()).isZero();
    assertThat(counts(dovecot.destination())).isEqualTo(Map.of("INBOX", 1L, "Sent", 1L,
        "Drafts", 1L, "Trash", 1L, "Junk", 1L, "Archive", 0L, "Archive/2019", 1L));
    assertThat(counts(dovecot.source())).as("source untouched").isEqualTo(sourceBefore);
  }

  @Test
  void apply_namesWithAmpersandEmojiAndUmlauts_prefixedDotSourceToSlashDestination()
      throws Exception {
    // given
    seed(dovecot.source(), "INBOX.R&D", "INBOX.Träume & Ziele", "INBOX.📁 Belege.2024",
        "INBOX.Projekte.Q1 (alt)");
    Path plan = plan(dovecot.source(), dovecot.destination(), "");

    // when
    Cli.Run planned = mailshift("plan", plan.toString());
    Cli.Run applied = mailshift("apply", plan.toString(), "--no-progress");

    // then
    assertThat(planned.out()).containsPattern("INBOX\\.📁 Belege\\.2024 +-> 📁 Belege/2024  \\(same name, new\\)");
    assertThat(applied.code()).as(applied.all()).isZero();
    assertThat(counts(dovecot.destination())).containsEntry("R&D", 1L)
        .containsEntry("Träume & Ziele", 1L).containsEntry("📁 Belege/2024", 1L)
        .containsEntry("Projekte/Q1 (alt)", 1L);
    assertThat(mailshift("plan", plan.toString(), "--detailed-exitcode").code())
        .as("nothing left to do").isZero();
  }

  @Test
  void apply_slashInsideANameOnADotSource_becomesTheConfiguredReplacementOnTheSlashDestination()
      throws Exception {
    // given
    seed(escaping.source(), "INBOX.Rechnungen 2023/24", "INBOX.🎉 A/B & C.2024");
    Path plan = plan(escaping.source(), escaping.destination(),
        "folders: { separator-replacement: \"-\" }");

    // when
    Cli.Run planned = mailshift("plan", plan.toString());
    Cli.Run applied = mailshift("apply", plan.toString(), "--no-progress");

    // then
    assertThat(planned.out()).containsPattern("INBOX\\.Rechnungen 2023/24 +-> Rechnungen 2023-24"
        + "  \\(same name, '/' in a name replaced by '-', new\\)");
    assertThat(applied.code()).as(applied.all()).isZero();
    assertThat(counts(escaping.destination())).containsEntry("Rechnungen 2023-24", 1L)
        .containsEntry("🎉 A-B & C/2024", 1L);
    assertThat(mailshift("plan", plan.toString(), "--detailed-exitcode").code())
        .as("nothing left to do").isZero();
  }

  @Test
  void plan_slashInsideANameCollidingWithItsReplacement_exits3NamingBoth() throws Exception {
    // given
    seed(escaping.source(), "INBOX.a/b", "INBOX.a_b");
    Path plan = plan(escaping.source(), escaping.destination(), "");

    // when
    Cli.Run planned = mailshift("plan", plan.toString());

    // then
    assertThat(planned.code()).isEqualTo(3);
    assertThat(planned.err()).contains("'INBOX.a/b'", "'INBOX.a_b'", "destination folder 'a_b'",
        "'/' in a name replaced by '_'");
  }

  @Test
  void apply_slashSourceWithDotsInNamesToDotDestination_replacesTheSeparatorAndSaysSo()
      throws Exception {
    // given: the other direction: the '/' server is the source, the '.' server the destination
    seed(dovecot.destination(), "v1.2/Specs", "Work.Old");
    Path plan = plan(dovecot.destination(), dovecot.source(),
        "folders: { exclude: [\"^(Drafts|Sent|Trash|Junk|Archive)$\"] }");

    // when
    Cli.Run planned = mailshift("plan", plan.toString());
    Cli.Run applied = mailshift("apply", plan.toString(), "--no-progress");

    // then
    assertThat(planned.out()).contains("v1.2/Specs -> INBOX.v1_2.Specs  (same name, '.' in a name"
        + " replaced by '_', new)");
    assertThat(applied.code()).as(applied.all()).isZero();
    assertThat(counts(dovecot.source())).containsEntry("INBOX.v1_2.Specs", 1L)
        .containsEntry("INBOX.Work_Old", 1L);
  }

  @Test
  void apply_inboxChildOnSlashSourceToInboxPrefixedDotDestination_landsUnderInboxOnceAndSkipsCalendars()
      throws Exception {
    // given: the '/' server (no prefix, INBOX may have children) is the source, the Maildir++
    // server (namespace "INBOX.", so INBOX's children are the namespace) the destination
    seed(dovecot.destination(), "INBOX", "INBOX/foo", "INBOX/foo/bar", "Calendar",
        "Calendar/Birthdays");
    Path plan = plan(dovecot.destination(), dovecot.source(), "");

    // when
    Cli.Run planned = mailshift("plan", plan.toString());
    Cli.Run applied = mailshift("apply", plan.toString(), "--no-progress");

    // then
    assertThat(planned.code()).as(planned.all()).isZero();
    assertThat(planned.out())
        .containsPattern("INBOX/foo +-> INBOX\\.foo  \\(same name, a child of INBOX: on this"
            + " destination INBOX's children are its namespace INBOX\\., new\\)")
        .containsPattern("Calendar/Birthdays +not migrated: inside Calendar, which holds no mail")
        .contains("add \"Calendar\": \"Calendar\" to folders.map");
    assertThat(applied.code()).as(applied.all()).isZero();
    Map<String, Long> after = counts(dovecot.source());
    assertThat(after).containsEntry("INBOX", 1L).containsEntry("INBOX.foo", 1L)
        .containsEntry("INBOX.foo.bar", 1L);
    assertThat(after.keySet()).noneMatch(n -> n.startsWith("INBOX.INBOX"))
        .noneMatch(n -> n.startsWith("INBOX.Calendar"));
  }

  @Test
  void plan_destinationWithTwoFoldersOfOneRole_choosesTheFirstByNameAndWarns() throws Exception {
    // given: the Maildir++ server as destination with two folders named like Sent, no attributes
    seed(dovecot.source(), "INBOX.Sent Items", "INBOX.Sent");
    seed(dovecot.destination(), "INBOX");
    Path plan = plan(dovecot.destination(), dovecot.source(),
        "folders: { exclude: [\"^(Drafts|Trash|Junk|Archive)$\"] }");

    // when
    Cli.Run planned = mailshift("plan", plan.toString());

    // then: the destination's Sent (marked \\Sent on the '/' server) goes to INBOX.Sent
    assertThat(planned.code()).as(planned.all()).isZero();
    assertThat(planned.out()).containsPattern("Sent +-> INBOX\\.Sent  \\(special-use \\\\Sent\\)")
        .contains("! the destination has 2 folders with the \\Sent role ('INBOX.Sent',"
            + " 'INBOX.Sent Items'): source folder 'Sent' goes to 'INBOX.Sent'");
  }

  @Test
  void apply_roleMissingOnDestination_createdAndMarkedOnlyWhereTheServerOffersIt()
      throws Exception {
    // given: Dovecot 2.3 does not advertise CREATE-SPECIAL-USE (it ignores a USE parameter), so
    // the folder is created plainly and the run says it is not marked
    seed(dovecot.source(), "INBOX.[Gmail].Starred");
    Path plan = plan(dovecot.source(), dovecot.destination(), "");

    // when
    Cli.Run planned = mailshift("plan", plan.toString());
    Cli.Run applied = mailshift("apply", plan.toString(), "--no-progress");
    Cli.Run status = mailshift("status", plan.toString());

    // then
    assertThat(planned.out()).contains("+ create folder [Gmail]/Starred as \\Flagged")
        .contains("! the destination does not offer CREATE-SPECIAL-USE (RFC 6154):"
            + " [Gmail]/Starred (\\Flagged) will be created without the attribute");
    assertThat(applied.code()).as(applied.all()).isZero();
    assertThat(status.out()).contains("created [Gmail]/Starred; not marked \\Flagged: the"
        + " destination does not offer CREATE-SPECIAL-USE");
    try (ImapSession s = open(dovecot.destination())) {
      assertThat(s.info().has("CREATE-SPECIAL-USE")).isFalse();
      assertThat(s.listFolders()).filteredOn(f -> f.name().equals("[Gmail]/Starred"))
          .singleElement().satisfies(f -> assertThat(f.attributes()).doesNotContain("\\Flagged"));
    }
  }

  @Test
  void apply_subscriptionsCopy_subscribesWhatTheSourceSubscribed() throws Exception {
    assertThat(subscribedAfter("copy")).contains("Subscribed").doesNotContain("Unsubscribed");
  }

  @Test
  void apply_subscriptionsAll_subscribesEveryMigratedFolder() throws Exception {
    assertThat(subscribedAfter("all")).contains("Subscribed", "Unsubscribed");
  }

  @Test
  void apply_subscriptionsNone_subscribesNothing() throws Exception {
    assertThat(subscribedAfter("none")).doesNotContain("Subscribed", "Unsubscribed");
  }

  @Test
  void apply_subscriptionsCopyOfARenamedFolder_subscribesTheDestinationName() throws Exception {
    // given
    seed(dovecot.source(), "INBOX.Old Stuff");
    try (ImapSession s = open(dovecot.source())) {
      s.subscribe("INBOX.Old Stuff");
    }
    Path plan = plan(dovecot.source(), dovecot.destination(),
        "folders: { rename: [ { match: \"^Old Stuff$\", to: \"Archive Old\" } ] }");

    // when
    Cli.Run applied = mailshift("apply", plan.toString(), "--no-progress");

    // then
    assertThat(applied.code()).as(applied.all()).isZero();
    try (ImapSession s = open(dovecot.destination())) {
      assertThat(s.listFolders()).filteredOn(FolderInfo::subscribed).extracting(FolderInfo::name)
          .contains("Archive Old").doesNotContain("Old Stuff", "INBOX.Old Stuff");
    }
  }

  @Test
  void apply_subscriptionsNone_leavesTheDestinationsOwnSubscriptions() throws Exception {
    // given: the user already subscribed a folder on the new host
    try (ImapSession s = open(dovecot.destination())) {
      s.create("Mine");
      s.subscribe("Mine");
    }

    // when
    Set<String> subscribed = subscribedAfter("none");

    // then
    assertThat(subscribed).contains("Mine").doesNotContain("Subscribed", "Unsubscribed");
  }

  @Test
  void plan_sourceSubscribedToAFolderThatDoesNotExist_notesItOnceAndApplyGoesOn()
      throws Exception {
    // given: a subscribed folder deleted later; DELETE leaves the subscription (RFC 3501 6.3.4)
    seed(dovecot.source(), "INBOX.Real", "INBOX.Ghost");
    try (ImapSession s = open(dovecot.source())) {
      s.subscribe("INBOX.Real");
      s.subscribe("INBOX.Ghost");
    }
    try (RawImap raw = new RawImap("127.0.0.1", dovecot.source().plain().port(),
        dovecot.source().user(), "pw")) {
      raw.command("DELETE INBOX.Ghost"); // throws unless the answer is OK
      assertThat(raw.command("LSUB \"\" \"*\"")).contains("INBOX.Ghost");
    }
    Path plan = plan(dovecot.source(), dovecot.destination(), "");

    // when
    Cli.Run planned = mailshift("plan", plan.toString());
    Cli.Run json = mailshift("plan", plan.toString(), "--json");
    Cli.Run applied = mailshift("apply", plan.toString(), "--no-progress");

    // then
    String note = "source subscribed to INBOX.Ghost, which does not exist: not subscribed on the"
        + " destination";
    assertThat(planned.code()).as(planned.all()).isZero();
    assertThat(planned.out()).contains("  note: " + note + "\n");
    assertThat(planned.out().split(java.util.regex.Pattern.quote(note), -1)).hasSize(2);
    assertThat(planned.out()).doesNotContainPattern("!.*Ghost").doesNotContain("Ghost ->");
    assertThat(json.out()).contains("\"notes\" : [ \"" + note + "\" ]");
    assertThat(applied.code()).as(applied.all()).isZero();
    try (ImapSession s = open(dovecot.destination())) {
      assertThat(s.listFolders()).filteredOn(FolderInfo::subscribed).extracting(FolderInfo::name)
          .contains("Real").doesNotContain("Ghost");
    }
  }

  private Set<String> subscribedAfter(String policy) throws Exception {
    seed(dovecot.source(), "INBOX.Subscribed", "INBOX.Unsubscribed");
    try (ImapSession s = open(dovecot.source())) {
      s.subscribe("INBOX.Subscribed");
    }
    Path plan = plan(dovecot.source(), dovecot.destination(),
        "folders: { subscriptions: " + policy + " }");
    Cli.Run applied = mailshift("apply", plan.toString(), "--no-progress");
    assertThat(applied.code()).as(applied.all()).isZero();
    try (ImapSession s = open(dovecot.destination())) {
      assertThat(s.listFolders()).extracting(FolderInfo::name)
          .contains("Subscribed", "Unsubscribed");
      return s.listFolders().stream().filter(FolderInfo::subscribed).map(FolderInfo::name)
          .collect(Collectors.toSet());
    }
  }

  @Test
  void plan_twoSourceFoldersWithOneRole_exits3NamingBothAndCreatesNothing() throws Exception {
    // given
    seed(dovecot.source(), "INBOX.Sent", "INBOX.Gesendet");
    Path plan = plan(dovecot.source(), dovecot.destination(), "");
    Map<String, Long> before = counts(dovecot.destination());

    // when
    Cli.Run planned = mailshift("plan", plan.toString());
    Cli.Run applied = mailshift("apply", plan.toString(), "--no-progress");

    // then
    assertThat(planned.code()).isEqualTo(3);
    assertThat(planned.out()).contains("! CONFLICT: source folders 'INBOX.Gesendet'");
    assertThat(planned.err()).contains("'INBOX.Sent'", "'INBOX.Gesendet'",
        "destination folder 'Sent'", "two source folders with the \\Sent role", "merge: true");
    assertThat(applied.code()).isEqualTo(3);
    assertThat(counts(dovecot.destination())).isEqualTo(before);
  }

  @Test
  void apply_twoSourceFoldersWithOneRoleAndMerge_bothLandInSentMarkedAsMerged() throws Exception {
    // given
    seed(dovecot.source(), "INBOX.Sent", "INBOX.Gesendet");
    Path plan = plan(dovecot.source(), dovecot.destination(), "folders: { merge: true }");

    // when
    Cli.Run planned = mailshift("plan", plan.toString());
    Cli.Run applied = mailshift("apply", plan.toString(), "--no-progress");

    // then
    assertThat(planned.out()).contains("MERGED with INBOX.Gesendet");
    assertThat(applied.code()).as(applied.all()).isZero();
    assertThat(counts(dovecot.destination())).containsEntry("Sent", 2L);
    assertThat(mailshift("apply", plan.toString(), "--no-progress").out())
        .contains("0 message(s) copied");
  }

  @Test
  void apply_searchAndMaxAge_dovecotEvaluatesTheSearchAndStatusCountsTheRest() throws Exception {
    // given
    try (ImapSession s = open(dovecot.source())) {
      s.append("INBOX", TestMessage.of("X-Spam-Flag: YES\r\n" + new String(
          TestMessage.simple("pills", "<spam@x>").bytes())), Set.of(), RECENT);
      s.append("INBOX", TestMessage.simple("ancient", "<old@x>"), Set.of(),
          Instant.now().minus(4000, ChronoUnit.DAYS));
      s.append("INBOX", TestMessage.simple("wanted", "<ok@x>"), Set.of(), RECENT);
    }
    Path plan = plan(dovecot.source(), dovecot.destination(),
        "messages: { max-age: 10y, search: \"NOT HEADER X-Spam-Flag YES\" }");

    // when
    Cli.Run applied = mailshift("apply", plan.toString(), "--no-progress");
    Cli.Run status = mailshift("status", plan.toString());

    // then
    assertThat(applied.code()).as(applied.all()).isZero();
    assertThat(counts(dovecot.destination())).containsEntry("INBOX", 1L);
    assertThat(status.out()).containsPattern("older than messages.max-age: +1 message")
        .containsPattern("not matched by messages.search: +1 message");
  }

  @Test
  void applyTwice_maxSizeRaisedBetweenRuns_copiesTheOnceTooLargeMessageAndStatusDropsIt()
      throws Exception {
    // given: a first run left an 80 kB message out under max-size 50KB
    try (ImapSession s = open(dovecot.source())) {
      s.append("INBOX", TestMessage.withAttachment(80_000, 3), Set.of("\\Seen"), RECENT);
      s.append("INBOX", TestMessage.simple("small", "<small@x>"), Set.of("\\Seen"), RECENT);
    }
    Path plan = plan(dovecot.source(), dovecot.destination(), "messages: { max-size: 50KB }");
    Cli.Run first = mailshift("apply", plan.toString(), "--no-progress");
    Cli.Run plannedBefore = mailshift("plan", plan.toString());

    // when: the plan raises max-size; Dovecot's LIST-STATUS shows the folder unchanged
    plan = plan(dovecot.source(), dovecot.destination(), "messages: { max-size: 1MB }");
    Cli.Run plannedAfter = mailshift("plan", plan.toString());
    Cli.Run second = mailshift("apply", plan.toString(), "--no-progress");
    Cli.Run third = mailshift("apply", plan.toString(), "--no-progress");
    Cli.Run status = mailshift("status", plan.toString());

    // then
    assertThat(first.code()).as(first.all()).isZero();
    assertThat(first.out()).containsPattern("! not copied: " + dovecot.source().user()
        + ":INBOX uid 1, .*larger than messages.max-size");
    assertThat(plannedBefore.out()).as("a review after the first run still lists it")
        .containsPattern("! not copied: INBOX uid 1, .*larger than messages.max-size");
    assertThat(plannedAfter.out()).contains("~ sync INBOX -> INBOX: copy 1");
    assertThat(second.code()).as(second.all()).isZero();
    assertThat(second.out()).contains("1 message(s) copied");
    assertThat(third.out()).contains("0 message(s) copied");
    assertThat(counts(dovecot.destination())).containsEntry("INBOX", 2L);
    assertThat(status.out()).doesNotContain("not copied");
  }

  @Test
  void applyAgain_skippedMessageExpungedOnTheSource_planStatusAndApplyStopListingIt()
      throws Exception {
    // given: a first run left an 80 kB message out under max-size 50KB, then the user deleted it
    try (ImapSession s = open(dovecot.source())) {
      s.append("INBOX", TestMessage.withAttachment(80_000, 5), Set.of("\\Seen"), RECENT);
      s.append("INBOX", TestMessage.simple("small", "<small@x>"), Set.of("\\Seen"), RECENT);
    }
    Path plan = plan(dovecot.source(), dovecot.destination(), "messages: { max-size: 50KB }");
    Cli.Run first = mailshift("apply", plan.toString(), "--no-progress");
    try (RawImap raw = new RawImap("127.0.0.1", dovecot.source().plain().port(),
        dovecot.source().user(), "pw")) {
      raw.command("SELECT INBOX");
      raw.command("UID STORE 1 +FLAGS.SILENT (\\Deleted)");
      raw.command("EXPUNGE");
    }

    // when
    Cli.Run planned = mailshift("plan", plan.toString());
    Cli.Run statusBefore = mailshift("status", plan.toString());
    Cli.Run again = mailshift("apply", plan.toString(), "--no-progress");
    Cli.Run status = mailshift("status", plan.toString());

    // then
    assertThat(first.out()).contains("still not copied, from this run and earlier ones: 1");
    assertThat(planned.code()).as(planned.all()).isZero();
    assertThat(planned.out()).as("gone from the source, not 'not copied'")
        .doesNotContain("not copied because").contains("0 not copied.");
    assertThat(statusBefore.out()).as("until a sync learns of it").contains("not copied because");
    assertThat(again.code()).as(again.all()).isZero();
    assertThat(again.out()).doesNotContain("still not copied");
    assertThat(status.out()).doesNotContain("not copied");
    assertThat(counts(dovecot.destination())).containsEntry("INBOX", 1L);
  }

  @Test
  void plan_searchDovecotRejects_exits3NamingTheKey() throws Exception {
    seed(dovecot.source(), "INBOX");
    Path plan = plan(dovecot.source(), dovecot.destination(),
        "messages: { search: \"X-GM-RAW has:attachment\" }");

    Cli.Run planned = mailshift("plan", plan.toString());

    assertThat(planned.code()).as(planned.all()).isEqualTo(3);
    assertThat(planned.err()).contains("messages.search 'X-GM-RAW has:attachment'");
  }
}
