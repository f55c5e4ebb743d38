package dev.mailshift.plan.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.Location;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Problem;
import dev.mailshift.plan.SecretRef;
import dev.mailshift.plan.StepKind;
import dev.mailshift.plan.dns.DkimAlgorithm;
import dev.mailshift.plan.dns.DnsProviderConfig;
import dev.mailshift.plan.dns.DnsSection;
import dev.mailshift.plan.dns.DnsTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code dns:} section: values, defaults, the TSIG secret as a reference, errors at l:c. */
class DnsReaderTest {
  /** Lines 10 to 14: the smallest dns section; tests append to or replace its lines. */
  static final String BASE = PlanLoaderErrorsTest.BASE + """
      dns:
        zone: Acme.Example
        provider: { type: rfc2136, server: "ns1.acme.example:53", tsig: { name: mailshift, secret: "env:TSIG" } }
        records:
          mx: [ { priority: 10, host: mx1.newhost.example. } ]
      """;

  static LoadResult load(String yaml) {
    return new PlanLoader().loadString(yaml, Path.of("/p/plan.yaml"));
  }

  static DnsSection dns(String yaml) {
    LoadResult r = load(yaml);
    assertThat(r.problems()).as("%s", r.problems()).isEmpty();
    return r.plan().orElseThrow().dns().orElseThrow();
  }

  static Problem onlyError(String yaml) {
    List<Problem> errors = load(yaml).problems().stream().filter(Problem::isError).toList();
    assertThat(errors).as("%s", errors).hasSize(1);
    return errors.get(0);
  }

  static Location at(int line, int column) {
    return new Location("/p/plan.yaml", line, column);
  }

  @Test
  void load_smallestSection_everyDefaultAndTheSecretAsReference() {
    // when
    DnsSection dns = dns(BASE);

    // then
    assertThat(dns.zone()).isEqualTo("acme.example.");
    assertThat(dns.cutoverTtl()).isEqualTo(Defaults.DNS_CUTOVER_TTL);
    assertThat(dns.normalTtl()).isEqualTo(Defaults.DNS_NORMAL_TTL);
    assertThat(dns.servers()).isEmpty();
    assertThat(dns.resolver()).isEmpty();
    assertThat(dns.timeouts()).isEqualTo(Defaults.DNS_TIMEOUTS)
        .isEqualTo(DnsSection.Timeouts.DEFAULT);
    assertThat(dns.safety()).isEqualTo(Defaults.DNS_SAFETY).isEqualTo(DnsSection.Safety.DEFAULT);
    assertThat(dns.outgoing()).isEqualTo(DnsSection.Outgoing.NONE);
    assertThat(dns.checks()).isEqualTo(Defaults.DNS_CHECKS).isEqualTo(DnsSection.Checks.DEFAULT);
    assertThat(dns.checks().mxSmtp()).isEqualTo(
        new DnsSection.MxSmtp(true, 25, Duration.ofSeconds(10)));
    assertThat(dns.provider()).isEqualTo(new DnsProviderConfig.Rfc2136("ns1.acme.example:53",
        new DnsProviderConfig.Tsig("mailshift.", "hmac-sha256", new SecretRef.Env("TSIG"))));
    assertThat(dns.records().mx()).containsExactly(
        new DnsTargets.Mx(10, "mx1.newhost.example.", at(14, 11)));
    assertThat(dns.location()).isEqualTo(at(11, 3));
  }

  @Test
  void load_everyRecordKind_mappedWithPositionsAndResolvedPaths() {
    // given
    String yaml = BASE.replace("    mx: [", "    " + String.join("\n    ",
        "spf: \"v=spf1 ip4:192.0.2.0/24 -all\"",
        "dmarc: \"v=DMARC1; p=none\"",
        "dkim:",
        "  - { selector: s1, algorithm: ed25519, key: generate }",
        "  - { selector: s2, key: generate, private-key-file: keys/s2.pem }",
        "  - { selector: old, public-key: \"MIIBIjAN\" }",
        "srv: [ { service: _imaps._tcp, port: 993, target: imap.new.example } ]",
        "autoconfig:",
        "  - { name: autoconfig, cname: ac.new.example }",
        "  - { name: autodiscover, addresses: [192.0.2.10, \"2001:db8::10\"] }",
        "remove: [ { name: old-autodiscover, type: cname } ]",
        "mx: ["));
    assertThat(yaml).startsWith(BASE.substring(0, BASE.indexOf("    mx: [")) + "    spf:");

    // when
    DnsTargets t = dns(yaml).records();

    // then
    assertThat(t.spf()).contains(new DnsTargets.Text("v=spf1 ip4:192.0.2.0/24 -all", at(14, 10)));
    assertThat(t.dmarc().map(DnsTargets.Text::value)).contains("v=DMARC1; p=none");
    assertThat(t.dkim()).extracting(DnsTargets.Dkim::selector, DnsTargets.Dkim::algorithm,
        DnsTargets.Dkim::key).containsExactly(
        org.assertj.core.groups.Tuple.tuple("s1", DkimAlgorithm.ED25519,
            new DnsTargets.DkimKey.Generate(Path.of("/p/dkim/s1.acme.example.pem"))),
        org.assertj.core.groups.Tuple.tuple("s2", DkimAlgorithm.RSA,
            new DnsTargets.DkimKey.Generate(Path.of("/p/keys/s2.pem"))),
        org.assertj.core.groups.Tuple.tuple("old", DkimAlgorithm.RSA,
            new DnsTargets.DkimKey.Given("MIIBIjAN")));
    assertThat(t.srv()).extracting(DnsTargets.Srv::priority, DnsTargets.Srv::weight)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Defaults.SRV_PRIORITY,
            Defaults.SRV_WEIGHT));
    assertThat(t.autoconfig()).extracting(DnsTargets.HostAlias::cname)
        .containsExactly(Optional.of("ac.new.example"), Optional.empty());
    assertThat(t.remove()).extracting(DnsTargets.Removal::type).containsExactly("CNAME");
  }

  @Test
  void load_everythingSet_takenAsWritten(@TempDir Path dir) throws Exception {
    // given
    Files.writeString(dir.resolve("acme.zone"), "; zone\n");
    String yaml = BASE.replace("  provider: { type: rfc2136, server: \"ns1.acme.example:53\","
        + " tsig: { name: mailshift, secret: \"env:TSIG\" } }", """
          cutover-ttl: 60
          normal-ttl: 86400
          servers: ["127.0.0.1:5353", "[::1]:53", ns2.acme.example]
          resolver: "127.0.0.1:53"
          timeouts: { query: 2s, propagation: 5m, poll: 1s }
          provider: { type: zonefile, file: acme.zone }
          outgoing: { ips: [198.51.100.7, "2001:db8::7"], hosts: [smtp.new.example] }
          safety: { max-change-share: 1 }
          checks: { mx-smtp: { enabled: false, port: 2525, timeout: 3s } }""".indent(2).stripTrailing());

    // when
    DnsSection dns = new PlanLoader().loadString(yaml, dir.resolve("plan.yaml")).plan()
        .orElseThrow().dns().orElseThrow();

    // then
    assertThat(dns.cutoverTtl()).isEqualTo(60);
    assertThat(dns.normalTtl()).isEqualTo(86400);
    assertThat(dns.servers()).containsExactly("127.0.0.1:5353", "[::1]:53", "ns2.acme.example");
    assertThat(dns.resolver()).contains("127.0.0.1:53");
    assertThat(dns.timeouts()).isEqualTo(new DnsSection.Timeouts(Duration.ofSeconds(2),
        Duration.ofMinutes(5), Duration.ofSeconds(1)));
    assertThat(dns.provider()).isEqualTo(new DnsProviderConfig.ZoneFile(
        dir.resolve("acme.zone")));
    assertThat(dns.outgoing().ips()).containsExactly("198.51.100.7", "2001:db8::7");
    assertThat(dns.safety().maxChangeShare()).isEqualTo(1.0);
    assertThat(dns.checks().mxSmtp()).isEqualTo(
        new DnsSection.MxSmtp(false, 2525, Duration.ofSeconds(3)));
  }

  @Test
  void load_mxSmtpPartlyWritten_restFromDefaults() {
    DnsSection dns = dns(BASE + "  checks: { mx-smtp: { port: 2525 } }\n");
    assertThat(dns.checks().mxSmtp()).isEqualTo(new DnsSection.MxSmtp(
        Defaults.DNS_MX_SMTP.enabled(), 2525, Defaults.DNS_MX_SMTP.timeout()));
  }

  @Test
  void load_dnsSteps_parsedInOrder() {
    Plan plan = load(BASE + "phases: [ { name: cutover, steps: [dns-mx, sync, dns-validate] } ]\n")
        .plan().orElseThrow();
    assertThat(plan.phases().get(0).steps()).containsExactly(StepKind.DNS_MX, StepKind.SYNC,
        StepKind.DNS_VALIDATE);
    assertThat(plan.phases().get(0).hasAccountSteps()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bad zone         | 'zone: Acme.Example'     | 'zone: \"acme..example\"'                | 11 | 9  | is not a DNS name",
      "unknown key      | 'zone: Acme.Example'     | 'zone: acme.example\n  ttl: 300'          | 12 | 3  | unknown key 'ttl'",
      "ttl negative     | 'zone: Acme.Example'     | 'zone: acme.example\n  cutover-ttl: -1'   | 12 | 16 | outside 0..2147483647",
      "smtp port big    | 'zone: Acme.Example'     | 'zone: acme.example\n  checks: { mx-smtp: { port: 99999 } }' | 12 | 30 | outside 1..65535",
      "no provider      | '  provider: { type: rfc2136, server: \"ns1.acme.example:53\", tsig: { name: mailshift, secret: \"env:TSIG\" } }\n' | '' | 11 | 3 | has no 'provider'",
      "bad type         | 'type: rfc2136'          | 'type: route53'                          | 12 | 21 | cannot be 'route53'",
      "file for rfc2136 | 'tsig: {'                | 'file: x, tsig: {'                       | 12 | 67 | does not apply to type rfc2136",
      "plain tsig secret| 'secret: \"env:TSIG\"'    | 'secret: hunter2'                        | 12 | 94 | must be references",
      "templated secret | 'secret: \"env:TSIG\"'    | 'secret: \"env:T_${id}\"'                | 12 | 94 | uses ${...}",
      "bad algorithm    | 'name: mailshift,'       | 'name: mailshift, algorithm: sha1,'      | 12 | 97 | cannot be 'sha1'",
      "no server        | 'server: \"ns1.acme.example:53\", ' | ''                         | 12 | 13 | has no 'server'",
      "bad server       | 'ns1.acme.example:53'    | 'ns1.acme.example:99999'                 | 12 | 38 | port outside 1..65535",
      "mx host bad      | 'mx1.newhost.example.'   | 'mx1..newhost'                           | 14 | 33 | is not a DNS name",
      "mx no priority   | 'priority: 10, '         | ''                                       | 14 | 11 | has no 'priority'",
      "spf syntax       | '    mx: ['              | '    spf: \"spf1 -all\"\n    mx: ['       | 14 | 10 | must start with v=spf1",
      "dmarc syntax     | '    mx: ['              | '    dmarc: \"p=none\"\n    mx: ['       | 14 | 12 | must start with v=DMARC1",
  })
  void load_mistake_oneErrorAtItsPosition(String what, String from, String to, int line,
      int column, String message) {
    // given
    String yaml = BASE.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    assertThat(yaml).as("mutation applies").isNotEqualTo(BASE);

    // when
    Problem error = onlyError(yaml);

    // then
    assertThat(error.message()).contains(message);
    assertThat(error.location()).isEqualTo(at(line, column));
    assertThat(error.fix()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "dkim both keys      | '{ selector: s1, key: generate, public-key: AAAA }'       | has both key and public-key",
      "dkim no key         | '{ selector: s1 }'                                       | has neither key",
      "dkim file with given| '{ selector: s1, public-key: AAAA, private-key-file: k }' | private-key-file goes with key: generate",
      "dkim key other      | '{ selector: s1, key: make }'                            | cannot be 'make'",
      "dkim bad selector   | '{ selector: \"-s\", key: generate }'                     | is not letters",
  })
  void load_dkimMistake_oneError(String what, String dkim, String message) {
    String yaml = BASE.replace("    mx: [", "    dkim: [ " + dkim + " ]\n    mx: [");
    assertThat(yaml).as("mutation applies").isNotEqualTo(BASE);
    assertThat(onlyError(yaml).message()).contains(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "both                | 'autoconfig: [ { name: ac, cname: x.example, addresses: [192.0.2.1] } ]' | has both cname and addresses",
      "neither             | 'autoconfig: [ { name: ac } ]'                                           | has neither cname nor addresses",
      "empty addresses     | 'autoconfig: [ { name: ac, addresses: [] } ]'                            | is empty",
      "outside zone        | 'autoconfig: [ { name: ac.other.example., cname: x.example } ]'          | is not in zone acme.example.",
      "bad service         | 'srv: [ { service: imaps, port: 993, target: x.example } ]'              | is not a service like _imaps._tcp",
      "srv no port         | 'srv: [ { service: _imaps._tcp, target: x.example } ]'                   | has no 'port'",
      "remove bad type     | 'remove: [ { name: x, type: \"C-NAME\" } ]'                                | is not a record type",
  })
  void load_recordMistake_oneError(String what, String records, String message) {
    String yaml = BASE.replace("    mx: [", "    " + records + "\n    mx: [");
    assertThat(yaml).as("mutation applies").isNotEqualTo(BASE);
    assertThat(onlyError(yaml).message()).contains(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "share above one  | 'safety: { max-change-share: 1.5 }'  | outside 0..1",
      "share as text    | 'safety: { max-change-share: half }' | must be a number from 0 to 1",
      "ip not an ip     | 'outgoing: { ips: [smtp.example] }'  | is not an IP address",
      "poll too short   | 'timeouts: { poll: 0s }'             | must be at least 1s",
      "bad resolver     | 'resolver: \"a b\"'                    | is not host or host:port",
      "smtp port zero   | 'checks: { mx-smtp: { port: 0 } }'   | dns.checks.mx-smtp.port is 0, outside 1..65535",
      "smtp port text   | 'checks: { mx-smtp: { port: smtp } }' | dns.checks.mx-smtp.port must be a whole number",
      "smtp enabled text| 'checks: { mx-smtp: { enabled: \"no\" } }' | dns.checks.mx-smtp.enabled must be true or false",
      "smtp no unit     | 'checks: { mx-smtp: { timeout: 10 } }' | dns.checks.mx-smtp.timeout has no unit",
      "smtp too short   | 'checks: { mx-smtp: { timeout: 0s } }' | must be at least 1s",
      "smtp unknown key | 'checks: { mx-smtp: { host: x } }'   | unknown key 'host'",
      "checks unknown   | 'checks: { smtp: false }'            | unknown key 'smtp'",
  })
  void load_settingMistake_oneError(String what, String line, String message) {
    assertThat(onlyError(BASE + "  " + line + "\n").message()).contains(message);
  }

  @Test
  void load_zonefileMissing_errorNamingThePath() {
    String yaml = BASE.replace("{ type: rfc2136, server: \"ns1.acme.example:53\", tsig: { name:"
        + " mailshift, secret: \"env:TSIG\" } }", "{ type: zonefile, file: zones/none.zone }");
    Problem error = onlyError(yaml);
    assertThat(error.message()).contains("no readable zone file /p/zones/none.zone");
    assertThat(error.location()).isEqualTo(at(12, 37));
  }

  @Test
  void load_sectionNotAMapping_oneErrorAndStillASection() {
    String yaml = PlanLoaderErrorsTest.BASE + "dns: acme.example\n"
        + "phases: [ { name: p, steps: [dns-ttl] } ]\n";
    LoadResult r = load(yaml);
    assertThat(r.problems()).extracting(Problem::message)
        .containsExactly("dns must be a mapping (key: value), found text");
  }
}
