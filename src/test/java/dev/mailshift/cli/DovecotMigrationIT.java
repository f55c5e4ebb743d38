package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.imap.Access;
import dev.mailshift.imap.ImapEndpoint;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.JakartaImapConnector;
import dev.mailshift.testsupport.Cli;
import dev.mailshift.testsupport.Corpus;
import dev.mailshift.testsupport.DovecotPair;
import dev.mailshift.testsupport.FaultProxy;
import dev.mailshift.testsupport.FolderContents;
import dev.mailshift.testsupport.MailboxName;
import dev.mailshift.testsupport.RawImap;
import dev.mailshift.testsupport.TestMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole migration against two real Dovecot 2.3 servers (scripts/dovecot-pair.sh): a Maildir++
 * source ('.' separator, "INBOX." prefix) and a LAYOUT=fs destination ('/', SPECIAL-USE,
 * APPENDLIMIT), both with CONDSTORE/QRESYNC, over STARTTLS and IMAPS verified against the pair's
 * CA. Everything is read back with {@link RawImap}, which shares no code with mailshift. The
 * source's "Entwürfe" lands in the destination's \Drafts folder (special-use: auto).
 */
class DovecotMigrationIT {
  private static final Map<String, String> ENV = Map.of("SRC_PW", "pw", "DST_PW", "pw");

  @RegisterExtension
  static DovecotPair dovecot = new DovecotPair();

  @TempDir Path dir;

  /**
   * The full corpus (a 21 MB message, and one over the destination's APPENDLIMIT) migrated once;
   * the tests look at the outcome from different sides, the re-run last.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class HardCorpus {
    private DovecotPair.Accounts accounts;
    private Map<String, List<String>> expected;
    private Map<String, List<String>> sourceBefore;
    private Map<String, List<String>> sourceFlagsBefore;
    private long oversize;
    private Path plan;
    private Cli.Run planned;
    private Cli.Run applied;
    private Cli.Run status;

    @BeforeAll
    void migrateOnce(@TempDir Path planDir) throws IOException {
      // given
      accounts = dovecot.freshAccounts();
      Corpus corpus = Corpus.generate(21, 80, 21_500_000);
      try (ImapSession s = connect(accounts.source())) {
        corpus.seed(s);
        long limit = appendLimit(accounts.destination());
        TestMessage big = TestMessage.withAttachment((int) limit + 200_000, 77);
        oversize = big.size();
        s.append("INBOX", big, Set.of("\\Seen"), Instant.parse("2016-06-16T16:16:16Z"));
      }
      expected = FolderContents.expected(corpus);
      sourceBefore = sourceContents(accounts);
      sourceFlagsBefore = flagLines(accounts.source(), "INBOX.");
      plan = writePlan(planDir, tlsServer(accounts.source(), "imap"),
          tlsServer(accounts.destination(), "imaps"), accounts.source().user(), "");

      // when
      planned = Cli.mailshift(ENV, "plan", plan.toString(), "--phase", "migrate");
      applied = apply(plan, "migrate");
      status = Cli.mailshift(ENV, "status", plan.toString());
    }

    @Test
    @Order(1)
    void apply_hardCorpus_copiesEveryFolderByteExactWithKeywordsAndDates() {
      assertThat(planned.code()).as(planned.all()).isZero();
      assertThat(applied.code()).as(applied.all()).isZero();
      assertThat(destinationContents(accounts)).isEqualTo(expected);
      assertThat(FolderContents.count(expected)).isGreaterThan(90);
    }

    @Test
    @Order(2)
    void apply_nestedSourceFolder_landsUnderTheDestinationSeparator() {
      assertThat(planned.out()).contains("INBOX.Projekte.2024 -> Projekte/2024");
      try (RawImap imap = raw(accounts.destination())) {
        assertThat(names(imap.command("LIST \"\" \"*\""))).contains("Projekte/2024",
            MailboxName.encode(Corpus.EMOJI)).noneMatch(n -> n.startsWith("INBOX."));
      }
    }

    @Test
    @Order(3)
    void apply_copiesSubscriptions() {
      try (RawImap imap = raw(accounts.destination())) {
        Set<String> subscribed = names(imap.command("LSUB \"\" \"*\""));
        for (String f : List.of(Corpus.DRAFTS, Corpus.PROJECTS, Corpus.PROJECTS_2024,
            Corpus.FAIRY_TALES)) {
          assertThat(subscribed).contains(MailboxName.encode(Corpus.destinationName(f, "", '/')));
        }
        assertThat(subscribed).doesNotContain(MailboxName.encode(Corpus.EMOJI));
      }
    }

    @Test
    @Order(4)
    void planApplyAndStatus_listTheMessageOverTheAppendLimit() {
      String size = String.valueOf(oversize);
      assertThat(planned.out()).contains("APPENDLIMIT").contains(size);
      assertThat(applied.out()).contains("not copied").contains("APPENDLIMIT").contains(size)
          .contains("1 not copied");
      assertThat(status.out()).contains("not copied").contains("larger than the destination's APPENDLIMIT")
          .contains(size);
    }

    @Test
    @Order(5)
    void apply_leavesTheSourceUnchangedSeenFlagsIncluded() {
      assertThat(sourceContents(accounts)).isEqualTo(sourceBefore);
      assertThat(flagLines(accounts.source(), "INBOX.")).isEqualTo(sourceFlagsBefore);
      assertThat(sourceBefore.get(Corpus.INBOX)).hasSize(expected.get(Corpus.INBOX).size() + 1);
    }

    @Test
    @Order(6)
    void apply_again_copiesNothing() {
      Cli.Run again = apply(plan, "migrate");

      assertThat(again.code()).as(again.all()).isZero();
      assertThat(again.out()).contains("0 message(s) copied").contains(", 0 adopted");
      assertThat(destinationContents(accounts)).isEqualTo(expected);
    }
  }

  @Test
  void apply_noChangeSinceLastRun_fetchesNothingFromTheSourceAndAtMostTwoRoundTripsPerFolder()
      throws Exception {
    // given: a first apply through recording proxies, then the recordings cleared
    DovecotPair.Accounts a = seededSmall();
    try (FaultProxy source = FaultProxy.to("127.0.0.1", a.source().plain().port());
        FaultProxy destination = FaultProxy.to("127.0.0.1", a.destination().plain().port())) {
      Path plan = writePlan(dir, plainServer(source), plainServer(destination), a.source().user(),
          "");
      Cli.Run first = apply(plan, "delta");
      assertThat(first.code()).as(first.all()).isZero();
      source.clearCommands();
      destination.clearCommands();

      // when
      Cli.Run again = apply(plan, "delta");

      // then
      assertThat(again.code()).as(again.all()).isZero();
      List<String> perFolder = new ArrayList<>(perFolder(source.commands()));
      assertThat(perFolder).as("source commands").noneMatch(c -> c.matches(
          "(?i)(UID )?(FETCH|SEARCH|SELECT|EXAMINE|STORE).*"));
      perFolder.addAll(perFolder(destination.commands()));
      assertThat(perFolder).as("source and destination commands of an unchanged run")
          .hasSizeLessThanOrEqualTo(2 * Corpus.FOLDERS.size());
    }
  }

  @Test
  void apply_afterTheSourceFolderWasRecreatedWithANewUidValidity_adoptsByContentCopyingNothing() {
    // given
    DovecotPair.Accounts a = seededSmall();
    Path plan = tlsPlan(a);
    assertThat(apply(plan, "migrate").code()).isZero();
    String drafts = Corpus.serverName(Corpus.DRAFTS, "INBOX.", '.');
    long before = uidValidity(a.source(), drafts);
    try (RawImap imap = raw(a.source())) {
      imap.command("DELETE " + MailboxName.quoted(drafts));
    }
    Corpus corpus = smallCorpus();
    try (ImapSession s = connect(a.source())) {
      s.create(drafts);
      for (Corpus.Mail m : corpus.byFolder().get(Corpus.DRAFTS)) {
        s.append(drafts, TestMessage.of(m.bytes()), m.flags(), m.internalDate());
      }
    }

    // when
    Cli.Run again = apply(plan, "migrate");

    // then
    assertThat(uidValidity(a.source(), drafts)).isNotEqualTo(before);
    assertThat(again.code()).as(again.all()).isZero();
    assertThat(again.out()).contains("0 message(s) copied")
        .contains(", " + corpus.byFolder().get(Corpus.DRAFTS).size() + " adopted");
    assertThat(destinationContents(a)).isEqualTo(FolderContents.expected(corpus));
  }

  @Test
  void apply_afterTheStateFileWasDeleted_adoptsEverythingCopyingNothing() throws Exception {
    DovecotPair.Accounts a = seededSmall();
    Path plan = tlsPlan(a);
    assertThat(apply(plan, "migrate").code()).isZero();
    deleteRecursively(dir.resolve(".mailshift"));

    Cli.Run again = apply(plan, "migrate");

    assertThat(again.code()).as(again.all()).isZero();
    assertThat(again.out()).contains("0 message(s) copied")
        .contains(", " + smallCorpus().size() + " adopted");
    assertThat(destinationContents(a)).isEqualTo(FolderContents.expected(smallCorpus()));
  }

  @Test
  void apply_destinationAlreadyHoldingPartOfTheMail_copiesOnlyTheRest() {
    // given: every other message (one of the three duplicates, one of the shared-id pair...)
    // already on the destination, as an earlier tool would have left it
    DovecotPair.Accounts a = seededSmall();
    Corpus corpus = smallCorpus();
    int preseeded = 0;
    try (ImapSession d = connect(a.destination())) {
      for (Map.Entry<String, List<Corpus.Mail>> e : corpus.byFolder().entrySet()) {
        String folder = Corpus.destinationName(e.getKey(), "", '/');
        if (!e.getKey().equals(Corpus.INBOX)) {
          d.create(folder);
        }
        for (int i = 0; i < e.getValue().size(); i += 2) {
          Corpus.Mail m = e.getValue().get(i);
          d.append(folder, TestMessage.of(m.bytes()), m.flags(), m.internalDate());
          preseeded++;
        }
      }
    }

    // when
    Cli.Run run = apply(tlsPlan(a), "migrate");

    // then
    assertThat(run.code()).as(run.all()).isZero();
    assertThat(run.out()).contains((corpus.size() - preseeded) + " message(s) copied")
        .contains(", " + preseeded + " adopted");
    assertThat(destinationContents(a)).isEqualTo(FolderContents.expected(corpus));
  }

  @Test
  void apply_mirrorDeletions_removesFromTheDestinationWhatWasExpungedOnTheSource() {
    // given
    DovecotPair.Accounts a = seededSmall();
    Path plan = writePlan(dir, tlsServer(a.source(), "imap"), tlsServer(a.destination(), "imaps"),
        a.source().user(), "messages: { deletions: mirror, deletion-ceiling: 1 }\n");
    assertThat(apply(plan, "migrate").code()).isZero();
    expunge(a, 1);

    // when
    Cli.Run run = apply(plan, "migrate");

    // then
    assertThat(run.code()).as(run.all()).isZero();
    assertThat(destinationContents(a)).isEqualTo(sourceContents(a));
    assertThat(FolderContents.count(destinationContents(a))).isEqualTo(smallCorpus().size() - 1);
  }

  @Test
  void apply_mirrorDeletionsOverTheCeiling_stopsNamingTheCeilingAndRemovesNothing() {
    // given
    DovecotPair.Accounts a = seededSmall();
    Path plan = writePlan(dir, tlsServer(a.source(), "imap"), tlsServer(a.destination(), "imaps"),
        a.source().user(), "messages: { deletions: mirror, deletion-ceiling: 1 }\n");
    assertThat(apply(plan, "migrate").code()).isZero();
    Map<String, List<String>> copied = destinationContents(a);
    expunge(a, 2);

    // when
    Cli.Run run = apply(plan, "migrate");

    // then
    assertThat(run.code()).as(run.all()).isEqualTo(5);
    assertThat(run.err()).contains(a.source().user()).contains("INBOX")
        .contains("deletion-ceiling").contains("would remove 2");
    assertThat(destinationContents(a)).isEqualTo(copied);
  }

  // ---------------------------------------------------------------- helpers

  private static Corpus smallCorpus() {
    return Corpus.generate(5, 30, 0);
  }

  private DovecotPair.Accounts seededSmall() {
    DovecotPair.Accounts a = dovecot.freshAccounts();
    try (ImapSession s = connect(a.source())) {
      smallCorpus().seed(s);
    }
    return a;
  }

  private Path tlsPlan(DovecotPair.Accounts a) {
    return writePlan(dir, tlsServer(a.source(), "imap"), tlsServer(a.destination(), "imaps"),
        a.source().user(), "");
  }

  /** STARTTLS ("imap") or implicit TLS ("imaps"), verified against the pair's own CA. */
  private static String tlsServer(DovecotPair.Account account, String scheme) {
    ImapEndpoint e = scheme.equals("imaps") ? account.imaps() : account.starttls();
    return "{ imap: \"" + scheme + "://" + e.host() + ":" + e.port() + "\", ca-file: \""
        + account.caFile() + "\" }";
  }

  private static String plainServer(FaultProxy proxy) {
    return "{ imap: \"imap://127.0.0.1:" + proxy.port() + "\", plaintext: true }";
  }

  private static Path writePlan(Path planDir, String source, String destination, String user,
      String extra) {
    Path file = planDir.resolve("plan.yaml");
    try {
      Files.writeString(file, """
          mailshift: 1
          name: dovecot-it
          servers:
            old: %s
            new: %s
          accounts:
            defaults: { source-server: old, destination-server: new, source-password: "env:SRC_PW", destination-password: "env:DST_PW" }
            list:
              - source: %s
          phases:
            - { name: migrate, steps: [preflight, sync, validate] }
            - { name: delta, steps: [preflight, sync] }
          %s""".formatted(source, destination, user, extra));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return file;
  }

  private static Cli.Run apply(Path plan, String phase) {
    return Cli.mailshift(ENV, "apply", plan.toString(), "--phase", phase, "--no-progress");
  }

  /** Commands that cost a round trip per folder: all but login, listing and logout. */
  private static List<String> perFolder(List<String> commands) {
    Set<String> perSession = Set.of("CAPABILITY", "LOGIN", "AUTHENTICATE", "NAMESPACE", "LIST",
        "LSUB", "ENABLE", "ID", "LOGOUT");
    return commands.stream()
        .filter(c -> !perSession.contains(c.split(" ", 2)[0].toUpperCase(Locale.ROOT)))
        .toList();
  }

  /** Expunges {@code n} messages of the source INBOX that are not flagged \Deleted. */
  private static void expunge(DovecotPair.Accounts a, int n) {
    try (RawImap imap = raw(a.source())) {
      List<Long> uids = imap.examineAll("INBOX").stream()
          .filter(s -> !s.flags().contains("\\Deleted")).map(RawImap.Stored::uid).limit(n)
          .toList();
      imap.command("SELECT INBOX");
      for (long uid : uids) {
        imap.command("UID STORE " + uid + " +FLAGS.SILENT (\\Deleted)");
        imap.command("UID EXPUNGE " + uid);
      }
    }
  }

  /** The (encoded) names in LIST or LSUB responses, quotes removed. */
  private static Set<String> names(String listResponses) {
    Set<String> out = new java.util.HashSet<>();
    for (String line : listResponses.lines().toList()) {
      int sep = line.indexOf("\"/\" ");
      if (line.startsWith("* L") && sep > 0) {
        out.add(line.substring(sep + 4).replaceAll("^\"|\"$", ""));
      }
    }
    return out;
  }

  private static long uidValidity(DovecotPair.Account account, String folder) {
    try (RawImap imap = raw(account)) {
      String status = imap.command("STATUS " + MailboxName.quoted(folder) + " (UIDVALIDITY)");
      return Long.parseLong(status.replaceAll("(?s).*UIDVALIDITY (\\d+).*", "$1"));
    }
  }

  private static ImapSession connect(DovecotPair.Account account) {
    return new JakartaImapConnector().connect(account.plain(), account.credentials(),
        Access.READ_WRITE);
  }

  private static long appendLimit(DovecotPair.Account account) {
    try (ImapSession s = new JakartaImapConnector().connect(account.plain(),
        account.credentials(), Access.READ_ONLY)) {
      return s.info().appendLimit().orElseThrow();
    }
  }

  private static RawImap raw(DovecotPair.Account account) {
    return new RawImap("127.0.0.1", account.plain().port(), account.user(),
        account.password().reveal());
  }

  private static Map<String, List<String>> sourceContents(DovecotPair.Accounts a) {
    try (RawImap imap = raw(a.source())) {
      return FolderContents.read(imap, Corpus.FOLDERS, f -> Corpus.serverName(f, "INBOX.", '.'));
    }
  }

  private static Map<String, List<String>> destinationContents(DovecotPair.Accounts a) {
    try (RawImap imap = raw(a.destination())) {
      return FolderContents.read(imap, Corpus.FOLDERS, f -> Corpus.destinationName(f, "", '/'));
    }
  }

  /** Per folder, UID and FLAGS of every message, as the server sends them. */
  private static Map<String, List<String>> flagLines(DovecotPair.Account account, String prefix) {
    Map<String, List<String>> out = new TreeMap<>();
    try (RawImap imap = raw(account)) {
      for (String f : Corpus.FOLDERS) {
        out.put(f, imap.flagLines(MailboxName.encode(Corpus.serverName(f, prefix, '.'))));
      }
    }
    return out;
  }

  private static void deleteRecursively(Path path) throws IOException {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted((x, y) -> y.compareTo(x)).toList()) {
        Files.delete(p);
      }
    }
  }
}
