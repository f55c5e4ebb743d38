package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.state.JournalEntry;
import dev.mailshift.state.StateStore;
import dev.mailshift.testsupport.Await;
import dev.mailshift.testsupport.BindServer;
import dev.mailshift.testsupport.SmtpGreeter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DNS as part of the plan, black-box through the command line against a real BIND9: plan shows
 * the diff, apply stages and publishes, the MX switch waits for the old TTL, a record changed by
 * someone else is never overwritten, and rollback puts the zone back exactly.
 */
class DnsCutoverIT {
  /** The MX set is served with a TTL of 3 s, so the wait before the switch is short. */
  static final String ZONE = """
      $TTL 3600
      @   IN SOA ns1.acme.test. hostmaster.acme.test. ( 2024010101 3600 600 86400 60 )
          IN NS  ns1.acme.test.
          3 IN MX  10 mx.old.test.
          3 IN MX  20 mx2.old.test.
          IN TXT "v=spf1 ip4:192.0.2.0/24 -all"
          IN TXT "google-site-verification=abc123"
      ns1 IN A   127.0.0.1
      mx1 IN A   127.0.0.1
      imap IN A  127.0.0.1
      smtp IN A  127.0.0.1
      autodiscover 1800 IN CNAME autodiscover.old.test.
      """;

  @RegisterExtension BindServer bind = BindServer.withZone("acme.test.", ZONE);
  @TempDir Path dir;
  /** The new MX host mx1.acme.test (127.0.0.1): dns-validate's SMTP probe connects to it. */
  SmtpGreeter mta = SmtpGreeter.greeting("220 mx1.acme.test ESMTP");

  @AfterEach
  void stopMta() throws Exception {
    mta.close();
  }

  private Map<String, String> env() {
    return Map.of("TSIG_SECRET", bind.secret());
  }

  record Run(int code, String out, String err) {}

  Run mailshift(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), env, args);
    return new Run(code, out.toString(), err.toString());
  }

  Run mailshift(String... args) {
    return mailshift(env(), args);
  }

  /** A plan whose IMAP side is never contacted: every phase here has DNS steps only. */
  Path plan(String provider, String extra) throws Exception {
    Path file = dir.resolve("plan.yaml");
    Files.writeString(file, """
        mailshift: 1
        name: dns-it
        servers:
          old: { imap: "imaps://imap.old.test" }
          new: { imap: "imaps://imap.new.test" }
        accounts:
          defaults: { source-server: old, destination-server: new, source-password: "env:NEVER", destination-password: "env:NEVER" }
          list: [ { source: alice@acme.test } ]
        dns:
          zone: acme.test
          cutover-ttl: 1
          normal-ttl: 3600
          resolver: "%1$s"
          timeouts: { query: 5s, propagation: 30s, poll: 1s }
          provider: %2$s
          records:
            mx: [ { priority: 10, host: mx1.acme.test. } ]
            spf: "v=spf1 ip4:198.51.100.0/24 -all"
            dkim: [ { selector: s2026, algorithm: ed25519, key: generate } ]
            dmarc: "v=DMARC1; p=quarantine; rua=mailto:dmarc@acme.test"
            srv:
              - { service: _imaps._tcp, port: 993, target: imap.acme.test. }
              - { service: _submissions._tcp, port: 465, target: smtp.acme.test. }
            autoconfig: [ { name: autodiscover, cname: mx1.acme.test. } ]
          outgoing: { ips: [198.51.100.7] }
          checks: { mx-smtp: { port: %4$d, timeout: 5s } }
        %3$s
        phases:
          - { name: prepare-dns, steps: [dns-ttl, dns-auth] }
          - { name: cutover, steps: [dns-mx] }
          - { name: settle, steps: [dns-restore-ttl, dns-validate] }
          - { name: check, steps: [dns-validate] }
        """.formatted(bind.hostPort(), provider, extra, mta.port()));
    return file;
  }

  String rfc2136() {
    return "{ type: rfc2136, server: \"" + bind.hostPort() + "\", tsig: { name: mailshift,"
        + " secret: \"env:TSIG_SECRET\" } }";
  }

  String servers() {
    return "  servers: [\"" + bind.hostPort() + "\"]";
  }

  Path rfc2136Plan() throws Exception {
    return plan(rfc2136(), servers());
  }

  List<String> mx() throws Exception {
    return bind.zoneWithoutSoa().stream().filter(l -> l.contains("\tMX\t") || l.contains(" MX "))
        .toList();
  }

  JsonNode statusJson(Path plan) {
    Run status = mailshift("status", plan.toString(), "--json");
    assertThat(status.code()).as(status.err()).isZero();
    return JsonMapper.builder().build().readTree(status.out());
  }

  @Test
  void plan_liveZone_showsEveryRrsetAsItIsAndWillBe() throws Exception {
    // given
    Path plan = rfc2136Plan();
    List<String> zoneBefore = bind.zoneWithoutSoa();

    // when
    Run run = mailshift("plan", plan.toString(), "--phase", "prepare-dns",
        "--detailed-exitcode");

    // then
    assertThat(run.code()).as(run.err()).isEqualTo(10);
    assertThat(run.out())
        .contains("dns acme.test. via rfc2136 " + bind.hostPort())
        .contains("  dns-ttl:\n  ~ acme.test. MX  TTL 3 -> 1\n        10 mx.old.test.\n"
            + "        20 mx2.old.test.\n")
        .contains("  ~ acme.test. TXT  TTL 3600\n      - \"v=spf1 ip4:192.0.2.0/24 -all\"\n")
        .contains("      + \"v=spf1 ip4:198.51.100.0/24 -all\"")
        .contains("        google-site-verification=abc123")
        .contains("  + _dmarc.acme.test. TXT  TTL 3600")
        .contains("  + s2026._domainkey.acme.test. TXT  TTL 3600")
        .contains("  ~ autodiscover.acme.test. CNAME  TTL 1800 -> 3600")
        .contains("    ! needs --confirm: publishes an SPF policy ending in -all")
        .contains("DNS: 7 RRset change(s) in zone acme.test; 3 need --confirm on apply")
        .doesNotContain("Plan: 0 account(s)");
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneBefore);
    assertThat(Files.exists(dir.resolve("dkim/s2026.acme.test.pem")))
        .as("key: generate makes the key at plan time").isTrue();
  }

  @Test
  void apply_prepareDns_publishesWithRollbackRecordsAndAgainIsANoOp() throws Exception {
    // given
    Path plan = rfc2136Plan();

    // when
    Run first = mailshift("apply", plan.toString(), "--phase", "prepare-dns", "--confirm");
    List<String> zoneAfterFirst = bind.zoneWithoutSoa();
    Run second = mailshift("apply", plan.toString(), "--phase", "prepare-dns", "--confirm");

    // then
    assertThat(first.code()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains("dns: lower the TTL of acme.test. MX from 3 to 1: applied;"
        + " answered by all 1 authoritative server(s); the MX switch may happen from");
    assertThat(zoneAfterFirst).contains("acme.test.\t\t1\tIN\tMX\t10 mx.old.test.",
        "_dmarc.acme.test.\t3600\tIN\tTXT\t\"v=DMARC1; p=quarantine; rua=mailto:dmarc@acme.test\"",
        "_imaps._tcp.acme.test.\t3600\tIN\tSRV\t0 1 993 imap.acme.test.",
        "acme.test.\t\t3600\tIN\tTXT\tgoogle-site-verification=abc123");
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).contains("0 step(s) succeeded, 0 failed");
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneAfterFirst);
    try (StateStore state = StateStore.open(dir.resolve(".mailshift/state.db"))) {
      List<JournalEntry> journalled = state.journal().rollbackEntries();
      assertThat(journalled).hasSize(7).allSatisfy(e -> {
        assertThat(e.kind()).isEqualTo("SetDnsRecords");
        assertThat(e.rollbackJson()).get().asString().contains("\"previous\":{\"name\":");
      });
      assertThat(journalled.get(0).rollbackJson()).get().asString().contains(
          "\"previous\":{\"name\":\"acme.test.\",\"type\":\"MX\",\"ttl\":3,");
      assertThat(state.dns().lowerings("acme.test.")).singleElement()
          .satisfies(l -> assertThat(l.servedTtl()).isEqualTo(3));
    }
  }

  @Test
  void apply_withoutConfirm_refusedNamingTheReasonsAndNothingChanged() throws Exception {
    // given
    Path plan = rfc2136Plan();
    List<String> zoneBefore = bind.zoneWithoutSoa();

    // when
    Run run = mailshift("apply", plan.toString(), "--phase", "prepare-dns");

    // then
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("these DNS changes need confirmation; nothing was changed")
        .contains("acme.test. TXT: publishes an SPF policy ending in -all")
        .contains("--confirm");
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneBefore);
  }

  @Test
  void cutover_beforeTheOldTtlRanOut_refusedWithTheMomentThenAllowedOnceItPassed()
      throws Exception {
    // given
    Path plan = rfc2136Plan();
    assertThat(mailshift("apply", plan.toString(), "--phase", "prepare-dns", "--confirm").code())
        .isZero();
    List<String> mxStaged = mx();

    // when: straight away
    Run early = mailshift("apply", plan.toString(), "--phase", "cutover", "--confirm");

    // then
    assertThat(early.code()).as(early.out() + early.err()).isEqualTo(5);
    assertThat(early.err()).contains("the MX switch of acme.test. must wait: not before")
        .contains("the TTL served when it was lowered at").contains("Nothing was changed.");
    assertThat(mx()).isEqualTo(mxStaged);
    Run plannedEarly = mailshift("plan", plan.toString(), "--phase", "cutover");
    assertThat(plannedEarly.out()).contains("    ! MX switch: not before");
    assertThat(statusJson(plan).at("/dns/mxGate/state").asString()).isEqualTo("WAIT");
    assertThat(mailshift("status", plan.toString()).out()).contains("MX switch: not before");

    // when: once status says the old TTL ran out
    Await.until(Duration.ofSeconds(30), "the MX gate to open",
        () -> statusJson(plan).at("/dns/mxGate/state").asString().equals("OPEN"));
    Run cutover = mailshift("apply", plan.toString(), "--phase", "cutover", "--confirm");

    // then
    assertThat(cutover.code()).as(cutover.out() + cutover.err()).isZero();
    assertThat(mx()).containsExactly("acme.test.\t\t1\tIN\tMX\t10 mx1.acme.test.");
  }

  @Test
  void apply_savedPlanAfterAnOutOfBandChange_refusedAsStaleAndNothingChanged() throws Exception {
    // given: the plan saw the old MX set; then someone adds a third MX
    Path plan = rfc2136Plan();
    Path saved = dir.resolve("prepare.json");
    assertThat(mailshift("plan", plan.toString(), "--phase", "prepare-dns", "--out",
        saved.toString()).code()).isZero();
    bind.nsupdate("update add acme.test. 3 IN MX 30 mx3.other.test.");
    List<String> zoneBefore = bind.zoneWithoutSoa();

    // when
    Run run = mailshift("apply", plan.toString(), "--plan-file", saved.toString(), "--confirm");

    // then
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(9);
    assertThat(run.err()).contains("DNS acme.test. MX changed since the plan: the plan saw TTL"
        + " 3: 10 mx.old.test. | 20 mx2.old.test., now TTL 3: 10 mx.old.test. | 20"
        + " mx2.old.test. | 30 mx3.other.test.");
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneBefore);
  }

  @Test
  void rollback_afterEveryPhase_restoresTheManagedRrsetsExactlyAndAgainChangesNothing()
      throws Exception {
    // given: the whole DNS cutover
    Path plan = rfc2136Plan();
    List<String> zoneBefore = bind.zoneWithoutSoa();
    assertThat(mailshift("apply", plan.toString(), "--phase", "prepare-dns", "--confirm").code())
        .isZero();
    Await.until(Duration.ofSeconds(30), "the MX gate to open",
        () -> statusJson(plan).at("/dns/mxGate/state").asString().equals("OPEN"));
    assertThat(mailshift("apply", plan.toString(), "--phase", "cutover", "--confirm").code())
        .isZero();
    Run settle = mailshift("apply", plan.toString(), "--phase", "settle");
    assertThat(settle.code()).as(settle.out() + settle.err()).isZero();
    assertThat(settle.out()).contains("dns-validate:").contains("checks passed")
        .doesNotContain("! ");
    assertThat(mta.received()).as("the SMTP probe greeted the new MX host and said QUIT")
        .containsExactly("QUIT");
    assertThat(bind.zoneWithoutSoa()).isNotEqualTo(zoneBefore);

    // when
    Run rollback = mailshift("rollback", plan.toString());
    List<String> zoneAfter = bind.zoneWithoutSoa();
    Run again = mailshift("rollback", plan.toString());

    // then
    assertThat(rollback.code()).as(rollback.out() + rollback.err()).isZero();
    assertThat(rollback.out()).contains("~ acme.test. MX restored to TTL 3: 10 mx.old.test. |"
        + " 20 mx2.old.test.").contains("Rollback complete").contains("every authoritative"
        + " server answers the restored records");
    assertThat(zoneAfter).isEqualTo(zoneBefore);
    assertThat(again.code()).isZero();
    assertThat(again.out()).doesNotContain("  ~ ").contains("= acme.test. MX already holds");
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneBefore);
  }

  @Test
  void rollback_recordChangedByOthers_leftAloneReportedPendingExit6ThenFinishes()
      throws Exception {
    // given: after prepare-dns, someone tightens the DMARC policy mailshift published
    Path plan = rfc2136Plan();
    List<String> zoneBefore = bind.zoneWithoutSoa();
    assertThat(mailshift("apply", plan.toString(), "--phase", "prepare-dns", "--confirm").code())
        .isZero();
    String theirs = "\"v=DMARC1; p=reject\"";
    bind.nsupdate("update delete _dmarc.acme.test. TXT",
        "update add _dmarc.acme.test. 600 IN TXT " + theirs);

    // when
    Run rollback = mailshift("rollback", plan.toString(), "--phase", "prepare-dns");

    // then
    assertThat(rollback.code()).isEqualTo(6);
    assertThat(rollback.out()).contains("! pending _dmarc.acme.test. TXT: back to (absent)")
        .contains("changed since it was observed").contains("Rollback incomplete");
    assertThat(bind.zoneWithoutSoa()).contains(
        "_dmarc.acme.test.\t600\tIN\tTXT\t" + theirs);

    // when: they put back what mailshift wrote, and rollback runs again
    bind.nsupdate("update delete _dmarc.acme.test. TXT", "update add _dmarc.acme.test. 3600 IN"
        + " TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@acme.test\"");
    Run again = mailshift("rollback", plan.toString());

    // then
    assertThat(again.code()).as(again.out()).isZero();
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneBefore);
  }

  @Test
  void plan_wrongTsigSecret_exit4SayingTheKeyWasRefused() throws Exception {
    // given
    Path plan = rfc2136Plan();
    String wrong = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    // when
    Run run = mailshift(Map.of("TSIG_SECRET", wrong), "plan", plan.toString(), "--phase",
        "prepare-dns");

    // then
    assertThat(run.code()).isEqualTo(4);
    assertThat(run.err()).contains("the TSIG key 'mailshift.' was refused").contains("BADSIG")
        .contains("Check dns.provider.tsig").doesNotContain(wrong).doesNotContain(bind.secret());
  }

  @Test
  void apply_tsigSecretUnset_exit3BeforeAnyServerIsContacted() throws Exception {
    Run run = mailshift(Map.of(), "apply", rfc2136Plan().toString(), "--phase", "prepare-dns");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("env:TSIG_SECRET").contains("is not set");
  }

  @Test
  void plan_zoneTheServerDoesNotServe_exit4() throws Exception {
    // given
    Path plan = rfc2136Plan();
    Files.writeString(plan, Files.readString(plan).replace("zone: acme.test", "zone: other.test")
        .replace("mx1.acme.test.", "mx1.other.test.").replace("imap.acme.test.", "imap.x.test.")
        .replace("smtp.acme.test.", "smtp.x.test.").replace("@acme.test\"", "@other.test\""));

    // when
    Run run = mailshift("plan", plan.toString(), "--phase", "prepare-dns");

    // then
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(4);
    assertThat(run.err()).contains("other.test.").contains("does not serve this zone");
  }

  @Test
  void plan_serverDoesNotAnswer_exit4() throws Exception {
    Path plan = rfc2136Plan();
    bind.stopNow();

    Run run = mailshift("plan", plan.toString(), "--phase", "prepare-dns");

    assertThat(run.code()).isEqualTo(4);
    assertThat(run.err()).contains(bind.hostPort()).contains("nothing was changed");
  }

  @Test
  void validate_mxToAnIpAddress_exit3WithThePosition() throws Exception {
    Path plan = rfc2136Plan();
    Files.writeString(plan, Files.readString(plan).replace("host: mx1.acme.test.",
        "host: 192.0.2.25"));

    Run run = mailshift("apply", plan.toString(), "--phase", "cutover");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("plan.yaml:17:11").contains("points at the IP address");
  }

  @Test
  void dnsValidate_newMxHostTakesNoConnection_failsNamingHostAddressPortAndHowToSkip()
      throws Exception {
    // given: nothing listens where the MX host should take mail
    mta.close();
    Path plan = rfc2136Plan();
    List<String> zoneBefore = bind.zoneWithoutSoa();

    // when
    Run run = mailshift("apply", plan.toString(), "--phase", "check");

    // then
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(5);
    assertThat(run.out()).contains("    ! mx-smtp mx1.acme.test.: MX target mx1.acme.test."
        + " (127.0.0.1) on port " + mta.port() + " does not take a TCP connection: connection"
        + " refused").contains("skip this check with dns.checks.mx-smtp: { enabled: false }");
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneBefore);
  }

  @Test
  void dnsValidate_mxSmtpCheckDisabled_noConnectionAndNoSmtpFinding() throws Exception {
    // given
    Path plan = rfc2136Plan();
    Files.writeString(plan, Files.readString(plan).replace("mx-smtp: { port:",
        "mx-smtp: { enabled: false, port:"));

    // when
    Run run = mailshift("apply", plan.toString(), "--phase", "check");

    // then: the records are not published yet, so other checks fail; the SMTP probe is not run
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(5);
    assertThat(run.out()).contains("dns-validate:").doesNotContain("mx-smtp");
    assertThat(mta.connections()).isZero();
  }

  @Test
  void planApplyStatus_dnsOnlyPlanWithoutServersOrAccounts_runsTheDnsPhase() throws Exception {
    // given: the same plan without servers: and accounts:
    Path plan = rfc2136Plan();
    String text = Files.readString(plan);
    Files.writeString(plan, text.substring(0, text.indexOf("servers:\n"))
        + text.substring(text.indexOf("dns:\n")));
    assertThat(Files.readString(plan)).doesNotContain("accounts:").doesNotContain("imaps://");

    // when
    Run validate = mailshift("validate", plan.toString());
    Run planned = mailshift("plan", plan.toString(), "--phase", "prepare-dns");
    Run applied = mailshift("apply", plan.toString(), "--phase", "prepare-dns", "--confirm");
    Run status = mailshift("status", plan.toString());

    // then
    assertThat(validate.code()).as(validate.out() + validate.err()).isZero();
    assertThat(planned.code()).as(planned.out() + planned.err()).isZero();
    assertThat(planned.out()).startsWith("mailshift plan dns-it, phase prepare-dns, DNS steps"
        + " only\n").contains("DNS: 7 RRset change(s) in zone acme.test")
        .doesNotContain("account");
    assertThat(applied.code()).as(applied.out() + applied.err()).isZero();
    assertThat(applied.out()).contains("7 step(s) succeeded, 0 failed");
    assertThat(mx()).containsExactly("acme.test.\t\t1\tIN\tMX\t10 mx.old.test.",
        "acme.test.\t\t1\tIN\tMX\t20 mx2.old.test.");
    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.out()).contains("MX switch");
  }
}
