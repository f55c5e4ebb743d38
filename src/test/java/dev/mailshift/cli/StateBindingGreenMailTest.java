package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.state.BindingCheck;
import dev.mailshift.state.StateStore;
import dev.mailshift.testsupport.Cli;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.PlanYaml;
import dev.mailshift.testsupport.RawImap;
import dev.mailshift.testsupport.TestMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state beside a plan pointed at other mailboxes than it describes (rehearsed on one server,
 * then aimed at another; a corrected host; another destination user). The other destination's
 * folders are given the same UIDVALIDITYs the state recorded, as servers with time-based or
 * predictable UIDVALIDITYs do by themselves: only the recorded mailboxes can tell the state
 * apart from a finished sync. Black-box through the command line; destinations read back with
 * {@link RawImap}.
 */
class StateBindingGreenMailTest {
  private static final String USER = "alice@test.example";
  private static final String OTHER_USER = "other@test.example";
  private static final String PW = "pw-7a1c";
  private static final String[] FOLDERS = {"INBOX", "Projects"};

  @RegisterExtension
  static GreenMailExtension source = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @RegisterExtension
  static GreenMailExtension a = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @RegisterExtension
  static GreenMailExtension b = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @TempDir Path dir;
  private final Map<String, String> env = PlanYaml.env(PW, PW);

  @BeforeEach
  void setUp() {
    source.setUser(USER, USER, PW);
    a.setUser(USER, USER, PW);
    a.setUser(OTHER_USER, OTHER_USER, PW);
    b.setUser(USER, USER, PW);
    try (ImapSession s = session(source, USER)) {
      s.create("Projects");
      Instant date = Instant.parse("2019-03-04T05:06:07Z");
      s.append("INBOX", TestMessage.simple("one", "<1@x>"), Set.of("\\Seen"), date);
      s.append("INBOX", TestMessage.simple("two", "<2@x>"), Set.of("\\Flagged"), date);
      s.append("INBOX", TestMessage.simple("twin", "<twin@x>"), Set.of(), date);
      s.append("INBOX", TestMessage.simple("twin", "<twin@x>"), Set.of(), date);
      s.append("Projects", TestMessage.simple("p1", "<p1@x>"), Set.of("\\Seen"), date);
      s.append("Projects", TestMessage.simple("p2", "<p2@x>"), Set.of(), date);
    }
  }

  @Test
  void apply_stateOfAnotherDestinationWithEqualUidValidities_copiesEveryMessageOnce() {
    // given: migrated to A, then the same plan and state pointed at B
    migrateTo(a, USER);
    Path plan = planFor(b, USER);
    giveStateTheUidValiditiesOf(b, USER);

    // when
    Cli.Run run = Cli.mailshift(env, "apply", plan.toString(), "--no-progress");

    // then
    assertThat(run.code()).as(run.all()).isZero();
    assertThat(contents(b, USER)).isEqualTo(contents(source, USER));
    assertThat(run.out()).contains("state recorded for destination imap://127.0.0.1:"
        + a.getImap().getPort() + " (user " + USER + "); this plan's destination is"
        + " imap://127.0.0.1:" + b.getImap().getPort() + " (user " + USER + ")")
        .contains("set aside the earlier sync state (2 folder checkpoint(s), 6 message"
            + " mapping(s), 0 pending append(s))")
        .contains("6 message(s) copied");
  }

  @Test
  void apply_secondRunAfterRebinding_copiesAndAdoptsNothing() {
    // given
    migrateTo(a, USER);
    Path plan = planFor(b, USER);
    giveStateTheUidValiditiesOf(b, USER);
    assertThat(Cli.mailshift(env, "apply", plan.toString(), "--no-progress").code()).isZero();
    Map<String, List<String>> before = contents(b, USER);

    // when
    Cli.Run run = Cli.mailshift(env, "apply", plan.toString(), "--no-progress");

    // then
    assertThat(run.code()).as(run.all()).isZero();
    assertThat(run.out()).contains("0 message(s) copied").contains("0 adopted")
        .doesNotContain("set aside");
    assertThat(contents(b, USER)).isEqualTo(before);
  }

  @Test
  void apply_switchedBackToTheFirstDestination_copiesNothingAndMatchesByContent() {
    // given: A, then B, then A again
    migrateTo(a, USER);
    migrateTo(b, USER);
    Path plan = planFor(a, USER);

    // when
    Cli.Run run = Cli.mailshift(env, "apply", plan.toString(), "--no-progress");

    // then: every message of A found by its bytes, none copied twice
    assertThat(run.code()).as(run.all()).isZero();
    assertThat(run.out()).contains("0 message(s) copied").contains("6 adopted");
    assertThat(contents(a, USER)).isEqualTo(contents(source, USER));
  }

  @Test
  void apply_otherDestinationUserOnTheSameServer_copiesEveryMessageToThatUser() {
    // given
    migrateTo(a, USER);
    Map<String, List<String>> firstUser = contents(a, USER);
    Path plan = planFor(a, OTHER_USER);
    giveStateTheUidValiditiesOf(a, OTHER_USER);

    // when
    Cli.Run run = Cli.mailshift(env, "apply", plan.toString(), "--no-progress");

    // then
    assertThat(run.code()).as(run.all()).isZero();
    assertThat(run.out()).contains("(user " + USER + "); this plan's destination is imap://"
        + "127.0.0.1:" + a.getImap().getPort() + " (user " + OTHER_USER + ")");
    assertThat(contents(a, OTHER_USER)).isEqualTo(contents(source, USER));
    assertThat(contents(a, USER)).as("the first user's mailbox is untouched")
        .isEqualTo(firstUser);
  }

  @Test
  void apply_stateWrittenWithoutABinding_isMatchedByContentWithoutDuplicates() throws Exception {
    // given: a finished sync whose state does not say which servers it describes (schema 3)
    migrateTo(a, USER);
    Path plan = planFor(a, USER);
    sql("DELETE FROM account_binding");

    // when
    Cli.Run run = Cli.mailshift(env, "apply", plan.toString(), "--no-progress");

    // then
    assertThat(run.code()).as(run.all()).isZero();
    assertThat(run.out()).contains("state written without a record of its servers")
        .contains("0 message(s) copied").contains("6 adopted");
    assertThat(contents(a, USER)).isEqualTo(contents(source, USER));
  }

  @Test
  void plan_stateOfAnotherDestination_warnsCountsEveryMessageAndChangesNoState() {
    // given
    migrateTo(a, USER);
    Path plan = planFor(b, USER);
    giveStateTheUidValiditiesOf(b, USER);

    // when
    Cli.Run text = Cli.mailshift(env, "plan", plan.toString());
    Cli.Run json = Cli.mailshift(env, "plan", plan.toString(), "--json");

    // then
    assertThat(text.code()).as(text.all()).isZero();
    assertThat(text.out()).contains("! state recorded for destination imap://127.0.0.1:"
        + a.getImap().getPort() + " (user " + USER + "); this plan's destination is imap://"
        + "127.0.0.1:" + b.getImap().getPort() + " (user " + USER + "): earlier sync state will"
        + " not be used; messages already there are matched by content")
        .contains("6 message(s) to copy");
    assertThat(json.code()).as(json.all()).isZero();
    assertThat(json.out()).contains("\"usable\" : false").contains("\"check\" : \"CHANGED\"");
    try (StateStore state = StateStore.open(stateFile())) {
      assertThat(state.bindings().recorded(USER).orElseThrow().destination().port())
          .isEqualTo(a.getImap().getPort());
      assertThat(state.sync().checkpoints(USER)).hasSize(2);
    }
  }

  @Test
  void status_showsTheMailboxesTheStateIsBoundToAndWhenThePlanNamesOthers() {
    // given
    migrateTo(a, USER);
    String bound = "imap://127.0.0.1:" + source.getImap().getPort() + " (user " + USER
        + ") -> imap://127.0.0.1:" + a.getImap().getPort() + " (user " + USER + ")";

    // when
    Cli.Run same = Cli.mailshift(env, "status", planFor(a, USER).toString());
    Cli.Run other = Cli.mailshift(env, "status", planFor(b, USER).toString());
    Cli.Run json = Cli.mailshift(env, "status", planFor(b, USER).toString(), "--json");

    // then
    assertThat(same.code()).as(same.all()).isZero();
    assertThat(same.out()).contains("state bound to (source -> destination):")
        .contains("    " + USER + ": " + bound);
    assertThat(other.out()).contains("  ! " + USER + ": " + bound + "\n      state recorded"
        + " for destination");
    assertThat(json.out()).contains("\"bindings\"").contains("\"check\" : \"CHANGED\"");
  }

  @Test
  void apply_savedPlanMadeForAnotherDestinationUser_isRefusedAsStale() throws Exception {
    // given: accounts from a CSV, so the plan file stays the same when a user changes
    Path plan = plan(a).accountKeys("csv: accounts.csv").writeTo(dir);
    Files.writeString(dir.resolve("accounts.csv"), "source,destination\n" + USER + "," + USER
        + "\n");
    Path saved = dir.resolve("saved.json");
    Cli.Run planned = Cli.mailshift(env, "plan", plan.toString(), "--out", saved.toString());
    assertThat(planned.code()).as(planned.all()).isZero();
    Files.writeString(dir.resolve("accounts.csv"), "source,destination\n" + USER + ","
        + OTHER_USER + "\n");

    // when
    Cli.Run run = Cli.mailshift(env, "apply", plan.toString(), "--plan-file", saved.toString(),
        "--no-progress");

    // then
    assertThat(run.code()).as(run.all()).isEqualTo(9);
    assertThat(run.err()).contains(USER + ": the saved plan was made for source")
        .contains("(user " + OTHER_USER + ")").contains("nothing was changed");
    try (RawImap imap = new RawImap("127.0.0.1", a.getImap().getPort(), OTHER_USER, PW)) {
      assertThat(imap.command("LIST \"\" \"*\"")).doesNotContain("Projects");
    }
  }

  /** Writes the plan for {@code destination} and {@code user} and applies it. */
  private void migrateTo(GreenMailExtension destination, String user) {
    Cli.Run run = Cli.mailshift(env, "apply", planFor(destination, user).toString(),
        "--no-progress");
    assertThat(run.code()).as(run.all()).isZero();
    assertThat(contents(destination, user)).isEqualTo(contents(source, USER));
  }

  private Path planFor(GreenMailExtension destination, String user) {
    return plan(destination).account(USER, user).writeTo(dir);
  }

  private static PlanYaml plan(GreenMailExtension destination) {
    return PlanYaml.plain("binding-test", source.getImap().getPort(),
        destination.getImap().getPort());
  }

  private Path stateFile() {
    return dir.resolve(".mailshift/state.db");
  }

  /**
   * Creates the folders on {@code server} for {@code user} and rewrites the state's destination
   * UIDVALIDITYs to theirs: the state then passes every folder check on that mailbox.
   */
  private void giveStateTheUidValiditiesOf(GreenMailExtension server, String user) {
    try (ImapSession s = session(server, user)) {
      for (String folder : FOLDERS) {
        if (!folder.equals("INBOX")) {
          s.create(folder);
        }
        long uidValidity = s.status(folder).uidValidity();
        sql("UPDATE folder_checkpoint SET destination_uidvalidity = ? WHERE"
            + " destination_folder = ?", uidValidity, folder);
        sql("UPDATE uid_map SET destination_uidvalidity = ? WHERE destination_folder = ?",
            uidValidity, folder);
      }
    }
  }

  private void sql(String statement, Object... args) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stateFile());
        PreparedStatement p = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      p.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ImapSession session(GreenMailExtension server, String user) {
    return GreenMailServers.session(server, user, PW);
  }

  private static Map<String, List<String>> contents(GreenMailExtension server, String user) {
    try (RawImap imap = new RawImap("127.0.0.1", server.getImap().getPort(), user, PW)) {
      Map<String, List<String>> out = new TreeMap<>();
      for (String f : FOLDERS) {
        out.put(f, imap.examineAll(f).stream().map(RawImap.Stored::fingerprint).sorted()
            .toList());
      }
      return out;
    }
  }
}
