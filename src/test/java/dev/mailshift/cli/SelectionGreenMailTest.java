package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.testsupport.Cli;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.PlanYaml;
import dev.mailshift.testsupport.RawImap;
import dev.mailshift.testsupport.TestMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Message selection through the command line on two GreenMail servers: plan, apply and status
 * show the categorised "not copied because" summary, oversized mail one by one, and the
 * destination holds exactly the selected messages. Ages are relative to the real clock, so the
 * seeded dates are too.
 */
class SelectionGreenMailTest {
  private static final String USER = "carol@test.example";
  private static final Instant NOW = Instant.now();

  @RegisterExtension
  static GreenMailExtension source = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @RegisterExtension
  static GreenMailExtension destination = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @TempDir Path dir;

  @BeforeEach
  void setUp() {
    source.setUser(USER, USER, "s");
    destination.setUser(USER, USER, "d");
    try (ImapSession s = session(source, "s")) {
      s.append("INBOX", TestMessage.simple("ancient", "<old@x>"), Set.of("\\Seen"),
          NOW.minus(3000, ChronoUnit.DAYS));
      s.append("INBOX", TestMessage.of("X-Spam-Flag: YES\r\n" + new String(
          TestMessage.simple("pills", "<spam@x>").bytes())), Set.of(), NOW.minus(3, ChronoUnit.DAYS));
      s.append("INBOX", TestMessage.withAttachment(30_000, 7), Set.of(), NOW.minus(2, ChronoUnit.DAYS));
      s.append("INBOX", TestMessage.simple("wanted", "<ok@x>"), Set.of(), NOW.minus(1, ChronoUnit.DAYS));
    }
  }

  private static ImapSession session(GreenMailExtension server, String password) {
    return GreenMailServers.session(server, USER, password);
  }

  private Path plan(String messages) {
    return PlanYaml.plain("selection-test", source.getImap().getPort(),
            destination.getImap().getPort())
        .account(USER)
        .extra("messages: " + messages)
        .writeTo(dir);
  }

  private static Cli.Run mailshift(String... args) {
    return Cli.mailshift(PlanYaml.env("s", "d"), args);
  }

  private static List<String> subjects(GreenMailExtension server, String password) {
    try (RawImap imap = new RawImap("127.0.0.1", server.getImap().getPort(), USER, password)) {
      return imap.examineAll("INBOX").stream().map(m -> new String(m.body()))
          .map(b -> b.replaceAll("(?s).*Subject: ([^\r]*).*", "$1")).sorted().toList();
    }
  }

  @Test
  void planApplyStatus_selection_showTheCategorisedSummaryAndCopyOnlyTheSelected() throws Exception {
    // given
    Path plan = plan("{ max-age: 5y, max-size: 20KB, search: \"NOT HEADER X-Spam-Flag YES\" }");

    // when
    Cli.Run planned = mailshift("plan", plan.toString());
    Cli.Run applied = mailshift("apply", plan.toString(), "--no-progress");
    Cli.Run status = mailshift("status", plan.toString());

    // then
    assertThat(planned.code()).as(planned.err()).isZero();
    assertThat(planned.out()).contains("not copied because:")
        .containsPattern("older than messages.max-age: +1 message\\(s\\)")
        .containsPattern("not matched by messages.search: +1 message\\(s\\)")
        .containsPattern("larger than messages.max-size: +1 message\\(s\\), [0-9.]+ kB, listed below")
        .containsPattern("! not copied: INBOX uid 3, [0-9.]+ kB, .*larger than messages.max-size");
    assertThat(applied.code()).as(applied.err()).isZero();
    assertThat(applied.out()).contains("not copied because:")
        .contains("! not copied: " + USER + ":INBOX uid 3");
    assertThat(status.out()).contains("not copied because:")
        .containsPattern("not matched by messages.search: +1 message\\(s\\)")
        .contains("! not copied: " + USER + ":INBOX uid 3");
    assertThat(subjects(destination, "d")).containsExactly("wanted");
  }

  @Test
  void plan_afterAnApply_stillListsWhatStaysNotCopied() throws Exception {
    // given: a first apply left three messages out, one of them too large
    Path plan = plan("{ max-age: 5y, max-size: 20KB, search: \"NOT HEADER X-Spam-Flag YES\" }");
    assertThat(mailshift("apply", plan.toString(), "--no-progress").code()).isZero();

    // when: the review before the next run
    Cli.Run planned = mailshift("plan", plan.toString());

    // then: the same summary as status, not "0 not copied"
    assertThat(planned.code()).as(planned.err()).isZero();
    assertThat(planned.out())
        .containsPattern("older than messages.max-age: +1 message\\(s\\)")
        .containsPattern("not matched by messages.search: +1 message\\(s\\)")
        .containsPattern("! not copied: INBOX uid 3, [0-9.]+ kB, .*larger than messages.max-size")
        .contains("3 not copied.");
  }

  @Test
  void applyAgain_earlierRunsLeftMessagesOut_saysHowManyAreStillNotCopiedAndPointsToStatus()
      throws Exception {
    // given: a first apply left three messages out
    Path plan = plan("{ max-age: 5y, max-size: 20KB, search: \"NOT HEADER X-Spam-Flag YES\" }");
    Cli.Run first = mailshift("apply", plan.toString(), "--no-progress");

    // when: nothing changed since
    Cli.Run again = mailshift("apply", plan.toString(), "--no-progress");
    Cli.Run json = mailshift("apply", plan.toString(), "--no-progress", "--json");

    // then: this run decided nothing anew, but three messages are still missing
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).containsPattern("still not copied, from this run and earlier ones:"
        + " 3 message\\(s\\), [0-9.]+ kB \\(`mailshift status` lists them\\)");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("0 not copied.").doesNotContain("not copied because")
        .containsPattern("still not copied, from this run and earlier ones: 3 message\\(s\\)");
    assertThat(json.out()).containsPattern("\"stillNotCopied\"\\s*:\\s*\\{\\s*\"messages\"\\s*:\\s*3,");
  }

  @Test
  void apply_nothingLeftOut_saysNothingAboutNotCopiedMail() throws Exception {
    Path plan = plan("{ max-size: 1MB }");

    Cli.Run applied = mailshift("apply", plan.toString(), "--no-progress");

    assertThat(applied.code()).as(applied.err()).isZero();
    assertThat(applied.out()).contains("0 not copied.").doesNotContain("still not copied");
  }

  @Test
  void plan_folderNotYetOnTheDestinationWithOnlyAnOversizedMessage_saysNothingToCopyNotUpToDate()
      throws Exception {
    // given
    try (ImapSession s = session(source, "s")) {
      s.create("Big");
      s.append("Big", TestMessage.withAttachment(30_000, 11), Set.of(), NOW.minus(2, ChronoUnit.DAYS));
    }
    Path plan = plan("{ max-size: 20KB }");

    // when
    Cli.Run planned = mailshift("plan", plan.toString());

    // then
    assertThat(planned.code()).as(planned.err()).isZero();
    assertThat(planned.out()).contains("  + create folder Big\n")
        .contains("  = sync Big -> Big: nothing to copy (1 not copied, see below)\n")
        .doesNotContain("Big -> Big: up to date")
        .containsPattern("! not copied: Big uid 1, [0-9.]+ kB, .*larger than messages.max-size");
  }

  @Test
  void plan_searchTheSourceCannotParse_exits3NamingTheKey() throws Exception {
    // given: valid syntax for validate, but GreenMail does not know the key
    Path plan = plan("{ search: \"X-GM-RAW has:attachment\" }");

    // when
    Cli.Run run = mailshift("plan", plan.toString());

    // then
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(3);
    assertThat(run.err()).contains("messages.search").contains("X-GM-RAW");
    try (RawImap imap = new RawImap("127.0.0.1", destination.getImap().getPort(), USER, "d")) {
      assertThat(imap.examineAll("INBOX")).isEmpty();
    }
  }

  @Test
  void validate_searchWithBadSyntax_exits3AtTheLine() throws Exception {
    Path plan = plan("{ search: \"NOT (SEEN\" }");

    Cli.Run run = mailshift("validate", plan.toString());

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err() + run.out()).contains("plan.yaml:10:").contains("messages.search");
  }
}
