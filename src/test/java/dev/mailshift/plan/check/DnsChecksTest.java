package dev.mailshift.plan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.Location;
import dev.mailshift.plan.Problem;
import dev.mailshift.plan.dns.DnsSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the {@code dns:} section means: records receivers would reject are validate errors at the
 * element's position, as are two declarations of one RRset and DNS steps without a section.
 */
class DnsChecksTest {
  /** PlanValidatorTest.BASE (12 lines), then the dns section from line 13 and two phases. */
  static final String BASE = PlanValidatorTest.BASE + """
      dns:
        zone: acme.example
        provider: { type: manual }
        records:
          mx: [ { priority: 10, host: mx1.new.example. } ]
          spf: "v=spf1 include:_spf.new.example -all"
          dmarc: "v=DMARC1; p=quarantine; rua=mailto:d@acme.example"
      phases:
        - { name: prepare-dns, steps: [dns-ttl, dns-auth] }
        - { name: cutover, steps: [dns-mx, preflight, sync, validate] }
      """;

  static ValidationResult validate(String yaml) {
    return PlanValidatorTest.VALIDATOR.validateString(yaml, Path.of("plan.yaml"));
  }

  static List<Problem> errors(String yaml) {
    return validate(yaml).errors();
  }

  static Location at(int line, int column) {
    return new Location("plan.yaml", line, column);
  }

  @Test
  void validate_base_noProblemsAndTheSectionInThePlan() {
    ValidationResult r = validate(BASE);
    assertThat(r.problems()).isEmpty();
    DnsSection dns = r.plan().orElseThrow().dns().orElseThrow();
    assertThat(dns.zone()).isEqualTo("acme.example.");
  }

  /** The example sections (all three providers) validate inside a plan, schema and loader. */
  @ParameterizedTest
  @ValueSource(strings = {"good.yaml", "zonefile.yaml", "manual.yaml"})
  void validate_exampleSection_noErrors(String example, @TempDir Path dir) throws Exception {
    // given
    Files.createDirectories(dir.resolve("zones"));
    Files.writeString(dir.resolve("zones/acme.example.zone"), "; the repository's zone file\n");
    String section = dev.mailshift.testsupport.BindZones.resource("/dns/schema/" + example);
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, PlanValidatorTest.BASE + "dns:\n" + section.indent(2));

    // when
    ValidationResult r = PlanValidatorTest.VALIDATOR.validate(plan);

    // then
    assertThat(r.errors()).as(ProblemFormatter.format(r.problems())).isEmpty();
    assertThat(r.plan().orElseThrow().dns()).isPresent();
  }

  @Test
  void validate_mxToAnIpAddress_errorAtTheRecord() {
    // when
    List<Problem> errors = errors(BASE.replace("host: mx1.new.example.", "host: 192.0.2.25"));

    // then
    assertThat(errors).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(at(17, 11));
      assertThat(p.message()).contains("points at the IP address 192.0.2.25");
      assertThat(p.fix()).contains("host name");
    });
  }

  @Test
  void validate_spfWithTwoPolicies_errorAtTheText() {
    List<Problem> errors = errors(BASE.replace("-all\"", "-all v=spf1 mx -all\""));
    assertThat(errors).hasSize(2).allSatisfy(p -> assertThat(p.location()).isEqualTo(at(18, 10)));
    assertThat(errors).extracting(Problem::message).anyMatch(m -> m.contains("2 'v=spf1'"))
        .anyMatch(m -> m.contains("2 'all' terms"));
  }

  @Test
  void validate_dmarcWithoutPolicy_errorAtTheText() {
    List<Problem> errors = errors(BASE.replace("p=quarantine; ", ""));
    assertThat(errors).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(at(19, 12));
      assertThat(p.message()).contains("no p= tag");
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bad policy     | 'p=quarantine' | 'p=block'             | p=block",
      "bad sp         | 'p=quarantine' | 'p=none; sp=drop'     | sp=drop",
      "pct too large  | 'p=quarantine' | 'p=reject; pct=150'   | pct=150",
  })
  void validate_dmarcBadTag_error(String what, String from, String to, String message) {
    assertThat(errors(BASE.replace(from, to))).extracting(Problem::message)
        .singleElement().asString().contains(message);
  }

  @Test
  void validate_nullMxBesideOthers_error() {
    String yaml = BASE.replace("mx: [ { priority: 10, host: mx1.new.example. } ]",
        "mx: [ { priority: 10, host: mx1.new.example. }, { priority: 0, host: \".\" } ]");
    assertThat(errors(yaml)).extracting(Problem::message).singleElement().asString()
        .contains("null MX");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "srv to ip      | 'srv: [ { service: _imaps._tcp, port: 993, target: 192.0.2.1 } ]'                 | SRV _imaps._tcp targets the IP address",
      "cname to ip    | 'autoconfig: [ { name: ac, cname: 192.0.2.1 } ]'                                 | an IP address; a CNAME names a host",
      "address a name | 'autoconfig: [ { name: ac, addresses: [host.example] } ]'                         | which is not an IP address",
      "two selectors  | 'dkim: [ { selector: s, public-key: AA }, { selector: s, public-key: BB } ]'      | already declared at plan.yaml:17:13",
      "remove managed | 'remove: [ { name: \"@\", type: MX } ]'                                            | acme.example. MX, which is already declared",
      "alias twice    | 'autoconfig: [ { name: ac, cname: a.example }, { name: AC, cname: b.example } ]' | ac.acme.example. CNAME, which is already declared",
  })
  void validate_recordProblem_oneError(String what, String records, String message) {
    String yaml = BASE.replace("    mx: [", "    " + records + "\n    mx: [");
    assertThat(errors(yaml)).extracting(Problem::message).singleElement().asString()
        .contains(message);
  }

  @Test
  void load_everySchemaDefaultWrittenOut_sameSectionAsNone() {
    // given
    String implicit = BASE.replace("{ type: manual }", "{ type: rfc2136, server: ns1.example,"
        + " tsig: { name: k, secret: \"env:K\" } }");
    String defaults = SchemaDefaultsTest.defaults("dns");
    String explicit = implicit
        .replace("  zone: acme.example\n", "  zone: acme.example\n"
            + "  " + defaults.substring(1, defaults.length() - 1).replace(",\"", "\n  \"")
                .replace("\":", "\": ") + "\n"
            + "  timeouts: " + SchemaDefaultsTest.defaults("dnsTimeouts") + "\n"
            + "  outgoing: " + SchemaDefaultsTest.defaults("dnsOutgoing") + "\n"
            + "  safety: " + SchemaDefaultsTest.defaults("dnsSafety") + "\n"
            + "  checks: { mx-smtp: " + SchemaDefaultsTest.defaults("dnsMxSmtp") + " }\n")
        .replace("tsig: { name: k,", "tsig: { name: k, algorithm: "
            + SchemaDefaultsTest.DEFS.at("/tsig/properties/algorithm/default") + ",")
        .replace("    mx: [", "    " + SchemaDefaultsTest.defaults("dnsRecords")
            .replace("\"mx\":[],", "").replace("{", "").replace("}", "").replace(",\"", "\n    \"").replace("\":", "\": ")
            + "\n    mx: [");

    // when
    ValidationResult a = validate(implicit);
    ValidationResult b = validate(explicit);

    // then
    assertThat(a.problems()).isEmpty();
    assertThat(b.problems()).as(explicit).isEmpty();
    assertThat(b.plan().orElseThrow().dns()).get().usingRecursiveComparison()
        .ignoringFieldsMatchingRegexes(".*location").isEqualTo(a.plan().orElseThrow().dns().get());
    assertThat(explicit).contains("cutover-ttl", "max-change-share", "propagation",
        "hmac-sha256", "\"srv\": []", "\"port\":25", "\"timeout\":\"10s\"");
  }

  /** BASE without servers: and accounts: (lines 3 to 12): the dns section from line 3. */
  static final String DNS_ONLY = BASE.replace(PlanValidatorTest.BASE,
      "mailshift: 1\nname: t\n").replace("dns-mx, preflight, sync, validate", "dns-mx");

  @Test
  void validate_dnsOnlyPlan_noProblemsNoAccountsNoServers() {
    // when
    ValidationResult r = validate(DNS_ONLY);

    // then
    assertThat(r.problems()).as(ProblemFormatter.format(r.problems())).isEmpty();
    assertThat(r.plan().orElseThrow().servers()).isEmpty();
    assertThat(r.plan().orElseThrow().accounts()).isEmpty();
    assertThat(r.plan().orElseThrow().phases()).allSatisfy(p ->
        assertThat(p.hasAccountSteps()).isFalse());
  }

  @Test
  void validate_dnsOnlyPlanWithAccountSteps_errorAtThePhaseNamingThem() {
    List<Problem> errors = errors(DNS_ONLY.replace("steps: [dns-mx]",
        "steps: [dns-mx, sync, validate]"));
    assertThat(errors).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(at(12, 5));
      assertThat(p.message()).isEqualTo("phase cutover runs sync, validate but the plan has no"
          + " servers: and accounts: (a DNS-only plan)");
      assertThat(p.fix()).contains("add servers: and accounts:");
    });
  }

  @Test
  void validate_dnsOnlyPlanWithoutPhases_oneErrorAtTheTopSayingToAddDnsPhases() {
    List<Problem> errors = errors(DNS_ONLY.substring(0, DNS_ONLY.indexOf("phases:")));
    assertThat(errors).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(at(1, 1));
      assertThat(p.message()).contains("no servers:, accounts: or phases:");
      assertThat(p.fix()).contains("add phases: with DNS steps");
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "servers without accounts | 'name: t\n'     | 'name: t\nservers: { old: { imap: \"imaps://old.example\" } }\n' | has no 'accounts'",
      "neither nor dns          | '  zone: acme.example\n' | '  zone: acme.example\n' | has no 'servers'",
  })
  void validate_halfAMigration_oneErrorFromTheLoader(String what, String from, String to,
      String message) {
    // given
    String yaml = DNS_ONLY.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    if (what.startsWith("neither")) {
      yaml = yaml.substring(0, yaml.indexOf("dns:"));
    }

    // when
    ValidationResult r = validate(yaml);

    // then
    assertThat(r.errors()).as(ProblemFormatter.format(r.problems())).extracting(Problem::message)
        .anyMatch(m -> m.contains(message)).noneMatch(m -> m.endsWith("(schema)"));
  }

  @Test
  void validate_dnsStepsWithoutSection_errorAtThePhase() {
    String yaml = PlanValidatorTest.BASE + "phases: [ { name: cutover, steps: [dns-mx, sync] } ]\n";
    assertThat(errors(yaml)).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(at(13, 11));
      assertThat(p.message()).isEqualTo("phase cutover runs dns-mx but the plan has no dns:"
          + " section");
    });
  }

  @Test
  void validate_cutoverTtlNotBelowNormal_warning() {
    ValidationResult r = validate(BASE.replace("  zone: acme.example\n",
        "  zone: acme.example\n  cutover-ttl: 3600\n"));
    assertThat(r.errors()).isEmpty();
    assertThat(r.problems()).extracting(Problem::message).singleElement().asString()
        .contains("is not below dns.normal-ttl");
  }

  @Test
  void validate_dnsMxWithoutMxRecords_warning() {
    ValidationResult r = validate(BASE.replace("    mx: [ { priority: 10, host: mx1.new.example. } ]\n",
        ""));
    assertThat(r.errors()).isEmpty();
    assertThat(r.problems()).extracting(Problem::message).allMatch(m -> m.contains("dns.records.mx"
        + " is empty")).hasSize(2);
  }

  /** One mistake gives exactly one problem, the loader's: schema and loader agree on dns. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "zone missing      | '  zone: acme.example\n' | ''",
      "zone bad          | 'zone: acme.example'     | 'zone: \"acme..example\"'",
      "unknown key       | 'zone: acme.example'     | 'zone: acme.example\n  colour: blue'",
      "ttl negative      | 'zone: acme.example'     | 'zone: acme.example\n  normal-ttl: -5'",
      "ttl text          | 'zone: acme.example'     | 'zone: acme.example\n  normal-ttl: \"5\"'",
      "servers not list  | 'zone: acme.example'     | 'zone: acme.example\n  servers: ns1'",
      "bad provider type | 'type: manual'           | 'type: route53'",
      "manual with file  | 'type: manual'           | 'type: manual, file: x'",
      "rfc2136 no tsig   | 'type: manual'           | 'type: rfc2136, server: ns1.example'",
      "tsig plain secret | 'type: manual'           | 'type: rfc2136, server: ns1.example, tsig: { name: k, secret: hunter2 }'",
      "records missing   | '  records:\n    mx: [ { priority: 10, host: mx1.new.example. } ]\n' | ''",
      "mx no host        | '{ priority: 10, host: mx1.new.example. }' | '{ priority: 10 }'",
      "mx priority big   | 'priority: 10'           | 'priority: 70000'",
      "spf syntax        | 'spf: \"v=spf1'          | 'spf: \"spf1'",
      "dmarc syntax      | 'dmarc: \"v=DMARC1; '    | 'dmarc: \"DMARC1; '",
      "share above 1     | 'zone: acme.example'     | 'zone: acme.example\n  safety: { max-change-share: 2 }'",
      "smtp port zero    | 'zone: acme.example'     | 'zone: acme.example\n  checks: { mx-smtp: { port: 0 } }'",
      "smtp port text    | 'zone: acme.example'     | 'zone: acme.example\n  checks: { mx-smtp: { port: \"25\" } }'",
      "smtp enabled text | 'zone: acme.example'     | 'zone: acme.example\n  checks: { mx-smtp: { enabled: \"yes\" } }'",
      "smtp bad timeout  | 'zone: acme.example'     | 'zone: acme.example\n  checks: { mx-smtp: { timeout: 10 } }'",
      "checks unknown    | 'zone: acme.example'     | 'zone: acme.example\n  checks: { smtp: false }'",
      "bad step          | 'dns-auth'               | 'dns-authh'",
  })
  void validate_oneDnsMistake_exactlyOneProblemFromTheLoader(String what, String from,
      String to) {
    // given
    String yaml = BASE.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    assertThat(yaml).as("mutation applies").isNotEqualTo(BASE);

    // when
    ValidationResult r = validate(yaml);

    // then
    assertThat(r.errors()).as(ProblemFormatter.format(r.problems())).hasSize(1);
    assertThat(r.errors()).extracting(Problem::message).noneMatch(m -> m.endsWith("(schema)"));
  }
}
