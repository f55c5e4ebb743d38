package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.change.SyncFolder;
import dev.mailshift.sync.FolderPair;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now.get());
    }
  };
  private final FolderPair inbox = new FolderPair("alice", "INBOX", "INBOX");

  private static SyncFolder sync(String folder) {
    return new SyncFolder("alice", folder, folder, 1, -1, -1, -1, -1, -1, -1);
  }

  @Test
  void status_allFoldersKnown_showsRateAndEta() {
    // given: two folders, 100 MB to copy, 25 MB copied in 10 s
    Progress p = new Progress(new PrintWriter(new StringWriter()), clock, false);
    p.stepStarted(sync("INBOX"));
    p.stepStarted(sync("Sent"));
    p.folderStarted(inbox, 80, 80_000_000);
    p.folderStarted(new FolderPair("alice", "Sent", "Sent"), 20, 20_000_000);
    for (int i = 0; i < 25; i++) {
      p.messageCopied(inbox, 1_000_000);
    }
    now.addAndGet(10_000);

    // when
    String line = p.status(now.get());

    // then: 2.5 MB/s, 75 MB left -> 30 s
    assertThat(line).contains("folders 0/2", "copied 25 msgs (25.0 MB)", "2.5 MB/s", "ETA 0:00:30");
  }

  @Test
  void status_aFolderNotStartedYet_showsNoEta() {
    Progress p = new Progress(new PrintWriter(new StringWriter()), clock, false);
    p.stepStarted(sync("INBOX"));
    p.stepStarted(sync("Sent"));
    p.folderStarted(inbox, 10, 10_000_000);
    p.messageCopied(inbox, 1_000_000);
    now.addAndGet(1_000);

    assertThat(p.status(now.get())).doesNotContain("ETA");
  }

  @Test
  void messageCopied_notAtATerminal_printsAtMostEveryTenSeconds() {
    StringWriter err = new StringWriter();
    Progress p = new Progress(new PrintWriter(err), clock, false);
    p.stepStarted(sync("INBOX"));
    p.folderStarted(inbox, 3, 3_000);

    now.addAndGet(10_000);
    p.messageCopied(inbox, 1_000);
    now.addAndGet(1_000);
    p.messageCopied(inbox, 1_000);
    now.addAndGet(10_000);
    p.messageCopied(inbox, 1_000);

    assertThat(err.toString().lines()).hasSize(2);
  }

  @Test
  void removalsCounted_manyFolders_saysStartAndEndAndThrottlesTheMiddle() {
    // given
    StringWriter out = new StringWriter();
    Progress p = new Progress(new PrintWriter(out), clock, false);

    // when: 3 folders counted within one second, then the last 10 s later
    p.removalsCounted(0, 4, 0);
    p.removalsCounted(1, 4, 2);
    p.removalsCounted(2, 4, 2);
    p.removalsCounted(3, 4, 5);
    now.addAndGet(10_000);
    p.removalsCounted(4, 4, 7);

    // then
    assertThat(out.toString().lines()).containsExactly(
        "mirror mode: counting what this run removes in 4 folder(s) before the first step"
            + " (messages.deletion-ceiling holds for the whole run)",
        "counting removals: folders 1/4, 2 to remove so far",
        "mirror mode: 7 removal(s) counted in 4 folder(s)");
  }
}
