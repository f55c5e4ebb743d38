package dev.mailshift.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the engine (an Error nothing catches) at every operation of a sync, on the servers and on
 * the state store, before and after the operation takes effect; then a fresh process (new store
 * connection, new sessions, new engine) re-runs. The destination must end exactly as after an
 * uninterrupted run, the source untouched, and a third run must find nothing to do.
 */
class FolderSynchronizerCrashTest {
  @TempDir Path dir;

  /** A scenario: servers prepared (and maybe synced once) before the sync that gets killed. */
  private record Scenario(String name, Consumer<SyncFixture> before) {}

  private static final SyncOptions PLAN_LIMIT =
      new SyncOptions(OptionalLong.of(400), true, false, 100, 5);
  private static final SyncOptions MIRROR =
      new SyncOptions(OptionalLong.empty(), true, true, 100, 5);

  static final java.time.Instant RECENT = java.time.Instant.parse("2026-02-01T08:00:00Z");

  static final java.util.function.Predicate<FakeImapServer.Message> SPAM_FREE = m ->
      !new String(m.bytes, java.nio.charset.StandardCharsets.UTF_8).contains("X-Spam-Flag: YES");

  static byte[] spam(String id) {
    byte[] body = Mail.message(id, "cheap pills", "x".repeat(80));
    byte[] header = "X-Spam-Flag: YES\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] out = java.util.Arrays.copyOf(header, header.length + body.length);
    System.arraycopy(body, 0, out, header.length, body.length);
    return out;
  }

  private static void mixedMail(SyncFixture f) {
    byte[] dup = Mail.message("dup@x");
    f.source.deliver("INBOX", dup, Set.of("\\Seen"), Mail.date(1));
    f.source.deliver("INBOX", dup, Set.of("\\Seen"), Mail.date(1));
    f.deliver("kw@x", Set.of("$Label1", "\\Flagged"), 2);
    f.source.deliver("INBOX", Mail.message(null, "no id", "no id body"), Set.of(), Mail.date(3));
    f.source.deliver("INBOX", Mail.message("big@x", "big", "x".repeat(500)), Set.of(), Mail.date(4));
    f.deliver("plain@x", Set.of("\\Answered"), 5);
  }

  private static final List<Scenario> SCENARIOS = List.of(
      new Scenario("first sync onto a destination preseeded by another tool", f -> {
        f.options = PLAN_LIMIT;
        mixedMail(f);
        f.destination.deliver("INBOX", Mail.message("dup@x"), Set.of(), Mail.date(1));
        f.destination.deliver("INBOX", Mail.message("kw@x"), Set.of(), Mail.date(2));
        // same Message-ID, size and INTERNALDATE as plain@x, other bytes: never adopted
        f.destination.deliver("INBOX", Mail.message("plain@x", "about plain@x",
            "TEXT OF PLAIN@X"), Set.of(), Mail.date(5));
      }),
      new Scenario("incremental sync with new mail, flag changes and mirrored expunges", f -> {
        f.options = MIRROR;
        f.source.condstore(true);
        long a = f.deliver("a@x", Set.of(), 1);
        long b = f.deliver("b@x", Set.of("\\Seen"), 2);
        f.deliver("c@x", Set.of(), 3);
        f.sync();
        f.source.expunge("INBOX", a);
        f.source.setFlags("INBOX", b, Set.of("\\Seen", "\\Flagged", "$Work"));
        f.deliver("d@x", Set.of("\\Seen"), 4);
        f.source.deliver("INBOX", Mail.message("c@x"), Set.of(), Mail.date(3)); // c again
      }),
      new Scenario("selection widened: messages skipped by age and size floor copied now", f -> {
        f.source.condstore(true);
        f.source.searches.put("NOT HEADER X-Spam-Flag YES", SPAM_FREE);
        f.options = SyncOptions.DEFAULT.withSelection(new Selection(
            java.util.Optional.of(java.time.Period.ofYears(1)), java.util.Optional.empty(),
            java.util.Optional.empty(), java.util.Optional.empty(), OptionalLong.of(120),
            java.util.Optional.of("NOT HEADER X-Spam-Flag YES")));
        f.deliver("old@x", Set.of("\\Seen"), 1); // 2024: older than a year
        f.source.deliver("INBOX", Mail.message("t@x", "t", ""), Set.of(), RECENT);
        f.source.deliver("INBOX", spam("spam@x"), Set.of(), RECENT);
        f.source.deliver("INBOX", Mail.message("ok@x", "ok", "x".repeat(80)), Set.of(), RECENT);
        f.sync();
        f.options = SyncOptions.DEFAULT.withSelection(new Selection(java.util.Optional.empty(),
            java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
            OptionalLong.empty(), java.util.Optional.of("NOT HEADER X-Spam-Flag YES")));
        f.source.deliver("INBOX", Mail.message("new@x", "new", "x".repeat(80)), Set.of(), RECENT);
      }),
      new Scenario("source UIDVALIDITY changed, destination without UIDPLUS", f -> {
        f.destination.capabilities.remove("UIDPLUS");
        f.deliver("a@x", Set.of(), 1);
        f.deliver("b@x", Set.of("\\Seen"), 2);
        f.sync();
        f.source.renumber("INBOX");
        f.deliver("c@x", Set.of("\\Draft"), 3);
        f.deliver("a@x", Set.of(), 1); // identical to the first
      }),
      new Scenario("mirrored expunges counted before removal, as apply does", f -> {
        f.options = MIRROR;
        f.counted = true;
        long a = f.deliver("a@x", Set.of(), 1);
        f.deliver("b@x", Set.of(), 2);
        long c = f.deliver("c@x", Set.of("\\Seen"), 3);
        f.sync();
        f.source.expunge("INBOX", a);
        f.source.expunge("INBOX", c);
        f.deliver("d@x", Set.of(), 4);
      }));

  @TestFactory
  Stream<DynamicTest> sync_killedAtEveryOperation_rerunEndsAsUninterrupted() {
    return SCENARIOS.stream().flatMap(scenario -> {
      Reference reference = reference(scenario);
      return Stream.of(Faults.When.values()).flatMap(when ->
          IntStream.rangeClosed(1, reference.operations()).mapToObj(n -> DynamicTest.dynamicTest(
              scenario.name() + ": kill " + when.name().toLowerCase() + " operation " + n + "/"
                  + reference.operations(),
              () -> killAndRerun(scenario, reference, n, when))));
    });
  }

  @TestFactory
  Stream<DynamicTest> sync_connectionDroppedAtEveryServerOperation_recoversInTheSameRun() {
    return SCENARIOS.stream().flatMap(scenario -> {
      Reference reference = reference(scenario, false);
      return Stream.of(Faults.When.values()).flatMap(when ->
          IntStream.rangeClosed(1, reference.operations()).mapToObj(n -> DynamicTest.dynamicTest(
              scenario.name() + ": drop " + when.name().toLowerCase() + " operation " + n + "/"
                  + reference.operations(),
              () -> dropAndRecover(scenario, reference, n, when))));
    });
  }

  @TestFactory
  Stream<DynamicTest> sync_killedAgainWhileRecovering_thirdRunEndsAsUninterrupted() {
    java.util.Random random = new java.util.Random(20260301);
    return SCENARIOS.stream().flatMap(scenario -> {
      Reference reference = reference(scenario);
      return IntStream.range(0, 15).mapToObj(i -> {
        int first = 1 + random.nextInt(reference.operations());
        int second = 1 + random.nextInt(reference.operations());
        Faults.When when = random.nextBoolean() ? Faults.When.BEFORE : Faults.When.AFTER;
        return DynamicTest.dynamicTest(scenario.name() + ": kill " + when.name().toLowerCase()
            + " operation " + first + ", then in the re-run at " + second,
            () -> killTwiceAndRerun(scenario, reference, first, second, when, i));
      });
    });
  }

  /**
   * First sync onto a destination preseeded by another tool, killed before it starts, then killed
   * again while recovering; the same case once more. Regression: once adoption hashed every
   * candidate, the seeded draws gave cases 1 and 12 of the factory above the same kill points,
   * both cases used one state file, and the second began on the first's finished sync: its fresh
   * destination kept the two preseeded messages without their flags, and nothing was copied.
   */
  @Test
  void sync_preseededDestinationKilledTwiceSameKillPointsTwice_eachCaseEndsAsUninterrupted() {
    // given
    Scenario preseeded = SCENARIOS.getFirst();
    Reference reference = reference(preseeded);
    int whileRecovering = reference.operations() - 4; // late in the re-run, as case 12 was

    // when, then
    killTwiceAndRerun(preseeded, reference, 2, whileRecovering, Faults.When.BEFORE, 0);
    killTwiceAndRerun(preseeded, reference, 2, whileRecovering, Faults.When.BEFORE, 0);
  }

  private record Reference(int operations, List<FakeImapServer.Copy> destination,
      List<FakeImapServer.Copy> source) {}

  private Reference reference(Scenario scenario) {
    return reference(scenario, true);
  }

  private Reference reference(Scenario scenario, boolean countStore) {
    try (SyncFixture f = new SyncFixture(caseDir("ref-" + countStore))) {
      scenario.before().accept(f);
      f.crashingStore = countStore;
      int base = f.faults.count();
      f.sync();
      int operations = f.faults.count() - base;
      assertThat(f.sync().copied()).isZero();
      return new Reference(operations, f.destination.copies("INBOX"), f.source.copies("INBOX"));
    }
  }

  private void killAndRerun(Scenario scenario, Reference reference, int n, Faults.When when) {
    try (SyncFixture f = new SyncFixture(caseDir("kill-" + when + n))) {
      // given
      scenario.before().accept(f);
      f.crashingStore = true;
      f.faults.crashAt(f.faults.count() + n, when);
      boolean killed;
      try {
        f.sync();
        killed = false;
      } catch (SimulatedCrash expected) {
        killed = true;
      }
      f.faults.clear();
      f.restart();

      // when
      f.sync();

      // then
      assertThat(killed).as("the kill happened").isTrue();
      assertThat(f.destination.copies("INBOX")).isEqualTo(reference.destination());
      assertThat(f.source.copies("INBOX")).isEqualTo(reference.source());
      FolderSyncResult third = f.sync();
      assertThat(third.copied() + third.adopted() + third.flagsUpdated() + third.deleted()).isZero();
      assertThat(f.store().intents(SyncFixture.ACCOUNT, "INBOX")).isEmpty();
    }
  }

  private void dropAndRecover(Scenario scenario, Reference reference, int n, Faults.When when) {
    try (SyncFixture f = new SyncFixture(caseDir("drop-" + when + n))) {
      // given
      scenario.before().accept(f);
      f.faults.dropAt(f.faults.count() + n, when);
      int eventsBefore = f.events.size();

      // when
      f.sync();

      // then: one retry (in a counted run it may be the count's, which has no result of its own)
      assertThat(f.events.subList(eventsBefore, f.events.size()))
          .filteredOn(e -> e.startsWith("retry ")).hasSize(1);
      assertThat(f.destination.copies("INBOX")).isEqualTo(reference.destination());
      assertThat(f.source.copies("INBOX")).isEqualTo(reference.source());
      FolderSyncResult again = f.sync();
      assertThat(again.copied() + again.adopted() + again.flagsUpdated() + again.deleted()).isZero();
    }
  }

  /** {@code draw} keeps the state apart when the same kill points are drawn twice. */
  private void killTwiceAndRerun(Scenario scenario, Reference reference, int first, int second,
      Faults.When when, int draw) {
    try (SyncFixture f = new SyncFixture(caseDir("twice-" + when + first + "-" + second + "-"
        + draw))) {
      // given
      scenario.before().accept(f);
      f.crashingStore = true;
      f.faults.crashAt(f.faults.count() + first, when);
      runUntilKilled(f);
      f.faults.clear();
      f.restart();
      f.faults.crashAt(f.faults.count() + second, when);
      runUntilKilled(f);
      f.faults.clear();
      f.restart();

      // when
      f.sync();

      // then
      assertThat(f.destination.copies("INBOX")).isEqualTo(reference.destination());
      assertThat(f.source.copies("INBOX")).isEqualTo(reference.source());
    }
  }

  /**
   * A new directory for one case. The {@code @TempDir} field is one directory for all the dynamic
   * tests of a factory, and the seeded draws of the double-kill factory can repeat a (first,
   * second, when) triple: a name made from those alone let a later case start on an earlier
   * case's finished state file.
   */
  private Path caseDir(String label) {
    try {
      return Files.createTempDirectory(dir, label + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void runUntilKilled(SyncFixture f) {
    try {
      f.sync();
    } catch (SimulatedCrash expected) {
      // the process "died" here
    }
  }
}
