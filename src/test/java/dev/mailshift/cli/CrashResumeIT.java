package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.testsupport.Cli;
import dev.mailshift.testsupport.Corpus;
import dev.mailshift.testsupport.FolderContents;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.KillSeries;
import dev.mailshift.testsupport.PlanYaml;
import dev.mailshift.testsupport.RawImap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 at many points of a run, then resume: the shaded jar runs {@code apply} as a child
 * process against two GreenMail servers and is killed (SIGKILL) when a condition is met: the
 * state file appeared; folders are being created; the destination holds at least k messages for
 * a spread of k. Each next apply resumes (and may be killed again); the last runs to the end.
 * The destination must then hold, folder by folder, exactly the source's messages (bytes, flags,
 * INTERNALDATE; no loss, no duplicate), the same as an uninterrupted run into a fresh destination
 * gives; the source must be unchanged; {@code status} must show the killed runs as INTERRUPTED.
 */
class CrashResumeIT {
  private static final String USER = "erin@test.example";
  private static final String PW = "crash-pw";
  private static final Map<String, String> ENV = PlanYaml.env(PW, PW);

  @RegisterExtension
  static GreenMailExtension source = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @RegisterExtension
  static GreenMailExtension destination =
      new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @RegisterExtension
  static GreenMailExtension uninterrupted =
      new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @TempDir Path dir;

  @Test
  void apply_killedAtManyPointsThenResumed_endsIdenticalToAnUninterruptedRun() throws Exception {
    // given: ~320 messages over six folders, with every hard case and a 3 MB message
    Corpus corpus = Corpus.generate(11, 300, 3_000_000);
    seed(corpus);
    Map<String, List<String>> sourceBefore = contents(source);
    Path plan = plan(dir.resolve("killed"), destination);
    Path stateFile = plan.resolveSibling(".mailshift/state.db");
    int total = corpus.size();
    int foldersBefore = destinationFolders();
    KillSeries series = new KillSeries(dir, ENV, CrashResumeIT::destinationMessages,
        plan.toString(), "--no-progress");

    // when: one apply per kill point, each killed when its condition holds
    series.killWhen("state file appeared", () -> Files.exists(stateFile));
    series.killWhen("creating folders", () -> destinationFolders() >= foldersBefore + 2);
    series.killWhileCopying(total, 8, 60);
    int lastCode = series.finish();
    Cli.Run reference = Cli.mailshift(ENV, "apply",
        plan(dir.resolve("uninterrupted"), uninterrupted).toString(), "--no-progress");
    Cli.Run status = Cli.mailshift(ENV, "status", plan.toString(), "--runs", "50");

    // then
    List<KillSeries.Kill> kills = series.kills();
    assertThat(lastCode).as(series.lastOutput()).isZero();
    assertThat(reference.code()).as(reference.all()).isZero();
    assertThat(kills).as("kills in the middle of copying: " + kills)
        .filteredOn(k -> k.midCopy(total))
        .hasSizeGreaterThanOrEqualTo(5);
    Map<String, List<String>> copied = contents(destination);
    assertThat(copied).as("no loss, no duplicate").isEqualTo(sourceBefore);
    assertThat(copied).as("same as an uninterrupted run").isEqualTo(contents(uninterrupted));
    assertThat(FolderContents.count(copied)).isEqualTo(total);
    assertThat(contents(source)).as("the source is unchanged").isEqualTo(sourceBefore);
    long journalled = kills.stream().filter(KillSeries.Kill::journalled).count();
    assertThat(status.code()).as(status.all()).isZero();
    assertThat(status.out().lines().filter(l -> l.matches("\\s+#\\d+ INTERRUPTED.*")).count())
        .as(kills + "\n" + status.out()).isBetween(journalled, (long) kills.size());
    assertThat(status.out()).doesNotContain("RUNNING").containsPattern("#\\d+ SUCCEEDED");
  }

  private void seed(Corpus corpus) {
    source.setUser(USER, USER, PW);
    destination.setUser(USER, USER, PW);
    uninterrupted.setUser(USER, USER, PW);
    try (ImapSession s = GreenMailServers.session(source, USER, PW)) {
      corpus.seed(s);
    }
  }

  private static Path plan(Path planDir, GreenMailExtension to) throws IOException {
    Files.createDirectories(planDir);
    return PlanYaml.plain("crash-resume", source.getImap().getPort(), to.getImap().getPort())
        .account(USER)
        .writeTo(planDir);
  }

  /** Messages in all destination folders, read from GreenMail's store (no IMAP round trip). */
  private static int destinationMessages() {
    return folders().stream().mapToInt(MailFolder::getMessageCount).sum();
  }

  private static int destinationFolders() {
    return folders().size();
  }

  private static List<MailFolder> folders() {
    try {
      return List.copyOf(destination.getManagers().getImapHostManager().getStore()
          .listMailboxes("*"));
    } catch (Exception e) {
      return List.of(); // the store is changing under us: ask again on the next poll
    }
  }

  private static Map<String, List<String>> contents(GreenMailExtension server) {
    try (RawImap imap = new RawImap("127.0.0.1", server.getImap().getPort(), USER, PW)) {
      return FolderContents.read(imap, Corpus.FOLDERS, f -> Corpus.serverName(f, "", '.'));
    }
  }
}
