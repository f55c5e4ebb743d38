package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  void restore_appliesInverseChangesInReverseOrder() {
    // given
    FakeDnsProvider zone = new FakeDnsProvider().with(MX_NEW).with(DMARC_NEW);

    // when
    RollbackReport report = new DnsRollback(zone).restore(JOURNAL);

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
    RollbackReport report = new DnsRollback(zone).restore(JOURNAL);

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
    RollbackReport report = new DnsRollback(zone).restore(JOURNAL);

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
