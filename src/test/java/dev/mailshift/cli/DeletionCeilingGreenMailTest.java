package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.mailshift.imap.Access;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.JakartaImapConnector;
import dev.mailshift.testsupport.Cli;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.PlanYaml;
import dev.mailshift.testsupport.RawImap;
import dev.mailshift.testsupport.TestMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code messages.deletion-ceiling} holds for a whole apply run, over every folder of every
 * account: the run counts its mirror-mode removals before changing anything and stops (exit 5,
 * nothing copied, nothing removed) when they exceed the ceiling. Black-box through the command
 * line against two GreenMail servers; the destination is read back with a raw IMAP client.
 */
class DeletionCeilingGreenMailTest {
  private static final Map<String, String> ENV = PlanYaml.env(GreenMailServers.PASSWORD,
      GreenMailServers.PASSWORD);
  private static final Instant DATE = Instant.parse("2021-04-05T06:07:08Z");
  private static final Pattern MESSAGE_ID = Pattern.compile("Message-ID: <([^>]+)>");

  @RegisterExtension
  static GreenMailExtension source = GreenMailServers.imapAndImaps();

  @RegisterExtension
  static GreenMailExtension destination = GreenMailServers.imapAndImaps();

  @TempDir Path dir;

  /** Source UIDs by Message-ID, to expunge some later. */
  private final Map<String, Long> uids = new LinkedHashMap<>();

  private static ImapSession session(GreenMailExtension server, String user) {
    return new JakartaImapConnector().connect(GreenMailServers.plain(server),
        user.equals("alice") ? GreenMailServers.alice() : GreenMailServers.bob(),
        Access.READ_WRITE);
  }

  /** Three messages in each folder, named by user, folder and number ("alice-INBOX-1@x"). */
  private void seed(String user, String... folders) {
    try (ImapSession s = session(source, user)) {
      for (String folder : folders) {
        if (!folder.equals("INBOX")) {
          s.create(folder);
        }
        for (int i = 1; i <= 3; i++) {
          add(s, user, folder, user + "-" + folder + "-" + i + "@x");
        }
      }
    }
  }

  private void add(ImapSession s, String user, String folder, String id) {
    OptionalLong uid = s.append(folder, TestMessage.simple(id, "<" + id + ">"), Set.of(), DATE);
    uids.put(user + "/" + id, uid.orElseThrow());
  }

  private void deliverToSource(String user, String folder, String id) {
    try (ImapSession s = session(source, user)) {
      add(s, user, folder, id);
    }
  }

  private void expungeOnSource(String user, String folder, String... ids) {
    try (ImapSession s = session(source, user)) {
      s.select(folder);
      List<Long> gone = new ArrayList<>();
      for (String id : ids) {
        gone.add(uids.get(user + "/" + id));
      }
      s.expunge(gone);
    }
  }

  private static List<String> destinationIds(String user, String folder) {
    try (RawImap imap = new RawImap("127.0.0.1", destination.getImap().getPort(), user,
        GreenMailServers.PASSWORD)) {
      return imap.examineAll(folder).stream().map(m -> {
        Matcher id = MESSAGE_ID.matcher(new String(m.body(), StandardCharsets.UTF_8));
        return id.find() ? id.group(1) : "?";
      }).sorted().toList();
    }
  }

  private Path plan(int ceiling, String... users) {
    PlanYaml plan = PlanYaml.plain("deletion-ceiling", source.getImap().getPort(),
        destination.getImap().getPort());
    for (String u : users) {
      plan.account(u);
    }
    return plan
        .extra("messages: { deletions: mirror, deletion-ceiling: " + ceiling + " }")
        .writeTo(dir);
  }

  private static Cli.Run apply(Path plan) {
    return Cli.mailshift(ENV, "apply", plan.toString(), "--no-progress");
  }

  private static List<String> ids(String user, String folder, int... numbers) {
    List<String> out = new ArrayList<>();
    for (int n : numbers) {
      out.add(user + "-" + folder + "-" + n + "@x");
    }
    return out;
  }

  @Test
  void apply_twoFoldersEachUnderTheCeilingTogetherOver_stopsBeforeChangingAnything()
      throws Exception {
    // given: everything copied once; then 2 + 2 expunged on the source (ceiling 3) and new mail
    seed("alice", "INBOX", "Projects");
    assertThat(apply(plan(3, "alice")).code()).isZero();
    expungeOnSource("alice", "INBOX", "alice-INBOX-1@x", "alice-INBOX-2@x");
    expungeOnSource("alice", "Projects", "alice-Projects-1@x", "alice-Projects-3@x");
    deliverToSource("alice", "INBOX", "late@x");

    // when
    Cli.Run run = apply(plan(3, "alice"));

    // then: exit 5 naming the total, the ceiling and each folder with its count; the destination
    // is exactly as before the run (nothing removed, and the new mail not copied either)
    assertThat(run.code()).as(run.all()).isEqualTo(5);
    assertThat(run.err()).contains("would remove 4 destination messages")
        .contains("messages.deletion-ceiling (3)").contains("nothing was changed")
        .contains("raise messages.deletion-ceiling to at least 4")
        .contains("alice: INBOX -> INBOX: 2 to remove")
        .contains("alice: Projects -> Projects: 2 to remove");
    assertThat(destinationIds("alice", "INBOX")).isEqualTo(ids("alice", "INBOX", 1, 2, 3));
    assertThat(destinationIds("alice", "Projects")).isEqualTo(ids("alice", "Projects", 1, 2, 3));
  }

  @Test
  void apply_twoAccountsEachUnderTheCeilingTogetherOver_stopsNamingBothAccounts()
      throws Exception {
    // given
    seed("alice", "INBOX");
    seed("bob", "INBOX");
    assertThat(apply(plan(3, "alice", "bob")).code()).isZero();
    expungeOnSource("alice", "INBOX", "alice-INBOX-1@x", "alice-INBOX-2@x");
    expungeOnSource("bob", "INBOX", "bob-INBOX-2@x", "bob-INBOX-3@x");

    // when
    Cli.Run run = apply(plan(3, "alice", "bob"));

    // then
    assertThat(run.code()).as(run.all()).isEqualTo(5);
    assertThat(run.err()).contains("would remove 4").contains("messages.deletion-ceiling (3)")
        .contains("alice: INBOX -> INBOX: 2 to remove").contains("bob: INBOX -> INBOX: 2 to remove");
    assertThat(destinationIds("alice", "INBOX")).isEqualTo(ids("alice", "INBOX", 1, 2, 3));
    assertThat(destinationIds("bob", "INBOX")).isEqualTo(ids("bob", "INBOX", 1, 2, 3));
  }

  @Test
  void apply_removalsUpToTheCeiling_removesExactlyTheExpungedCopies() throws Exception {
    // given: 2 + 2 expunged with a ceiling of exactly 4, a destination message mailshift did
    // not copy, and new mail on the source
    seed("alice", "INBOX", "Projects");
    assertThat(apply(plan(4, "alice")).code()).isZero();
    try (ImapSession d = session(destination, "alice")) {
      d.append("INBOX", TestMessage.simple("own", "<own@dest>"), Set.of(), DATE);
    }
    expungeOnSource("alice", "INBOX", "alice-INBOX-1@x", "alice-INBOX-2@x");
    expungeOnSource("alice", "Projects", "alice-Projects-1@x", "alice-Projects-3@x");
    deliverToSource("alice", "INBOX", "late@x");

    // when: with progress on, as an admin runs it
    Cli.Run run = Cli.mailshift(ENV, "apply", plan(4, "alice").toString());

    // then
    assertThat(run.code()).as(run.all()).isZero();
    assertThat(run.err()).as("the count before the first step is not a silent pause")
        .contains("mirror mode: counting what this run removes in 2 folder(s) before the first"
            + " step")
        .contains("mirror mode: 4 removal(s) counted in 2 folder(s)");
    assertThat(destinationIds("alice", "INBOX"))
        .containsExactly("alice-INBOX-3@x", "late@x", "own@dest");
    assertThat(destinationIds("alice", "Projects")).containsExactly("alice-Projects-2@x");
    assertThat(apply(plan(4, "alice")).code()).as("a re-run has nothing left to remove").isZero();
    assertThat(destinationIds("alice", "INBOX"))
        .containsExactly("alice-INBOX-3@x", "late@x", "own@dest");
  }

  @Test
  void apply_ceilingZero_copiesWhileNothingIsToBeRemovedAndStopsAtTheFirstRemoval()
      throws Exception {
    // given: the first run has nothing to remove
    seed("alice", "INBOX");
    Cli.Run first = apply(plan(0, "alice"));
    expungeOnSource("alice", "INBOX", "alice-INBOX-2@x");

    // when
    Cli.Run second = apply(plan(0, "alice"));

    // then
    assertThat(first.code()).as(first.all()).isZero();
    assertThat(second.code()).as(second.all()).isEqualTo(5);
    assertThat(second.err()).contains("would remove 1").contains("messages.deletion-ceiling (0)");
    assertThat(destinationIds("alice", "INBOX")).isEqualTo(ids("alice", "INBOX", 1, 2, 3));
  }

  @Test
  void plan_removalsOverTheCeiling_showsThemAndThatApplyWillStop() throws Exception {
    // given
    seed("alice", "INBOX", "Projects");
    assertThat(apply(plan(3, "alice")).code()).isZero();
    expungeOnSource("alice", "INBOX", "alice-INBOX-1@x", "alice-INBOX-2@x");
    expungeOnSource("alice", "Projects", "alice-Projects-1@x", "alice-Projects-3@x");

    // when
    Path plan = plan(3, "alice");
    Cli.Run run = Cli.mailshift(ENV, "plan", plan.toString());
    Cli.Run json = Cli.mailshift(ENV, "plan", plan.toString(), "--json");

    // then
    assertThat(run.code()).as(run.all()).isZero();
    assertThat(run.out()).contains("DELETE 2 expunged on the source").contains("4 deletion(s)")
        .contains("more than messages.deletion-ceiling (3): apply will stop");
    assertThat(json.out().replace(" ", "")).contains("\"deletionCeiling\":3")
        .contains("\"overDeletionCeiling\":true");
  }
}
