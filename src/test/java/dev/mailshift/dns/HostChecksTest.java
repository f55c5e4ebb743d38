package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.dns.CheckFinding.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostChecksTest {
  private static final String ZONE = "acme.test.";
  private final MailAuthChecks checks = new MailAuthChecks(new FakeRecursiveLookup()
      .host("mx1.newhost.test", "203.0.113.5")
      .host("imap.newhost.test", "203.0.113.6"));

  @Test
  void mx_hostThatResolves_passes() {
    assertThat(checks.mx(ZONE, List.of(new DnsTargets.Mx(10, "mx1.newhost.test."))))
        .singleElement().satisfies(f -> {
          assertThat(f.verdict()).isEqualTo(Verdict.PASS);
          assertThat(f.message()).contains("resolves to [203.0.113.5]");
        });
  }

  @Test
  void mx_ipAddress_errorSayingToUseAHostName() {
    assertThat(checks.mx(ZONE, List.of(new DnsTargets.Mx(10, "192.0.2.25")))).singleElement()
        .satisfies(f -> {
          assertThat(f.verdict()).isEqualTo(Verdict.ERROR);
          assertThat(f.message()).isEqualTo("MX 10 points at the IP address 192.0.2.25; an MX"
              + " target must be a host name");
          assertThat(f.fix()).contains("mx.acme.test");
        });
  }

  @Test
  void mx_hostWithoutAddress_error() {
    assertThat(checks.mx(ZONE, List.of(new DnsTargets.Mx(10, "nowhere.test")))).singleElement()
        .satisfies(f -> assertThat(f.message())
            .isEqualTo("MX target nowhere.test has no A or AAAA record"));
  }

  @Test
  void mx_nullMxBesideOthers_error() {
    assertThat(checks.mx(ZONE, List.of(new DnsTargets.Mx(0, "."),
        new DnsTargets.Mx(10, "mx1.newhost.test")))).first()
        .satisfies(f -> assertThat(f.message()).contains("null MX"));
  }

  @Test
  void srv_targetThatResolvesAndNotOfferedService_pass() {
    assertThat(checks.srv(ZONE, List.of(
        new DnsTargets.Srv("_imaps._tcp", 0, 1, 993, "imap.newhost.test"),
        new DnsTargets.Srv("_pop3s._tcp", 0, 0, 0, "."))))
        .extracting(CheckFinding::verdict).containsOnly(Verdict.PASS);
  }

  @Test
  void srv_targetWithoutAddressOrBadServiceName_errors() {
    assertThat(checks.srv(ZONE, List.of(
        new DnsTargets.Srv("_imaps._tcp", 0, 1, 993, "gone.newhost.test"),
        new DnsTargets.Srv("imaps", 0, 1, 993, "imap.newhost.test"))))
        .extracting(CheckFinding::message).containsExactly(
            "SRV target of _imaps._tcp gone.newhost.test has no A or AAAA record",
            "'imaps' is not a service name like _imaps._tcp (RFC 6186 section 3)");
  }
}
