package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.dns.CheckFinding.Verdict;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpfCheckTest {
  private static final String DOMAIN = "acme.test.";
  private final FakeRecursiveLookup dns = new FakeRecursiveLookup()
      .txt("_spf.newhost.test", "v=spf1 ip4:198.51.100.0/24 ip6:2001:db8::/32 -all")
      .host("mail.acme.test", "192.0.2.10");

  private List<CheckFinding> check(String... txt) {
    return check(DnsSection.Outgoing.NONE, txt);
  }

  private List<CheckFinding> check(DnsSection.Outgoing outgoing, String... txt) {
    return new MailAuthChecks(dns).spf(DOMAIN, List.of(txt), outgoing);
  }

  @Test
  void check_goodPolicyWithInclude_passesAndCountsOneLookup() {
    List<CheckFinding> findings =
        check("v=spf1 include:_spf.newhost.test -all", "google-site-verification=x");

    assertThat(findings).extracting(CheckFinding::verdict).containsOnly(Verdict.PASS);
    assertThat(findings).extracting(CheckFinding::message)
        .contains("ends in -all: unlisted hosts fail", "1 of 10 DNS lookups");
  }

  @Test
  void check_noSpfRecord_errorSayingHowToAddOne() {
    assertThat(check("google-site-verification=x")).singleElement().satisfies(f -> {
      assertThat(f.verdict()).isEqualTo(Verdict.ERROR);
      assertThat(f.message()).isEqualTo("no SPF record (TXT v=spf1) at acme.test.");
      assertThat(f.fix()).contains("dns.records.spf");
    });
  }

  @Test
  void check_twoSpfRecords_errorPermerror() {
    assertThat(check("v=spf1 -all", "v=spf1 a -all")).singleElement().satisfies(f -> {
      assertThat(f.verdict()).isEqualTo(Verdict.ERROR);
      assertThat(f.message()).contains("2 TXT records start with v=spf1", "permerror");
      assertThat(f.fix()).isEqualTo("merge them into one record");
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "v=spf1 foo -all | unknown mechanism 'foo'",
      "v=spf1 ip4:192.0.2.300 -all | ip4 needs an IPv4 address",
      "v=spf1 ip4:192.0.2.0/33 -all | invalid prefix length in 'ip4:192.0.2.0/33'",
      "v=spf1 ip6:192.0.2.1 -all | ip6 needs an IPv6 address",
      "v=spf1 include -all | include needs a domain",
      "v=spf1 include:nodot -all | 'nodot' is not a domain name",
      "v=spf1 redirect=a.test redirect=b.test | redirect= appears twice",
      "v=spf1 all:x.test | all takes no argument"})
  void check_brokenSyntax_errorNamingTheTerm(String record, String expected) {
    assertThat(check(record)).singleElement().satisfies(f -> {
      assertThat(f.verdict()).isEqualTo(Verdict.ERROR);
      assertThat(f.message()).startsWith("SPF syntax: ").contains(expected);
    });
  }

  @Test
  void check_elevenLookupsThroughNestedIncludes_errorWithTheCount() {
    // given: include:a.test holds 5 a/mx terms and includes b.test, which holds 4 more
    dns.txt("a.test", "v=spf1 a mx a:x.test mx:x.test exists:x.test include:b.test -all")
        .txt("b.test", "v=spf1 a mx a:y.test mx:y.test -all");

    // when
    List<CheckFinding> findings = check("v=spf1 include:a.test -all");

    // then: 1 (include:a) + 5 + 1 (include:b) + 4 = 11
    assertThat(findings).filteredOn(CheckFinding::isError).singleElement().satisfies(f -> {
      assertThat(f.message()).startsWith("the policy needs 11 DNS lookups")
          .contains("RFC 7208 section 4.6.4 allows 10");
      assertThat(f.fix()).contains("ip4:/ip6:");
    });
  }

  @Test
  void check_exactlyTenLookups_passes() {
    String terms = String.join(" ", IntStream.range(0, 10).mapToObj(i -> "a:h" + i + ".test")
        .toList());

    assertThat(check("v=spf1 " + terms + " -all")).extracting(CheckFinding::message)
        .contains("10 of 10 DNS lookups");
  }

  @Test
  void check_redirectCountsAndIsFollowed() {
    dns.txt("r.test", "v=spf1 a mx -all");

    assertThat(check("v=spf1 redirect=r.test")).extracting(CheckFinding::message)
        .contains("3 of 10 DNS lookups", "policy ends in redirect=r.test");
  }

  @Test
  void check_includeWithoutSpfRecord_errorPermerror() {
    assertThat(check("v=spf1 include:missing.test -all")).filteredOn(CheckFinding::isError)
        .singleElement().satisfies(f -> assertThat(f.message())
            .isEqualTo("include:missing.test has no SPF records: receivers return permerror"
                + " (RFC 7208 section 5.2)"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "v=spf1 a ~all | PASS | ends in ~all: unlisted hosts soft-fail",
      "v=spf1 a ?all | WARNING | ends in ?all",
      "v=spf1 a +all | ERROR | ends in +all: every host on the internet may send",
      "v=spf1 a | WARNING | the policy has no 'all' term"})
  void check_allPolicy_judged(String record, Verdict verdict, String message) {
    assertThat(check(record).get(0)).satisfies(f -> {
      assertThat(f.verdict()).isEqualTo(verdict);
      assertThat(f.message()).startsWith(message);
    });
  }

  @Test
  void check_newOutgoingIpCoveredThroughInclude_passes() {
    List<CheckFinding> findings = check(new DnsSection.Outgoing(
        List.of("198.51.100.7", "2001:db8::25"), List.of()),
        "v=spf1 include:_spf.newhost.test -all");

    assertThat(findings).filteredOn(f -> f.subject().contains("198.51.100.7")
        || f.subject().contains("2001:db8")).hasSize(2)
        .allSatisfy(f -> assertThat(f.verdict()).isEqualTo(Verdict.PASS));
  }

  @Test
  void check_newOutgoingHostNotCovered_errorSayingWhatToAdd() {
    List<CheckFinding> findings = check(new DnsSection.Outgoing(List.of(),
        List.of("mail.acme.test")), "v=spf1 ip4:198.51.100.0/24 -all");

    assertThat(findings).filteredOn(CheckFinding::isError).singleElement().satisfies(f -> {
      assertThat(f.subject()).isEqualTo("192.0.2.10");
      assertThat(f.message()).isEqualTo("the new outgoing host 192.0.2.10 is not authorised by"
          + " SPF (result: fail)");
      assertThat(f.fix()).startsWith("add ip4:192.0.2.10 or your provider's include:");
    });
  }

  @Test
  void check_outgoingIpCoveredByAMechanismWithPrefix_passes() {
    dns.host("acme.test", "192.0.2.1");

    assertThat(check(new DnsSection.Outgoing(List.of("192.0.2.200"), List.of()),
        "v=spf1 a/24 -all"))
        .filteredOn(f -> f.subject().equals("192.0.2.200")).singleElement()
        .satisfies(f -> assertThat(f.verdict()).isEqualTo(Verdict.PASS));
  }

  @Test
  void check_outgoingIpCoveredByMxMechanism_passes() {
    dns.mx("acme.test", "mx1.newhost.test").host("mx1.newhost.test", "203.0.113.5");

    assertThat(check(new DnsSection.Outgoing(List.of("203.0.113.5"), List.of()),
        "v=spf1 mx -all"))
        .filteredOn(f -> f.subject().equals("203.0.113.5")).singleElement()
        .satisfies(f -> assertThat(f.verdict()).isEqualTo(Verdict.PASS));
  }

  @Test
  void check_policyWithMacro_coverageUndecidedWarning() {
    assertThat(check(new DnsSection.Outgoing(List.of("192.0.2.10"), List.of()),
        "v=spf1 exists:%{i}.spf.acme.test -all"))
        .filteredOn(f -> f.subject().equals("192.0.2.10")).singleElement()
        .satisfies(f -> assertThat(f.verdict()).isEqualTo(Verdict.WARNING));
  }

  @Test
  void check_outgoingIpThatIsAHostName_errorSayingWhereHostsGo() {
    assertThat(check(new DnsSection.Outgoing(List.of("smtp.newhost.test"), List.of()),
        "v=spf1 -all")).filteredOn(CheckFinding::isError).singleElement()
        .satisfies(f -> assertThat(f.fix()).contains("dns.outgoing.hosts"));
  }
}
