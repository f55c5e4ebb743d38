package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailshift.imap.Access;
import dev.mailshift.imap.Credentials;
import dev.mailshift.imap.ImapEndpoint;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.JakartaImapConnector;
import dev.mailshift.plan.Secret;
import dev.mailshift.testsupport.Cli;
import dev.mailshift.testsupport.Corpus;
import dev.mailshift.testsupport.FaultProxy;
import dev.mailshift.testsupport.FolderContents;
import dev.mailshift.testsupport.RawImap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in the middle of a run, injected by a {@link FaultProxy} between mailshift and each
 * GreenMail server: mailshift reconnects, carries on in the same run, and ends with the
 * destination equal to the source: no partial message, no duplicate. With more faults than
 * {@code limits.retries} allows, apply exits 5 naming the account and the folder, and a re-run
 * completes. One connection per server, so the folders run one after another and each fault hits
 * a known place.
 */
class FaultInjectionIT {
  private static final String USER = "carol@test.example";
  private static final String PW = "fault-pw";
  private static final Map<String, String> ENV = Map.of("SRC_PW", PW, "DST_PW", PW);

  @RegisterExtension
  static GreenMailExtension source = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @RegisterExtension
  static GreenMailExtension destination =
      new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @TempDir Path dir;
  private FaultProxy sourceProxy;
  private FaultProxy destinationProxy;
  private Map<String, List<String>> sourceBefore;

  @BeforeEach
  void setUp() throws Exception {
    source.setUser(USER, USER, PW);
    destination.setUser(USER, USER, PW);
    try (ImapSession s = new JakartaImapConnector().connect(endpoint(source),
        new Credentials(USER, new Secret(PW)), Access.READ_WRITE)) {
      Corpus.generate(2, 40, 3_000_000).seed(s);
    }
    sourceProxy = FaultProxy.to("127.0.0.1", source.getImap().getPort());
    destinationProxy = FaultProxy.to("127.0.0.1", destination.getImap().getPort());
    sourceBefore = contents(source);
  }

  @AfterEach
  void closeProxies() throws Exception {
    sourceProxy.close();
    destinationProxy.close();
  }

  @Test
  void apply_connectionDroppedInsideABodyFetch_reconnectsAndCopiesEverythingOnce() throws Exception {
    // given: the 3 MB message's literal is cut after 500 kB
    sourceProxy.dropDuringServerLiteral(1_000_000, 500_000);

    // when
    Cli.Run run = apply(3, "10s");

    // then
    assertCompleteAndExact(run, sourceProxy);
  }

  @Test
  void apply_byeInTheMiddleOfTheSession_reconnectsAndCopiesEverythingOnce() throws Exception {
    sourceProxy.byeOn("FETCH", 4);

    Cli.Run run = apply(3, "10s");

    assertCompleteAndExact(run, sourceProxy);
  }

  @Test
  void apply_serverStallsPastTheTimeout_reconnectsAndCopiesEverythingOnce() throws Exception {
    // given: the third FETCH is never answered; limits.timeout is 2s
    sourceProxy.stallOn("FETCH", 3);

    // when
    Cli.Run run = apply(3, "2s");

    // then
    assertCompleteAndExact(run, sourceProxy);
  }

  @Test
  void apply_throttlingNoLimitOnAppend_backsOffAndCopiesEverythingOnce() throws Exception {
    destinationProxy.answerNoOn("APPEND", 6, "[LIMIT] Too many commands, slow down");

    Cli.Run run = apply(3, "10s");

    assertCompleteAndExact(run, destinationProxy);
  }

  @Test
  void apply_connectionDroppedInsideAnAppendLiteral_leavesNoPartialMessageAndNoDuplicate()
      throws Exception {
    // given: the fifth APPEND's literal is cut after 200 bytes
    destinationProxy.dropDuringCommand("APPEND", 5, 200);

    // when
    Cli.Run run = apply(3, "10s");

    // then
    assertCompleteAndExact(run, destinationProxy);
  }

  @Test
  void apply_moreFaultsThanRetries_exits5NamingAccountAndFolderAndAReRunCompletes()
      throws Exception {
    // given: with retries 2, the first folder synced meets three BYEs in a row
    for (int i = 0; i < 3; i++) {
      sourceProxy.byeOn("FETCH", 1);
    }

    // when
    Cli.Run failed = apply(2, "10s");
    Cli.Run again = apply(2, "10s");

    // then
    assertThat(failed.code()).as(failed.all()).isEqualTo(5);
    assertThat(failed.err()).as(failed.all()).containsPattern(
        "carol@test\\.example: sync (.+) -> \\1: .*gave up after 2 retries")
        .contains("fix: ");
    assertThat(again.code()).as(again.all()).isZero();
    assertThat(contents(destination)).isEqualTo(sourceBefore);
    assertThat(contents(source)).isEqualTo(sourceBefore);
  }

  private void assertCompleteAndExact(Cli.Run run, FaultProxy proxy) {
    assertThat(proxy.triggered()).as("the fault was injected").isTrue();
    assertThat(run.code()).as(run.all()).isZero();
    assertThat(contents(destination)).isEqualTo(sourceBefore);
    assertThat(contents(source)).as("the source is unchanged").isEqualTo(sourceBefore);
  }

  private Cli.Run apply(int retries, String timeout) throws Exception {
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, """
        mailshift: 1
        name: faults
        servers:
          old: { imap: "imap://127.0.0.1:%d", plaintext: true, limits: { connections: 1, retries: %d, timeout: %s } }
          new: { imap: "imap://127.0.0.1:%d", plaintext: true, limits: { connections: 1, retries: %d, timeout: %s } }
        accounts:
          defaults: { source-server: old, destination-server: new, source-password: "env:SRC_PW", destination-password: "env:DST_PW" }
          list:
            - source: %s
        """.formatted(sourceProxy.port(), retries, timeout, destinationProxy.port(), retries,
        timeout, USER));
    return Cli.mailshift(ENV, "apply", plan.toString(), "--no-progress");
  }

  private static Map<String, List<String>> contents(GreenMailExtension server) {
    try (RawImap imap = new RawImap("127.0.0.1", server.getImap().getPort(), USER, PW)) {
      return FolderContents.read(imap, Corpus.FOLDERS, f -> Corpus.serverName(f, "", '.'));
    }
  }

  private static ImapEndpoint endpoint(GreenMailExtension server) {
    return new ImapEndpoint("127.0.0.1", server.getImap().getPort(), ImapEndpoint.TlsMode.NONE,
        Optional.empty(), false, Duration.ofSeconds(30));
  }
}
