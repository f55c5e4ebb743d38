package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.imap.Access;
import dev.mailshift.imap.ImapEndpoint;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.JakartaImapConnector;
import dev.mailshift.testsupport.Cli;
import dev.mailshift.testsupport.Corpus;
import dev.mailshift.testsupport.DovecotPair;
import dev.mailshift.testsupport.FolderContents;
import dev.mailshift.testsupport.KillSeries;
import dev.mailshift.testsupport.MailboxName;
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
 * {@link CrashResumeIT} against real Dovecot servers over verified TLS, with a 21 MB message
 * that is fetched and appended in chunks: SIGKILL at a spread of points, resume, and the
 * destination must equal the source and an uninterrupted run into another fresh destination.
 */
class DovecotCrashResumeIT {
  private static final Map<String, String> ENV = Map.of("SRC_PW", "pw", "DST_PW", "pw");

  @RegisterExtension
  static DovecotPair dovecot = new DovecotPair();

  @TempDir Path dir;

  @Test
  void apply_killedAtManyPointsThenResumed_endsIdenticalToTheSourceAndAnUninterruptedRun()
      throws Exception {
    // given
    Corpus corpus = Corpus.generate(13, 600, 21_500_000);
    try (ImapSession s = new JakartaImapConnector().connect(dovecot.source().plain(),
        dovecot.source().credentials(), Access.READ_WRITE)) {
      corpus.seed(s);
    }
    Map<String, List<String>> sourceBefore = sourceContents();
    String destinationUser = dovecot.destination().user();
    Path plan = plan(dir.resolve("killed"), destinationUser);
    Path stateFile = plan.resolveSibling(".mailshift/state.db");
    int total = corpus.size();

    // when
    try (RawImap counter = raw(dovecot.destination())) {
      KillSeries series = new KillSeries(dir, ENV, () -> messages(counter), plan.toString(),
          "--no-progress");
      series.killWhen("state file appeared", () -> Files.exists(stateFile));
      series.killWhileCopying(total, 6, 40);
      int lastCode = series.finish();
      String reference = dovecot.freshAccounts().destination().user();
      Cli.Run uninterrupted = Cli.mailshift(ENV, "apply",
          plan(dir.resolve("uninterrupted"), reference).toString(), "--no-progress");
      Cli.Run status = Cli.mailshift(ENV, "status", plan.toString(), "--runs", "50");

      // then
      assertThat(lastCode).as(series.lastOutput()).isZero();
      assertThat(uninterrupted.code()).as(uninterrupted.all()).isZero();
      assertThat(series.kills()).as("kills in the middle of copying: " + series.kills())
          .filteredOn(k -> k.midCopy(total)).hasSizeGreaterThanOrEqualTo(4);
      Map<String, List<String>> copied = destinationContents(dovecot.destination().user());
      assertThat(copied).as("no loss, no duplicate").isEqualTo(sourceBefore);
      assertThat(FolderContents.count(copied)).isEqualTo(total);
      assertThat(copied).as("same as an uninterrupted run")
          .isEqualTo(destinationContents(reference));
      assertThat(sourceContents()).as("the source is unchanged")
          .isEqualTo(sourceBefore);
      assertThat(status.out().lines().filter(l -> l.matches("\\s+#\\d+ INTERRUPTED.*")).count())
          .as(series.kills() + "\n" + status.out())
          .isGreaterThanOrEqualTo(series.kills().stream().filter(KillSeries.Kill::journalled)
              .count());
    }
  }

  /** Messages in all destination folders; a folder not created yet counts 0. */
  private static int messages(RawImap imap) {
    int sum = 0;
    for (String f : Corpus.FOLDERS) {
      try {
        String status = imap.command("STATUS " + MailboxName.quoted(Corpus.destinationName(f, "", '/'))
            + " (MESSAGES)");
        sum += Integer.parseInt(status.replaceAll("(?s).*MESSAGES (\\d+).*", "$1"));
      } catch (IllegalStateException noSuchFolderYet) {
        // NO: the folder is not there yet
      }
    }
    return sum;
  }

  private Path plan(Path planDir, String destinationUser) throws IOException {
    Files.createDirectories(planDir);
    ImapEndpoint source = dovecot.source().starttls();
    ImapEndpoint destination = dovecot.destination().imaps();
    Path file = planDir.resolve("plan.yaml");
    Files.writeString(file, """
        mailshift: 1
        name: dovecot-crash
        servers:
          old: { imap: "imap://%s:%d", ca-file: "%s" }
          new: { imap: "imaps://%s:%d", ca-file: "%s" }
        accounts:
          defaults: { source-server: old, destination-server: new, source-password: "env:SRC_PW", destination-password: "env:DST_PW" }
          list:
            - { source: %s, destination: %s }
        """.formatted(source.host(), source.port(), dovecot.source().caFile(),
        destination.host(), destination.port(), dovecot.destination().caFile(),
        dovecot.source().user(), destinationUser));
    return file;
  }

  private static RawImap raw(DovecotPair.Account account) {
    return new RawImap("127.0.0.1", account.plain().port(), account.user(),
        account.password().reveal());
  }

  private Map<String, List<String>> sourceContents() {
    try (RawImap imap = raw(dovecot.source())) {
      return FolderContents.read(imap, Corpus.FOLDERS, f -> Corpus.serverName(f, "INBOX.", '.'));
    }
  }

  private Map<String, List<String>> destinationContents(String user) {
    DovecotPair.Account d = dovecot.destination();
    try (RawImap imap = new RawImap("127.0.0.1", d.plain().port(), user,
        d.password().reveal())) {
      return FolderContents.read(imap, Corpus.FOLDERS, f -> Corpus.destinationName(f, "", '/'));
    }
  }
}
