package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailshift.testsupport.FakeGmailServer;
import dev.mailshift.testsupport.FakeGmailServer.Mail;
import dev.mailshift.testsupport.RawImap;
import dev.mailshift.testsupport.TestMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three Gmail label policies through the command line: a scripted fake Gmail source
 * (X-GM-EXT-1, see {@link FakeGmailServer}) and a GreenMail destination. Seven messages carry
 * fifteen label-folder entries: INBOX (1, 2), Work (2, 3), "Rechnungen Müller" (3), Sent (4),
 * Starred (2), Important (1), All Mail (1-5), Spam (7), Trash (6).
 *
 * <p>What this proves: what mailshift asks a Gmail-like server and how it reads X-GM-MSGID and
 * X-GM-LABELS, how each policy maps and copies, and that the source is only read. What it does
 * not prove: that real Gmail answers this way (no Gmail account is reachable from the tests).
 */
class GmailLabelsTest {
  private static final String USER = "carol@gmail.example";
  private static final Instant DATE = Instant.parse("2025-06-01T09:00:00Z");

  @RegisterExtension
  static GreenMailExtension destination = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @TempDir Path dir;
  private FakeGmailServer gmail;

  @BeforeEach
  void setUp() throws Exception {
    destination.setUser(USER, USER, "d");
    gmail = gmailAccount(false);
  }

  @AfterEach
  void tearDown() throws Exception {
    gmail.close();
  }

  static FakeGmailServer gmailAccount(boolean xlistOnly) throws Exception {
    FakeGmailServer g = new FakeGmailServer(USER, "s", xlistOnly);
    g.folder("INBOX");
    g.folder("Rechnungen Müller", "\\HasNoChildren");
    g.folder("Work", "\\HasNoChildren");
    g.folder("[Gmail]", "\\Noselect", "\\HasChildren");
    g.folder("[Gmail]/All Mail", "\\All", "\\HasNoChildren");
    g.folder("[Gmail]/Important", "\\Important", "\\HasNoChildren");
    g.folder("[Gmail]/Sent Mail", "\\Sent", "\\HasNoChildren");
    g.folder("[Gmail]/Spam", "\\Junk", "\\HasNoChildren");
    g.folder("[Gmail]/Starred", "\\Flagged", "\\HasNoChildren");
    g.folder("[Gmail]/Trash", "\\Trash", "\\HasNoChildren");
    g.deliver(mail(1, Set.of(), "\\Inbox", "\\Important"), "INBOX", "[Gmail]/Important",
        "[Gmail]/All Mail");
    g.deliver(mail(2, Set.of("\\Flagged"), "\\Inbox", "Work", "\\Starred"), "INBOX", "Work",
        "[Gmail]/Starred", "[Gmail]/All Mail");
    g.deliver(mail(3, Set.of("\\Seen"), "Work", "Rechnungen Müller"), "Work",
        "Rechnungen Müller", "[Gmail]/All Mail");
    g.deliver(mail(4, Set.of("\\Seen"), "\\Sent"), "[Gmail]/Sent Mail", "[Gmail]/All Mail");
    g.deliver(mail(5, Set.of("\\Seen")), "[Gmail]/All Mail");
    g.deliver(mail(6, Set.of("\\Seen")), "[Gmail]/Trash");
    g.deliver(mail(7, Set.of()), "[Gmail]/Spam");
    return g;
  }

  private static Mail mail(int n, Set<String> flags, String... labels) {
    return new Mail(9_000_000_000L + n, TestMessage.simple("message " + n, "<m" + n + "@gmail>")
        .bytes(), flags, DATE.plusSeconds(n), Set.of(labels));
  }

  private Path plan(String policy) throws Exception {
    Path file = dir.resolve("plan.yaml");
    Files.writeString(file, """
        mailshift: 1
        name: gmail-test
        servers:
          gmail: { imap: "imap://127.0.0.1:%d", plaintext: true }
          new: { imap: "imap://127.0.0.1:%d", plaintext: true }
        accounts:
          defaults: { source-server: gmail, destination-server: new, source-password: "env:SRC_PW", destination-password: "env:DST_PW" }
          list:
            - source: %s
        folders: { gmail-labels: %s, reserved-names: [] }
        """.formatted(gmail.port(), destination.getImap().getPort(), USER, policy));
    return file;
  }

  private record Run(int code, String out, String err) {}

  private Run mailshift(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err),
        Map.of("SRC_PW", "s", "DST_PW", "d"), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Destination folder to the subjects in it, each with its flags. */
  private static Map<String, List<String>> destinationContents() {
    try (RawImap imap = new RawImap("127.0.0.1", destination.getImap().getPort(), USER, "d")) {
      Map<String, List<String>> out = new TreeMap<>();
      for (String line : imap.command("LIST \"\" \"*\"").split("\r?\n")) {
        if (!line.startsWith("* LIST") || line.contains("\\Noselect")) {
          continue;
        }
        String name = line.replaceAll(".*\"\\.\" \"?([^\"]*)\"?$", "$1");
        List<String> subjects = imap.examineAll(name).stream()
            .map(m -> new String(m.body()).replaceAll("(?s).*Subject: message ([0-9]+).*", "$1")
                + new java.util.TreeSet<>(m.flags()))
            .sorted().toList();
        if (!subjects.isEmpty()) {
          out.put(name, subjects);
        }
      }
      return out;
    }
  }

  private static int total(Map<String, List<String>> contents) {
    return contents.values().stream().mapToInt(List::size).sum();
  }

  @Test
  void planAndApply_foldersPolicy_oneCopyPerLabelAndTheComparisonLine() throws Exception {
    // when
    Run planned = mailshift("plan", plan("folders").toString());
    Run applied = mailshift("apply", plan("folders").toString(), "--no-progress");

    // then
    assertThat(planned.code()).as(planned.err()).isZero();
    assertThat(planned.out()).contains("Gmail labels: folders.gmail-labels: folders copies 15"
        + " message(s) (one copy per label), all-mail 7 (labels as keywords), skip-duplicates"
        + " about 7 (each message once); this plan: folders");
    assertThat(applied.code()).as(applied.err()).isZero();
    assertThat(total(destinationContents())).isEqualTo(15);
    assertThat(gmail.unexpected()).as("the source was only read").isEmpty();
  }

  @Test
  void planJson_skipDuplicates_theThreeCountsAsNumbers() throws Exception {
    // when
    Run planned = mailshift("plan", plan("skip-duplicates").toString(), "--json");

    // then
    assertThat(planned.code()).as(planned.err()).isZero();
    JsonNode counts = JsonMapper.builder().build().readTree(planned.out())
        .get("accounts").get(0).get("gmailLabelCounts");
    assertThat(counts.get("policy").asString()).isEqualTo("skip-duplicates");
    assertThat(counts.get("folders").asLong()).isEqualTo(15);
    assertThat(counts.get("allMail").asLong()).isEqualTo(7);
    assertThat(counts.get("skipDuplicates").asLong()).isEqualTo(7);
    assertThat(counts.get("skipDuplicatesExact").asBoolean()).isTrue();
  }

  @Test
  void apply_allMail_onlyAllMailSpamAndTrashLabelsBecomeKeywords() throws Exception {
    // when
    Path plan = plan("all-mail");
    Run planned = mailshift("plan", plan.toString());
    Run applied = mailshift("apply", plan.toString(), "--no-progress");
    Run again = mailshift("apply", plan.toString(), "--no-progress");

    // then
    assertThat(planned.out()).containsPattern("INBOX +not migrated: a Gmail label")
        .containsPattern("Work +not migrated: a Gmail label")
        .contains("this plan: all-mail");
    assertThat(applied.code()).as(applied.err() + applied.out()).isZero();
    Map<String, List<String>> contents = destinationContents();
    assertThat(contents.get("[Gmail].All Mail")).containsExactly(
        "1[$Important, $Inbox]",
        "2[$Inbox, Work, \\Flagged]",
        "3[Rechnungen_M&APw-ller, Work, \\Seen]",
        "4[$Sent, \\Seen]",
        "5[\\Seen]");
    assertThat(total(contents)).isEqualTo(7);
    assertThat(contents).doesNotContainKey("INBOX");
    assertThat(again.out()).contains("0 message(s) copied").contains("0 flag update(s)");
    assertThat(gmail.commands()).anyMatch(c -> c.contains("X-GM-LABELS"));
    assertThat(gmail.unexpected()).isEmpty();
  }

  @Test
  void apply_skipDuplicates_eachMessageOnceInItsFirstFolder() throws Exception {
    // when
    Path plan = plan("skip-duplicates");
    Run planned = mailshift("plan", plan.toString());
    Run applied = mailshift("apply", plan.toString(), "--no-progress");
    Run again = mailshift("apply", plan.toString(), "--no-progress");
    Run status = mailshift("status", plan.toString());

    // then
    assertThat(planned.out()).contains("skip-duplicates 7 (each message once); this plan:"
        + " skip-duplicates")
        .containsPattern("Gmail duplicate, copied into another label's folder: +8 message");
    assertThat(applied.code()).as(applied.err() + applied.out()).isZero();
    Map<String, List<String>> contents = destinationContents();
    // labels by name: message 3 (Work, Rechnungen Müller) lands in Rechnungen Müller
    assertThat(contents).containsOnlyKeys("INBOX", "Rechnungen M&APw-ller",
        "[Gmail].Sent Mail", "[Gmail].All Mail", "[Gmail].Spam", "[Gmail].Trash");
    assertThat(contents.get("INBOX")).containsExactly("1[]", "2[\\Flagged]");
    assertThat(contents.get("Rechnungen M&APw-ller")).containsExactly("3[\\Seen]");
    assertThat(contents.get("[Gmail].All Mail")).containsExactly("5[\\Seen]");
    assertThat(total(contents)).isEqualTo(7);
    assertThat(again.out()).contains("0 message(s) copied");
    assertThat(status.out()).containsPattern("Gmail duplicate, copied into another label's"
        + " folder: +8 message");
    assertThat(gmail.commands()).anyMatch(c -> c.contains("X-GM-MSGID"));
    assertThat(gmail.unexpected()).isEmpty();
  }

  @Test
  void plan_xlistOnlyServer_findsAllMailAndTheLocalizedInboxByXlist() throws Exception {
    // given: a Gmail of before RFC 6154: XLIST, no SPECIAL-USE, the inbox as "Posteingang"
    gmail.close();
    gmail = gmailAccount(true);

    // when
    Run planned = mailshift("plan", plan("all-mail").toString());

    // then
    assertThat(planned.code()).as(planned.err()).isZero();
    assertThat(planned.out()).contains("[Gmail]/All Mail  -> [Gmail].All Mail  (special-use \\All")
        .containsPattern("INBOX +not migrated: a Gmail label")
        .doesNotContain("Posteingang");
    assertThat(gmail.commands()).anyMatch(c -> c.contains("XLIST \"\" \"*\""));
  }
}
