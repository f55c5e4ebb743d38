package dev.mailshift.imap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.imap.ImapSession.UidSize;
import dev.mailshift.testsupport.DovecotPair;
import dev.mailshift.testsupport.Seeder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rough speed check of fetch + append between two Dovecot servers on loopback, one connection
 * per side: 1,000 small messages. Logs msgs/s; fails only far below any sane number, so a
 * per-message round trip that sneaks into fetching shows up.
 */
class ImapThroughputIT {
  private static final System.Logger LOG = System.getLogger(ImapThroughputIT.class.getName());
  private static final int COUNT = 1000;

  @RegisterExtension
  static DovecotPair dovecot = new DovecotPair();

  @TempDir
  Path spool;

  @Test
  void copy_thousandSmallMessagesOneConnectionEach_isFast() {
    // given
    ImapConnector connector = new JakartaImapConnector(spool);
    Instant date = Instant.parse("2020-02-02T02:02:02Z");
    long seedStart = System.nanoTime();
    new Seeder(connector, dovecot.source().plain(), dovecot.source().credentials())
        .seedSimple("INBOX", COUNT, date);
    Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);

    try (ImapSession src = connector.connect(dovecot.source().plain(),
            dovecot.source().credentials(), Access.READ_ONLY);
        ImapSession dst = connector.connect(dovecot.destination().plain(),
            dovecot.destination().credentials(), Access.READ_WRITE)) {
      // when
      var threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      src.examine("INBOX");
      List<MessageMeta> metas = new ArrayList<>();
      src.fetchMeta(1, Long.MAX_VALUE, metas::add);
      List<UidSize> sizes = metas.stream().map(m -> new UidSize(m.uid(), m.size())).toList();
      long fetchedAt = System.nanoTime();
      int[] copied = {0};
      src.fetchBodies(sizes, m -> {
        try (m) {
          dst.append("INBOX", m, metas.get(0).flags(), date);
          copied[0]++;
        }
      });
      Duration total = Duration.ofNanos(System.nanoTime() - start);
      // the adapter is synchronous: this thread's CPU is all the client's work, a number that
      // does not depend on how busy the machine is
      double clientCpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;

      // then
      double rate = COUNT * 1000.0 / Math.max(1, total.toMillis());
      LOG.log(System.Logger.Level.INFO, String.format(
          "Dovecot->Dovecot, one connection each: %d messages fetched+appended in %d ms = %.0f"
              + " msgs/s (metadata %d ms; client CPU %.2f ms/message; seeding by APPEND alone:"
              + " %.0f msgs/s)",
          COUNT, total.toMillis(), rate, (fetchedAt - start) / 1_000_000, clientCpuMs / COUNT,
          COUNT * 1000.0 / Math.max(1, seeding.toMillis())));
      assertThat(copied[0]).isEqualTo(COUNT);
      assertThat(dst.status("INBOX").messages()).isEqualTo(COUNT);
      assertThat(rate).isGreaterThan(20);
    }
  }

  @Test
  void copy_fourFoldersInParallel_isFasterThanOneConnection() throws Exception {
    // given: 4 folders of 250 small messages
    ImapConnector connector = new JakartaImapConnector(spool);
    Instant date = Instant.parse("2020-02-02T02:02:02Z");
    int folders = 4;
    Seeder seeder = new Seeder(connector, dovecot.source().plain(),
        dovecot.source().credentials());
    for (int f = 0; f < folders; f++) {
      seeder.seedSimple("INBOX.f" + f, COUNT / folders, date);
    }

    // when: one source and one destination connection per folder, all at once
    long start = System.nanoTime();
    List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(folders)) {
      for (int f = 0; f < folders; f++) {
        String name = "f" + f;
        done.add(pool.submit(() -> copyFolder(connector, "INBOX." + name, name, date)));
      }
      int copied = 0;
      for (var d : done) {
        copied += d.get(5, java.util.concurrent.TimeUnit.MINUTES);
      }
      Duration total = Duration.ofNanos(System.nanoTime() - start);

      // then
      double rate = copied * 1000.0 / Math.max(1, total.toMillis());
      LOG.log(System.Logger.Level.INFO, String.format(
          "Dovecot->Dovecot, %d folders in parallel: %d messages in %d ms = %.0f msgs/s",
          folders, copied, total.toMillis(), rate));
      assertThat(copied).isEqualTo(COUNT);
      assertThat(rate).isGreaterThan(20);
    }
  }

  private int copyFolder(ImapConnector connector, String from, String to, Instant date) {
    try (ImapSession src = connector.connect(dovecot.source().plain(),
            dovecot.source().credentials(), Access.READ_ONLY);
        ImapSession dst = connector.connect(dovecot.destination().plain(),
            dovecot.destination().credentials(), Access.READ_WRITE)) {
      dst.create(to);
      src.examine(from);
      List<UidSize> sizes = new ArrayList<>();
      src.fetchMeta(1, Long.MAX_VALUE, m -> sizes.add(new UidSize(m.uid(), m.size())));
      int[] copied = {0};
      src.fetchBodies(sizes, m -> {
        try (m) {
          dst.append(to, m, java.util.Set.of(), date);
          copied[0]++;
        }
      });
      return copied[0];
    }
  }
}
