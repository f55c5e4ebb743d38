package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DnsRollbackTest {
  private static final String ZONE = "acme.test.";
  private static final RrsetKey MX = new RrsetKey(ZONE, "MX");
  private static final RrsetKey DMARC = new RrsetKey("_dmarc.acme.test", "TXT");
  private static final RrsetSnapshot MX_OLD =
      RrsetSnapshot.of(MX, 3600, List.of("10 mx.old.test."));
  private static final RrsetSnapshot MX_OLD_LOW = MX_OLD.withTtl(300);
  private static final RrsetSnapshot MX_NEW =
      RrsetSnapshot.of(MX, 300, List.of("10 mx1.new.test."));
  private static final RrsetSnapshot DMARC_NEW =
      RrsetSnapshot.of(DMARC, 3600, List.of(TxtValue.rdata("v=DMARC1; p=none")));

  /** Lower the MX TTL, publish DMARC, switch MX: three journalled changes. */
  private static final List<RollbackRecord> JOURNAL = List.of(
      new RollbackRecord(ZONE, MX_OLD, MX_OLD_LOW),
      new RollbackRecord(ZONE, RrsetSnapshot.absent(DMARC), DMARC_NEW),
      new RollbackRecord(ZONE, MX_OLD_LOW, MX_NEW));

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final NameServer NS1 = NameServer.parse("192.0.2.53");
  private static final NameServer NS2 = NameServer.parse("192.0.2.54");

  /** Every server answers at once: for the tests about what is restored. */
  private static final PropagationWait SERVED =
      expected -> new PropagationResult(expected, true, T0, 1, List.of());

  /** The MX set's two changes only: the TTL lowering, then the switch. */
  private static final List<RollbackRecord> MX_JOURNAL =
      List.of(JOURNAL.get(0), JOURNAL.get(2));

  private final FakeClock clock = new FakeClock(T0);
  private final FakeSleeper sleeper = new FakeSleeper(clock);

  /** A real propagation check over {@code reader}'s two servers, on the fake clock. */
  private PropagationWait servers(FakeZoneReader reader, Duration timeout) {
    PropagationCheck check = new PropagationCheck(reader, clock, sleeper, Duration.ofSeconds(10));
    return expected -> check.await(List.of(NS1, NS2), expected, timeout);
  }

  @Test
  void restore_secondaryLagsTwoRounds_waitsUntilEveryServerAnswersTheRestoredSet() {
    // given: the primary has the restored MX set at once, the secondary after two more rounds
    FakeDnsProvider zone = new FakeDnsProvider().with(MX_NEW);
    FakeZoneReader reader = new FakeZoneReader().answers(NS1, MX_OLD)
        .answers(NS2, MX_NEW, MX_NEW, MX_OLD);

    // when
    RollbackReport report = new DnsRollback(zone, servers(reader, Duration.ofMinutes(5)))
        .restore(MX_JOURNAL);

    // then
    assertThat(report.complete()).isTrue();
    assertThat(report.unserved()).isEmpty();
    assertThat(sleeper.pauses()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
    assertThat(reader.reads()).as("only the final MX set is waited for, not the in-between one")
        .isEqualTo(4);
    assertThat(zone.get(MX)).isEqualTo(MX_OLD);
  }

  @Test
  void restore_secondaryNeverCatchesUp_incompleteNamingTheServerAndWhatItServes() {
    // given
    FakeDnsProvider zone = new FakeDnsProvider().with(MX_NEW);
    FakeZoneReader reader = new FakeZoneReader().answers(NS1, MX_OLD).answers(NS2, MX_NEW);

    // when
    RollbackReport report = new DnsRollback(zone, servers(reader, Duration.ofSeconds(60)))
        .restore(MX_JOURNAL);

    // then: restored on the primary, but the rollback is not complete until every server has it
    assertThat(zone.get(MX)).isEqualTo(MX_OLD);
    assertThat(report.pending()).isEmpty();
    assertThat(report.failure()).isEmpty();
    assertThat(report.complete()).isFalse();
    assertThat(report.unserved()).singleElement().satisfies(u -> {
      assertThat(u.restored()).isEqualTo(MX_OLD);
      assertThat(u.lagging()).isEqualTo("192.0.2.54:53 serves acme.test. 300 IN MX 10"
          + " mx1.new.test.");
    });
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void restore_appliesInverseChangesInReverseOrder() {
    // given
    FakeDnsProvider zone = new FakeDnsProvider().with(MX_NEW).with(DMARC_NEW);

    // when
    RollbackReport report = new DnsRollback(zone, SERVED).restore(JOURNAL);

    // then
    assertThat(report.complete()).isTrue();
    assertThat(zone.applied()).extracting(c -> c.before(), c -> c.after()).containsExactly(
        org.assertj.core.groups.Tuple.tuple(MX_NEW, MX_OLD_LOW),
        org.assertj.core.groups.Tuple.tuple(DMARC_NEW, RrsetSnapshot.absent(DMARC)),
        org.assertj.core.groups.Tuple.tuple(MX_OLD_LOW, MX_OLD));
    assertThat(zone.get(MX)).isEqualTo(MX_OLD);
    assertThat(zone.get(DMARC).exists()).isFalse();
  }

  @Test
  void restore_interruptedThenRunAgain_finishesWithoutRewriting() {
    // given: an earlier run restored the MX switch and the DMARC record, then died
    FakeDnsProvider zone = new FakeDnsProvider().with(MX_OLD_LOW);

    // when
    RollbackReport report = new DnsRollback(zone, SERVED).restore(JOURNAL);

    // then
    assertThat(report.complete()).isTrue();
    assertThat(report.restored()).extracting(RollbackReport.Restored::alreadyRestored)
        .containsExactly(true, true, false);
    assertThat(zone.get(MX)).isEqualTo(MX_OLD);
  }

  @Test
  void restore_rrsetChangedByOthers_stopsThereListingWhatIsPending() {
    // given: someone replaced the DMARC record after mailshift wrote it
    RrsetSnapshot theirs =
        RrsetSnapshot.of(DMARC, 600, List.of(TxtValue.rdata("v=DMARC1; p=reject")));
    FakeDnsProvider zone = new FakeDnsProvider().with(MX_NEW).with(theirs);

    // when
    RollbackReport report = new DnsRollback(zone, SERVED).restore(JOURNAL);

    // then
    assertThat(report.complete()).isFalse();
    assertThat(report.restored()).hasSize(1);
    assertThat(report.pending()).containsExactly(JOURNAL.get(1), JOURNAL.get(0));
    assertThat(report.failure()).get().isInstanceOfSatisfying(PrerequisiteFailedException.class,
        e -> assertThat(e.actual()).isEqualTo(theirs));
    assertThat(zone.get(DMARC)).isEqualTo(theirs);
    assertThat(zone.get(MX)).isEqualTo(MX_OLD_LOW);
  }

  @Test
  void rollbackRecordAndTtlLowering_roundTripThroughJson() {
    JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    RollbackRecord record = JOURNAL.get(2);
    TtlLowering lowering = new TtlLowering(ZONE, "MX", 3600, TtlLowering.Basis.SERVED_TTL,
        Instant.parse("2026-03-01T10:00:00Z"));

    String text = json.writeValueAsString(record);

    assertThat(text).contains("\"previous\":{\"name\":\"acme.test.\",\"type\":\"MX\","
        + "\"ttl\":300,\"records\":[\"10 mx.old.test.\"]}");
    assertThat(json.readValue(text, RollbackRecord.class)).isEqualTo(record);
    assertThat(json.readValue(json.writeValueAsString(lowering), TtlLowering.class))
        .isEqualTo(lowering);
  }
}
