package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.state.StateStore;
import dev.mailshift.testsupport.Cli;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.PlanYaml;
import dev.mailshift.testsupport.RawImap;
import dev.mailshift.testsupport.TestMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline through the command line, black-box: two GreenMail servers, a plan file,
 * `mailshift apply`, then the destination read back with a raw IMAP client that shares no code
 * with mailshift.
 */
class MigrationGreenMailTest {
  private static final String USER = "alice@test.example";
  private static final String SOURCE_PW = "CANARY-source-8f3d1a";
  private static final String DESTINATION_PW = "CANARY-destination-77c2e9";

  @RegisterExtension
  static GreenMailExtension source = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @RegisterExtension
  static GreenMailExtension destination = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @TempDir Path dir;
  private Path plan;
  private final Map<String, String> env = PlanYaml.env(SOURCE_PW, DESTINATION_PW);

  @BeforeEach
  void setUp() throws Exception {
    source.setUser(USER, USER, SOURCE_PW);
    destination.setUser(USER, USER, DESTINATION_PW);
    seed();
    plan = writePlan();
  }

  private void seed() {
    try (ImapSession s = session(source, SOURCE_PW)) {
      s.create("Projects");
      s.create("Projects.2024");
      s.create("Entwürfe");
      s.subscribe("Projects");
      Instant old = Instant.parse("2014-05-06T07:08:09Z");
      s.append("INBOX", TestMessage.simple("one", "<1@x>"), Set.of("\\Seen"), old);
      s.append("INBOX", TestMessage.simple("two", "<2@x>"), Set.of("\\Flagged", "$Label1"), old.plusSeconds(86400));
      s.append("INBOX", TestMessage.simple("dup", "<dup@x>"), Set.of(), old);
      s.append("INBOX", TestMessage.simple("dup", "<dup@x>"), Set.of(), old);
      s.append("INBOX", TestMessage.withAttachment(2_000_000, 42), Set.of("\\Seen", "\\Answered"), old);
      s.append("INBOX", TestMessage.of("Subject: no id\r\n\r\nno message-id here\r\n"), Set.of(), old);
      s.append("Projects", TestMessage.simple("p", "<p@x>"), Set.of("\\Seen"), old);
      s.append("Projects.2024", TestMessage.simple("p24", "<p24@x>"), Set.of(), old);
      s.append("Entwürfe", TestMessage.simple("draft", "<d@x>"), Set.of("\\Draft"), old);
    }
  }

  private static ImapSession session(GreenMailExtension server, String password) {
    return GreenMailServers.session(server, USER, password);
  }

  private Path writePlan() {
    return PlanYaml.plain("greenmail-test", source.getImap().getPort(),
            destination.getImap().getPort())
        .account(USER)
        .writeTo(dir);
  }

  private Cli.Run mailshift(String... args) {
    return Cli.mailshift(env, args);
  }

  private static Map<String, List<String>> contents(GreenMailExtension server, String password, String... folders) {
    try (RawImap imap = new RawImap("127.0.0.1", server.getImap().getPort(), USER, password)) {
      Map<String, List<String>> out = new TreeMap<>();
      for (String f : folders) {
        out.put(f, imap.examineAll(f).stream().map(RawImap.Stored::fingerprint).sorted().toList());
      }
      return out;
    }
  }

  private static final String[] FOLDERS = {"INBOX", "Projects", "Projects.2024", "Entw&APw-rfe"};

  @Test
  void apply_freshDestination_copiesEveryMessageByteExactWithFlagsDatesAndSubscriptions() {
    // given
    Map<String, List<String>> before = contents(source, SOURCE_PW, FOLDERS);

    // when
    Cli.Run run = mailshift("apply", plan.toString(), "--no-progress");

    // then
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(contents(destination, DESTINATION_PW, FOLDERS)).isEqualTo(before);
    assertThat(contents(source, SOURCE_PW, FOLDERS)).as("the source is unchanged").isEqualTo(before);
    assertThat(before.get("INBOX")).hasSize(6);
    try (RawImap imap = new RawImap("127.0.0.1", destination.getImap().getPort(), USER, DESTINATION_PW)) {
      assertThat(imap.command("LSUB \"\" \"*\"")).contains("Projects");
    }
  }

  @Test
  void apply_secondRun_copiesNothingAndPlanShowsNoChanges() {
    assertThat(mailshift("apply", plan.toString(), "--no-progress").code()).isZero();
    Map<String, List<String>> afterFirst = contents(destination, DESTINATION_PW, FOLDERS);

    Cli.Run second = mailshift("apply", plan.toString(), "--no-progress");
    Cli.Run planAgain = mailshift("plan", plan.toString(), "--detailed-exitcode");

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).contains("0 message(s) copied");
    assertThat(contents(destination, DESTINATION_PW, FOLDERS)).isEqualTo(afterFirst);
    assertThat(planAgain.code()).as(planAgain.out() + planAgain.err()).isZero();
  }

  @Test
  void apply_afterNewMailAndAFlagChange_movesOnlyThose() {
    assertThat(mailshift("apply", plan.toString(), "--no-progress").code()).isZero();
    try (ImapSession s = session(source, SOURCE_PW)) {
      s.append("INBOX", TestMessage.simple("late", "<late@x>"), Set.of(), Instant.parse("2024-01-01T00:00:00Z"));
      s.select("INBOX");
      s.replaceFlags(1, Set.of("\\Seen", "\\Flagged", "$Later"));
    }

    Cli.Run planned = mailshift("plan", plan.toString(), "--detailed-exitcode");
    Cli.Run run = mailshift("apply", plan.toString(), "--no-progress");

    assertThat(planned.code()).as(planned.err()).isEqualTo(10);
    assertThat(planned.out()).contains("copy 1 (");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("1 message(s) copied").contains("1 flag update(s)");
    assertThat(contents(destination, DESTINATION_PW, FOLDERS)).isEqualTo(contents(source, SOURCE_PW, FOLDERS));
  }

  @Test
  void plan_showsFolderMapAndCountsWithoutChangingTheDestination() {
    Cli.Run run = mailshift("plan", plan.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Projects.2024 -> Projects.2024").contains("+ create folder Entwürfe")
        .contains("9 message(s) to copy");
    try (RawImap imap = new RawImap("127.0.0.1", destination.getImap().getPort(), USER, DESTINATION_PW)) {
      assertThat(imap.command("LIST \"\" \"*\"")).doesNotContain("Projects");
    }
  }

  @Test
  void apply_wrongDestinationPassword_exits4NamingSideAndChangesNothing() {
    Cli.Run run = Cli.mailshift(PlanYaml.env(SOURCE_PW, "wrong"), "apply", plan.toString(),
        "--no-progress");

    assertThat(run.code()).isEqualTo(4);
    assertThat(run.err()).contains("login refused").contains(USER).contains("nothing was changed");
    try (RawImap imap = new RawImap("127.0.0.1", destination.getImap().getPort(), USER, DESTINATION_PW)) {
      assertThat(imap.command("LIST \"\" \"*\"")).doesNotContain("Projects");
    }
  }

  @Test
  void apply_savedPlanAfterAFolderAppeared_isRefusedAsStale() {
    Path saved = dir.resolve("saved.json");
    assertThat(mailshift("plan", plan.toString(), "--out", saved.toString()).code()).isZero();
    try (ImapSession s = session(source, SOURCE_PW)) {
      s.create("Brand new");
    }

    Cli.Run run = mailshift("apply", plan.toString(), "--plan-file", saved.toString(), "--no-progress");

    assertThat(run.code()).isEqualTo(9);
    assertThat(run.err()).contains("'Brand new'").contains("appeared");
    try (RawImap imap = new RawImap("127.0.0.1", destination.getImap().getPort(), USER, DESTINATION_PW)) {
      assertThat(imap.command("LIST \"\" \"*\"")).doesNotContain("Projects");
    }
  }

  @Test
  void apply_savedPlanWithOnlyNewMail_isAppliedAndCopiesTheNewMailToo() {
    Path saved = dir.resolve("saved.json");
    assertThat(mailshift("plan", plan.toString(), "--out", saved.toString()).code()).isZero();
    try (ImapSession s = session(source, SOURCE_PW)) {
      s.append("INBOX", TestMessage.simple("after plan", "<ap@x>"), Set.of(), Instant.parse("2024-02-02T00:00:00Z"));
    }

    Cli.Run run = mailshift("apply", plan.toString(), "--plan-file", saved.toString(), "--no-progress");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(contents(destination, DESTINATION_PW, FOLDERS)).isEqualTo(contents(source, SOURCE_PW, FOLDERS));
  }

  @Test
  void apply_whileAnotherRunHoldsTheState_exits8NamingTheHolder() {
    Path state = dir.resolve(".mailshift/state.db");
    try (StateStore store = StateStore.open(state); var lock = store.lock("apply by a colleague")) {
      Cli.Run run = mailshift("apply", plan.toString(), "--no-progress");

      assertThat(run.code()).isEqualTo(8);
      assertThat(run.err()).contains("apply by a colleague");
    }
  }

  @Test
  void everyOutput_neverContainsASecret() throws Exception {
    Path saved = dir.resolve("saved.json");
    List<Cli.Run> runs = List.of(
        mailshift("validate", plan.toString(), "--secrets"),
        mailshift("plan", plan.toString(), "--out", saved.toString()),
        mailshift("plan", plan.toString(), "--json"),
        mailshift("apply", plan.toString()),
        mailshift("apply", plan.toString(), "--json"),
        mailshift("status", plan.toString()),
        mailshift("status", plan.toString(), "--json"));

    String everything = runs.stream().map(r -> r.out() + r.err()).collect(Collectors.joining("\n"));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        everything += new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
      }
    }
    assertThat(runs).allSatisfy(r -> assertThat(r.code()).as(r.err()).isZero());
    assertThat(everything).doesNotContain(SOURCE_PW).doesNotContain(DESTINATION_PW).contains("greenmail-test");
  }
}
