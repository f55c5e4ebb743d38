package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RrsetSnapshotTest {
  @Test
  void of_sameDataWrittenDifferently_isEqual() {
    RrsetSnapshot a = new RrsetSnapshot("ACME.test", "mx", 300,
        List.of("20 MX2.Old.Test", "10 mx.old.test.", "10 mx.old.test."));
    RrsetSnapshot b = new RrsetSnapshot("acme.test.", "MX", 300,
        List.of("10 mx.old.test.", "20 mx2.old.test."));

    assertThat(a).isEqualTo(b);
    assertThat(a.records()).containsExactly("10 mx.old.test.", "20 mx2.old.test.");
  }

  @Test
  void sameRecords_differentTtl_trueButNotEqual() {
    RrsetSnapshot a = RrsetSnapshot.of(new RrsetKey("acme.test", "MX"), 300, List.of("10 a.test."));
    RrsetSnapshot b = a.withTtl(3600);

    assertThat(a.sameRecords(b)).isTrue();
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void absent_hasTtlZeroAndRendersAbsent() {
    RrsetSnapshot absent = new RrsetSnapshot("x.acme.test", "TXT", 600, List.of());

    assertThat(absent.ttl()).isZero();
    assertThat(absent.lines()).containsExactly("x.acme.test. TXT (absent)");
  }

  @Test
  void new_invalidData_errorNamingRrset() {
    assertThatThrownBy(() -> new RrsetSnapshot("acme.test", "MX", 300, List.of("ten mx.test.")))
        .hasMessageContaining("invalid MX data for acme.test.: 'ten mx.test.'");
    assertThatThrownBy(() -> new RrsetSnapshot("acme.test", "NOPE", 300, List.of()))
        .hasMessageContaining("unknown DNS record type: NOPE");
  }

  @Test
  void txtValue_splitAndJoin_roundTripsQuotesAndBackslashes() {
    String value = "a \"quoted\" back\\slash; " + "x".repeat(300);

    String rdata = TxtValue.rdata(value);

    assertThat(TxtValue.strings(rdata)).hasSize(2);
    assertThat(TxtValue.joined(rdata)).isEqualTo(value);
  }

  @Test
  void txtValue_split_neverCutsAUtf8Sequence() {
    String value = "é".repeat(200); // 400 bytes

    assertThat(TxtValue.split(value)).extracting(String::length).containsExactly(127, 73);
  }
}
