package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.dns.CheckFinding.Verdict;
import dev.mailshift.plan.dns.DnsSection;
import dev.mailshift.plan.dns.DnsTargets;
import dev.mailshift.testsupport.Await;
import dev.mailshift.testsupport.SmtpGreeter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
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

  // The SMTP probe of the MX hosts, against real sockets on 127.0.0.1 (tests cannot bind 25).

  private static final List<DnsTargets.Mx> MX1 =
      List.of(new DnsTargets.Mx(10, "mx1.newhost.test."));
  private static final FakeRecursiveLookup LOOPBACK =
      new FakeRecursiveLookup().host("mx1.newhost.test", "127.0.0.1");

  private static MailAuthChecks probing(FakeRecursiveLookup lookup, int port, Duration timeout) {
    return new MailAuthChecks(lookup, new DnsSection.Checks(
        new DnsSection.MxSmtp(true, port, timeout)));
  }

  private static List<CheckFinding> smtp(List<CheckFinding> findings) {
    return findings.stream().filter(f -> f.check().equals("mx-smtp")).toList();
  }

  /** A port nothing listens on: bound, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void mx_hostGreetsOnTheSmtpPort_passesAndEndsWithQuit() throws Exception {
    try (SmtpGreeter server = SmtpGreeter.greeting("220-mx1.newhost.test ESMTP",
        "220 mx1.newhost.test ready")) {
      // when
      List<CheckFinding> findings = probing(LOOPBACK, server.port(), Duration.ofSeconds(5))
          .mx(ZONE, MX1);

      // then
      assertThat(findings).extracting(CheckFinding::check, CheckFinding::verdict).containsExactly(
          org.assertj.core.groups.Tuple.tuple("mx", Verdict.PASS),
          org.assertj.core.groups.Tuple.tuple("mx-smtp", Verdict.PASS));
      assertThat(findings.get(1).message()).isEqualTo("MX target mx1.newhost.test. (127.0.0.1)"
          + " on port " + server.port() + " greets: 220 mx1.newhost.test ready");
      Await.until(Duration.ofSeconds(5), "the check to say QUIT",
          () -> server.received().equals(List.of("QUIT")));
    }
  }

  @Test
  void mx_nothingListensOnThePort_errorNamingHostAddressPortAndHowToSkip() throws Exception {
    // given
    int port = closedPort();

    // when
    List<CheckFinding> findings = smtp(probing(LOOPBACK, port, Duration.ofSeconds(5))
        .mx(ZONE, MX1));

    // then
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.verdict()).isEqualTo(Verdict.ERROR);
      assertThat(f.subject()).isEqualTo("mx1.newhost.test.");
      assertThat(f.message()).isEqualTo("MX target mx1.newhost.test. (127.0.0.1) on port " + port
          + " does not take a TCP connection: connection refused (nothing listens there, or a"
          + " firewall rejects it)");
      assertThat(f.fix()).contains("start the SMTP service on mx1.newhost.test.")
          .contains("open port " + port)
          .contains("skip this check with dns.checks.mx-smtp: { enabled: false }");
    });
  }

  @Test
  void mx_oneOfTwoAddressesRefuses_eachAddressCheckedAndOnlyThatOneFails() throws Exception {
    // given: the server listens on 127.0.0.1 only; 127.0.0.2 is loopback too, with nothing there
    FakeRecursiveLookup lookup =
        new FakeRecursiveLookup().host("mx1.newhost.test", "127.0.0.1", "127.0.0.2");
    try (SmtpGreeter server = SmtpGreeter.greeting("220 mx1.newhost.test ESMTP")) {
      // when
      List<CheckFinding> findings = smtp(probing(lookup, server.port(), Duration.ofSeconds(5))
          .mx(ZONE, MX1));

      // then
      assertThat(findings).extracting(CheckFinding::verdict)
          .containsExactly(Verdict.PASS, Verdict.ERROR);
      assertThat(findings.get(1).message()).contains("(127.0.0.2) on port " + server.port()
          + " does not take a TCP connection");
    }
  }

  @Test
  void mx_serverRefusesThisClientWith554_warningNotError() throws Exception {
    try (SmtpGreeter server = SmtpGreeter.greeting("554 5.7.1 no mail from your address")) {
      assertThat(smtp(probing(LOOPBACK, server.port(), Duration.ofSeconds(5)).mx(ZONE, MX1)))
          .singleElement().satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.WARNING);
            assertThat(f.message()).contains("refuses this machine: '554 5.7.1 no mail from your"
                + " address'");
          });
    }
  }

  @Test
  void mx_serviceNotAvailable421_error() throws Exception {
    try (SmtpGreeter server = SmtpGreeter.greeting("421 4.3.2 shutting down")) {
      assertThat(smtp(probing(LOOPBACK, server.port(), Duration.ofSeconds(5)).mx(ZONE, MX1)))
          .singleElement().satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(f.message()).contains("answers '421 4.3.2 shutting down' instead of a 220"
                + " greeting");
          });
    }
  }

  @Test
  void mx_anotherServiceOnThePort_errorQuotingWhatItSaid() throws Exception {
    try (SmtpGreeter server = SmtpGreeter.greeting("SSH-2.0-OpenSSH_9.2")) {
      assertThat(smtp(probing(LOOPBACK, server.port(), Duration.ofSeconds(5)).mx(ZONE, MX1)))
          .singleElement().satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(f.message()).endsWith("answers 'SSH-2.0-OpenSSH_9.2', which is not an"
                + " SMTP greeting");
          });
      assertThat(server.received()).isEmpty();
    }
  }

  @Test
  void mx_serverNeverGreets_warningAfterTheTimeout() throws Exception {
    try (SmtpGreeter server = SmtpGreeter.silent()) {
      assertThat(smtp(probing(LOOPBACK, server.port(), Duration.ofSeconds(1)).mx(ZONE, MX1)))
          .singleElement().satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.WARNING);
            assertThat(f.message()).contains("took the connection but sent no greeting within"
                + " 1s");
            assertThat(f.fix()).contains("dns.checks.mx-smtp.timeout");
          });
    }
  }

  @Test
  void mx_checkDisabled_noConnectionIsMade() throws Exception {
    try (SmtpGreeter server = SmtpGreeter.greeting("220 mx1.newhost.test ESMTP")) {
      // when
      List<CheckFinding> findings = new MailAuthChecks(LOOPBACK, new DnsSection.Checks(
          new DnsSection.MxSmtp(false, server.port(), Duration.ofSeconds(5)))).mx(ZONE, MX1);

      // then
      assertThat(findings).extracting(CheckFinding::check).containsExactly("mx");
      assertThat(server.connections()).isZero();
    }
  }
}
