package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.testsupport.Cli;
import dev.mailshift.testsupport.FaultProxy;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.RawImap;
import dev.mailshift.testsupport.TestMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input end to end through the command line: each case ends with its own exit code, an error
 * that says where and what to do, and a destination nothing was written to.
 */
class BadInputTest {
  private static final String USER = "dave@test.example";
  private static final String PW = "bad-input-pw";
  private static final Map<String, String> ENV = Map.of("SRC_PW", PW, "DST_PW", PW);

  @RegisterExtension
  static GreenMailExtension source = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @RegisterExtension
  static GreenMailExtension destination = new GreenMailExtension(new ServerSetup[] {
      ServerSetupTest.IMAP.dynamicPort(), ServerSetupTest.IMAPS.dynamicPort()});

  @TempDir Path dir;

  @BeforeEach
  void seed() {
    source.setUser(USER, USER, PW);
    destination.setUser(USER, USER, PW);
    try (ImapSession s = GreenMailServers.session(source, USER, PW)) {
      s.create("Archiv");
      s.create("Archive");
      Instant date = Instant.parse("2020-01-01T00:00:00Z");
      s.append("INBOX", TestMessage.simple("in", "<in@x>"), Set.of(), date);
      s.append("Archiv", TestMessage.simple("a", "<a@x>"), Set.of(), date);
      s.append("Archive", TestMessage.simple("b", "<b@x>"), Set.of(), date);
    }
  }

  @Test
  void apply_destinationPortClosed_exits4NamingTheServer() throws Exception {
    // given
    int closed = closedPort();
    Path plan = plan(destinationServer("imap://127.0.0.1:" + closed, "plaintext: true"), "");

    // when
    Cli.Run run = apply(plan, ENV);

    // then
    assertThat(run.code()).as(run.all()).isEqualTo(4);
    assertThat(run.err()).contains("127.0.0.1:" + closed).contains("nothing was changed");
    assertDestinationUntouched();
  }

  @Test
  void apply_selfSignedCertificateWithoutCaFileOrInsecure_exits4SayingTlsAndWhatToDo()
      throws Exception {
    Path plan = plan(destinationServer("imaps://127.0.0.1:" + destination.getImaps().getPort(),
        ""), "");

    Cli.Run run = apply(plan, ENV);

    assertThat(run.code()).as(run.all()).isEqualTo(4);
    assertThat(run.err()).contains("TLS").contains("ca-file").contains("insecure");
    assertDestinationUntouched();
  }

  @Test
  void apply_secretVariableUnset_exits3NamingTheVariable() throws Exception {
    Path plan = plan(plainDestination(), "");

    Cli.Run run = apply(plan, Map.of("SRC_PW", PW));

    assertThat(run.code()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).contains("DST_PW").contains("fix: export DST_PW").doesNotContain(PW);
    assertDestinationUntouched();
  }

  @Test
  void apply_malformedYaml_exits3WithLineAndColumn() throws Exception {
    // given: an unclosed flow mapping on line 3
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, "mailshift: 1\nname: broken\nservers: { old: { imap: \"imap://x\" }\n"
        + "accounts: {}\n");

    // when
    Cli.Run run = apply(plan, ENV);

    // then
    assertThat(run.code()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).containsPattern("plan\\.yaml:\\d+:\\d+");
    assertDestinationUntouched();
  }

  @Test
  void apply_destinationRefusesAFolderName_failsNamingTheFolderAndCopiesNothing()
      throws Exception {
    // given: the destination answers CREATE with NO [CANNOT] (as servers do for names they
    // cannot store)
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", destination.getImap().getPort())) {
      proxy.answerNoOn("CREATE", 1, "[CANNOT] Invalid mailbox name");
      // special-use off: 'Archiv' and 'Archive' would otherwise both claim the \Archive role, a
      // conflict of its own (the mapping tests cover it); this test is about a refused name
      Path plan = plan(destinationServer("imap://127.0.0.1:" + proxy.port(), "plaintext: true"),
          "folders: { special-use: off }");

      // when
      Cli.Run run = apply(plan, ENV);

      // then
      assertThat(proxy.triggered()).as(run.all()).isTrue();
      assertThat(run.code()).as(run.all()).isEqualTo(5);
      assertThat(run.err()).contains(USER).contains("Archiv").contains("Invalid mailbox name")
          .contains("folders.map");
      assertNoMessageCopied();
    }
  }

  @Test
  void apply_twoSourceFoldersRenamedToOneDestination_exits3NamingBoth() throws Exception {
    Path plan = plan(plainDestination(), """
        folders:
          rename: [ { match: "^Archiv(e?)$", to: "Old" } ]
        """);

    Cli.Run run = apply(plan, ENV);

    assertThat(run.code()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).contains("'Archiv'").contains("'Archive'").contains("'Old'");
    assertDestinationUntouched();
  }

  @Test
  void apply_twoSourceFoldersMappedToOneDestination_exits3NamingBoth() throws Exception {
    Path plan = plan(plainDestination(), """
        folders:
          map: { Archiv: Old, Archive: Old }
        """);

    Cli.Run run = apply(plan, ENV);

    assertThat(run.code()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).contains("Archiv").contains("Archive").contains("Old");
    assertDestinationUntouched();
  }

  @Test
  void apply_csvWithABadRow_exits3WithTheCsvLine() throws Exception {
    // given: line 3 has one cell too many
    Files.writeString(dir.resolve("accounts.csv"),
        "source,batch\n" + USER + ",pilot\nother@test.example,pilot,extra\n");
    Path plan = plan(plainDestination(), "");
    Files.writeString(plan, Files.readString(plan).replace("  list:\n    - source: " + USER
        + "\n", "  csv: accounts.csv\n"));

    // when
    Cli.Run run = apply(plan, ENV);

    // then
    assertThat(run.code()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).contains("accounts.csv:3");
    assertDestinationUntouched();
  }

  private Cli.Run apply(Path plan, Map<String, String> env) {
    return Cli.mailshift(env, "apply", plan.toString(), "--no-progress");
  }

  private String plainDestination() {
    return destinationServer("imap://127.0.0.1:" + destination.getImap().getPort(),
        "plaintext: true");
  }

  private static String destinationServer(String url, String options) {
    return "{ imap: \"" + url + "\"" + (options.isEmpty() ? "" : ", " + options)
        + ", limits: { retries: 0, timeout: 5s } }";
  }

  private Path plan(String destinationServer, String extra) throws IOException {
    Path file = dir.resolve("plan.yaml");
    Files.writeString(file, """
        mailshift: 1
        name: bad-input
        servers:
          old: { imap: "imap://127.0.0.1:%d", plaintext: true }
          new: %s
        accounts:
          defaults: { source-server: old, destination-server: new, source-password: "env:SRC_PW", destination-password: "env:DST_PW" }
          list:
            - source: %s
        %s""".formatted(source.getImap().getPort(), destinationServer, USER, extra));
    return file;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Only INBOX exists on the destination, and it is empty. */
  private static void assertDestinationUntouched() {
    try (RawImap imap = new RawImap("127.0.0.1", destination.getImap().getPort(), USER, PW)) {
      assertThat(imap.command("LIST \"\" \"*\"").lines().filter(l -> l.startsWith("* LIST")))
          .singleElement().asString().endsWith("\"INBOX\"");
      assertThat(imap.examineAll("INBOX")).isEmpty();
    }
  }

  /** No folder on the destination holds a message. */
  private static void assertNoMessageCopied() {
    try (RawImap imap = new RawImap("127.0.0.1", destination.getImap().getPort(), USER, PW)) {
      for (String line : imap.command("LIST \"\" \"*\"").lines().toList()) {
        if (line.startsWith("* LIST")) {
          String name = line.substring(line.lastIndexOf(' ') + 1);
          assertThat(imap.examineAll(name.replace("\"", ""))).as(name).isEmpty();
        }
      }
    }
  }
}
