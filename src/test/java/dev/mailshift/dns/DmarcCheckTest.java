package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.dns.CheckFinding.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DmarcCheckTest {
  private static final String NAME = "_dmarc.acme.test.";
  private final MailAuthChecks checks = new MailAuthChecks(new FakeRecursiveLookup());

  @Test
  void check_goodQuarantinePolicy_passes() {
    assertThat(checks.dmarc(NAME, List.of("v=DMARC1; p=quarantine; sp=reject; adkim=s;"
        + " aspf=r; pct=50; fo=1:d; ri=86400; rua=mailto:d@acme.test,mailto:e@acme.test")))
        .singleElement().satisfies(f -> {
          assertThat(f.verdict()).isEqualTo(Verdict.PASS);
          assertThat(f.message()).isEqualTo("policy p=quarantine");
        });
  }

  @Test
  void check_policyNone_warnsItOnlyMonitors() {
    assertThat(checks.dmarc(NAME, List.of("v=DMARC1; p=none"))).singleElement()
        .satisfies(f -> assertThat(f.verdict()).isEqualTo(Verdict.WARNING));
  }

  @Test
  void check_withoutP_errorPIsRequired() {
    assertThat(checks.dmarc(NAME, List.of("v=DMARC1; rua=mailto:d@acme.test")))
        .singleElement().satisfies(f -> {
          assertThat(f.verdict()).isEqualTo(Verdict.ERROR);
          assertThat(f.message()).contains("p= (the policy) is missing");
          assertThat(f.fix()).isEqualTo("add p=none, p=quarantine or p=reject");
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "p=reject; v=DMARC1 | v=DMARC1 must be the first tag",
      "v=DMARC1; p=block | p=block: must be none, quarantine or reject",
      "v=DMARC1; p=none; sp=all | sp=all: must be none, quarantine or reject",
      "v=DMARC1; p=none; pct=150 | pct=150: must be a whole number from 0 to 100",
      "v=DMARC1; p=none; adkim=x | adkim=x: must be r or s",
      "v=DMARC1; p=none; rua=d@acme.test | 'd@acme.test' is not a mailto: address",
      "v=DMARC1; p=none; fo=2 | fo=2: must be 0, 1, d or s",
      "v=DMARC1; p=none; p=reject | the tag p= appears twice"})
  void check_brokenTag_errorNamingTheTag(String value, String expected) {
    assertThat(checks.dmarc(NAME, List.of(value))).filteredOn(CheckFinding::isError)
        .extracting(CheckFinding::message).anySatisfy(m -> assertThat(m).contains(expected));
  }

  @Test
  void check_twoRecords_errorReceiversApplyNone() {
    assertThat(checks.dmarc(NAME, List.of("v=DMARC1; p=none", "v=DMARC1; p=reject")))
        .singleElement().satisfies(f -> assertThat(f.message())
            .contains("2 DMARC records").contains("RFC 7489 section 6.6.3"));
  }

  @Test
  void check_noRecord_errorWithExample() {
    assertThat(checks.dmarc(NAME, List.of("something else"))).singleElement()
        .satisfies(f -> assertThat(f.fix()).contains("v=DMARC1; p=none"));
  }

  @Test
  void check_unknownTag_warningIgnored() {
    assertThat(checks.dmarc(NAME, List.of("v=DMARC1; p=reject; foo=bar")))
        .extracting(CheckFinding::verdict).containsExactly(Verdict.WARNING, Verdict.PASS);
  }
}
