package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafetyPolicyTest {
  private static final RrsetKey MX = new RrsetKey("acme.test", "MX");
  private static final RrsetKey TXT = new RrsetKey("acme.test", "TXT");
  private static final RrsetKey DMARC = new RrsetKey("_dmarc.acme.test", "TXT");
  private static final SafetyPolicy POLICY = new SafetyPolicy(0.5);

  @Test
  void classify_mxSetReplaced_needsConfirmation() {
    DnsChange change = DnsChange.between(RrsetSnapshot.of(MX, 300, List.of("10 old.test.")),
        RrsetSnapshot.of(MX, 300, List.of("10 new.test.")));

    assertThat(POLICY.classify(List.of(change), 10)).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("acme.test. MX");
      assertThat(r.reason()).isEqualTo("replaces the MX set: mail for acme.test. goes to"
          + " 10 new.test.");
    });
  }

  @Test
  void classify_mxTtlOnly_noConfirmation() {
    RrsetSnapshot mx = RrsetSnapshot.of(MX, 3600, List.of("10 old.test."));

    assertThat(POLICY.classify(List.of(DnsChange.between(mx, mx.withTtl(300))), 10)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "v=spf1 a ~all | v=spf1 a -all | true",
      " | v=spf1 a -all | true",
      "v=spf1 a -all | v=spf1 a ip4:192.0.2.1 -all | true",
      "v=spf1 a -all | v=spf1 a ~all | false",
      " | v=spf1 a ~all | false"})
  void classify_spf(String before, String after, boolean confirm) {
    assertThat(POLICY.classify(List.of(change(TXT, before, after)), 10)).hasSize(confirm ? 1 : 0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "v=DMARC1; p=none | v=DMARC1; p=quarantine | true",
      " | v=DMARC1; p=quarantine | true",
      " | v=DMARC1; p=none | false",
      "v=DMARC1; p=reject | v=DMARC1; p=quarantine | false",
      "v=DMARC1; p=quarantine; pct=10 | v=DMARC1; p=quarantine | true",
      "v=DMARC1; p=quarantine; sp=none | v=DMARC1; p=quarantine | true",
      "v=DMARC1; p=reject | v=DMARC1; p=reject; rua=mailto:a@acme.test | false"})
  void classify_dmarc(String before, String after, boolean confirm) {
    assertThat(POLICY.classify(List.of(change(DMARC, before, after)), 10))
        .hasSize(confirm ? 1 : 0);
  }

  @Test
  void classify_moreThanTheShareOfManagedRrsets_needsConfirmationForTheSet() {
    List<DnsChange> changes = List.of(
        change(new RrsetKey("a.acme.test", "TXT"), null, "x"),
        change(new RrsetKey("b.acme.test", "TXT"), null, "y"));

    assertThat(POLICY.classify(changes, 3)).singleElement().satisfies(r -> {
      assertThat(r.key()).isEmpty();
      assertThat(r.reason()).isEqualTo("changes 2 of 3 managed RRsets, more than"
          + " dns.safety.max-change-share (0.5)");
    });
    assertThat(POLICY.classify(changes, 4)).isEmpty();
  }

  private static DnsChange change(RrsetKey key, String before, String after) {
    return DnsChange.between(snapshot(key, before), snapshot(key, after));
  }

  private static RrsetSnapshot snapshot(RrsetKey key, String value) {
    return value == null ? RrsetSnapshot.absent(key)
        : RrsetSnapshot.of(key, 3600, List.of(TxtValue.rdata(value)));
  }
}
