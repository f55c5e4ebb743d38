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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 around the rebinding: a plan and its state, finished against destination A, are
 * pointed at destination B whose folders carry the UIDVALIDITYs the state recorded for A. The
 * shaded jar's apply is killed when its run is journalled (before or while it rebinds), right
 * after the state was rebound to B, and while copying into B; the last apply runs to the end. B
 * must then hold exactly the source's messages (no loss, no duplicate), and A be untouched.
 */
class RebindCrashIT {
  private static final String USER = "rita@test.example";
  private static final String PW = "rebind-pw";
  private static final Map<String, String> ENV = PlanYaml.env(PW, PW);

  @RegisterExtension
  static GreenMailExtension source = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @RegisterExtension
  static GreenMailExtension a = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @RegisterExtension
  static GreenMailExtension b = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @TempDir Path dir;

  @Test
  void apply_killedAroundTheRebindingThenResumed_newDestinationGetsEveryMessageOnce()
      throws Exception {
    // given: migrated to A; the same plan and state now aimed at B, whose folders look done
    Corpus corpus = Corpus.generate(23, 150, 1_000_000);
    seed(corpus);
    Cli.Run first = Cli.mailshift(ENV, "apply", plan(a).toString(), "--no-progress");
    assertThat(first.code()).as(first.all()).isZero();
    Map<String, List<String>> sourceBefore = contents(source);
    Map<String, List<String>> onA = contents(a);
    assertThat(onA).isEqualTo(sourceBefore);
    Path plan = plan(b);
    giveStateTheUidValiditiesOfB();
    int total = corpus.size();
    KillSeries series = new KillSeries(dir, ENV, RebindCrashIT::messagesOnB, plan.toString(),
        "--no-progress");

    // when
    int runsBefore = runs();
    series.killWhen("run journalled", () -> runs() > runsBefore);
    series.killWhen("state rebound to B", () -> boundToB());
    series.killWhileCopying(total, 3, 12);
    int lastCode = series.finish();
    Cli.Run status = Cli.mailshift(ENV, "status", plan.toString());

    // then
    assertThat(lastCode).as(series.lastOutput()).isZero();
    assertThat(series.kills()).as("kills while copying into B")
        .filteredOn(k -> k.midCopy(total)).isNotEmpty();
    assertThat(contents(b)).as("no loss, no duplicate: " + series.kills())
        .isEqualTo(sourceBefore);
    assertThat(contents(a)).as("A untouched").isEqualTo(onA);
    assertThat(contents(source)).as("the source is unchanged").isEqualTo(sourceBefore);
    assertThat(status.out()).contains("-> imap://127.0.0.1:" + b.getImap().getPort());
  }

  private void seed(Corpus corpus) {
    source.setUser(USER, USER, PW);
    a.setUser(USER, USER, PW);
    b.setUser(USER, USER, PW);
    try (ImapSession s = session(source)) {
      corpus.seed(s);
    }
  }

  private Path plan(GreenMailExtension to) {
    return PlanYaml.plain("rebind-crash", source.getImap().getPort(), to.getImap().getPort())
        .account(USER)
        .writeTo(dir);
  }

  private Path stateFile() {
    return dir.resolve(".mailshift/state.db");
  }

  /** Creates A's folders on B and writes B's UIDVALIDITYs into the state, as if it were A's. */
  private void giveStateTheUidValiditiesOfB() throws SQLException {
    List<String> folders = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stateFile());
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT DISTINCT destination_folder FROM folder_checkpoint")) {
      while (rs.next()) {
        folders.add(rs.getString(1));
      }
    }
    folders.sort(Comparator.comparingInt(String::length));
    try (ImapSession s = session(b);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + stateFile())) {
      for (String folder : folders) {
        if (!folder.equals("INBOX")) {
          s.create(folder);
        }
        long uidValidity = s.status(folder).uidValidity();
        for (String table : List.of("folder_checkpoint", "uid_map")) {
          try (PreparedStatement p = c.prepareStatement("UPDATE " + table
              + " SET destination_uidvalidity = ? WHERE destination_folder = ?")) {
            p.setLong(1, uidValidity);
            p.setString(2, folder);
            p.executeUpdate();
          }
        }
      }
    }
  }

  private int runs() {
    return query("SELECT count(*) FROM runs");
  }

  private boolean boundToB() {
    return query("SELECT count(*) FROM account_binding WHERE destination_port = "
        + b.getImap().getPort()) > 0;
  }

  /** One number from the state file, read while an apply may be writing it (WAL: no wait). */
  private int query(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stateFile());
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      return 0; // busy or mid-checkpoint: ask again on the next poll
    }
  }

  /** Messages in all of B's folders, read from GreenMail's store (no IMAP round trip). */
  private static int messagesOnB() {
    try {
      return b.getManagers().getImapHostManager().getStore().listMailboxes("*").stream()
          .mapToInt(MailFolder::getMessageCount).sum();
    } catch (Exception e) {
      return 0; // the store is changing under us: ask again on the next poll
    }
  }

  private static ImapSession session(GreenMailExtension server) {
    return GreenMailServers.session(server, USER, PW);
  }

  private static Map<String, List<String>> contents(GreenMailExtension server) {
    try (RawImap imap = new RawImap("127.0.0.1", server.getImap().getPort(), USER, PW)) {
      return FolderContents.read(imap, Corpus.FOLDERS, f -> Corpus.serverName(f, "", '.'));
    }
  }
}
