package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.api.ApplyResult;
import dev.mailshift.api.Environment;
import dev.mailshift.api.Mailshift;
import dev.mailshift.apply.ApplyListener;
import dev.mailshift.apply.StepResult;
import dev.mailshift.change.Change;
import dev.mailshift.change.SetDnsRecords;
import dev.mailshift.state.StepStatus;
import dev.mailshift.testsupport.Await;
import dev.mailshift.testsupport.BindServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The zone file and manual providers through the command line, and a record changed by someone
 * else while an apply runs (through the facade, whose listener lets the test act mid-run).
 */
class DnsProvidersIT {
  @RegisterExtension BindServer bind = BindServer.withZone("acme.test.", DnsCutoverIT.ZONE);
  @TempDir Path dir;

  private Path plan(String provider, String servers, String records) throws IOException {
    Path file = dir.resolve("plan.yaml");
    Files.writeString(file, """
        mailshift: 1
        name: dns-providers
        dns:
          zone: acme.test
          cutover-ttl: 1
          %s
          timeouts: { query: 5s, propagation: 30s, poll: 1s }
          provider: %s
          records:
        %s
        phases:
          - { name: prepare-dns, steps: [dns-ttl, dns-auth] }
        """.formatted(servers, provider, records.indent(4).stripTrailing()));
    return file;
  }

  private DnsCutoverIT.Run mailshift(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), env, args);
    return new DnsCutoverIT.Run(code, out.toString(), err.toString());
  }

  /** The zone file's records, SOA aside, as sorted presentation lines. */
  private static List<String> records(Path zoneFile) throws IOException {
    List<String> out = new ArrayList<>();
    try (Master master = new Master(new ByteArrayInputStream(Files.readString(zoneFile)
        .getBytes(StandardCharsets.UTF_8)), Name.fromString("acme.test."), 3600)) {
      for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
        if (r.getType() != Type.SOA) {
          out.add(r.toString());
        }
      }
    }
    return out.stream().sorted().toList();
  }

  @Test
  void zonefile_planApplyAgainRollback_fileTakesTheRecordsThenGetsThemBack() throws Exception {
    // given: the zone file of a GitOps repository; no server to ask
    Path zoneFile = dir.resolve("acme.zone");
    Files.writeString(zoneFile, DnsCutoverIT.ZONE);
    List<String> before = records(zoneFile);
    Path plan = plan("{ type: zonefile, file: acme.zone }", "normal-ttl: 3600", """
        mx: [ { priority: 10, host: mx1.acme.test. } ]
        dmarc: "v=DMARC1; p=none"
        autoconfig: [ { name: autodiscover, cname: mx1.acme.test. } ]""");

    // when
    DnsCutoverIT.Run planned = mailshift(Map.of(), "plan", plan.toString(), "--phase",
        "prepare-dns");
    DnsCutoverIT.Run applied = mailshift(Map.of(), "apply", plan.toString(), "--phase",
        "prepare-dns", "--confirm");
    String written = Files.readString(zoneFile);
    DnsCutoverIT.Run again = mailshift(Map.of(), "apply", plan.toString(), "--phase",
        "prepare-dns");
    String afterAgain = Files.readString(zoneFile);
    DnsCutoverIT.Run rollback = mailshift(Map.of(), "rollback", plan.toString());

    // then
    assertThat(planned.code()).as(planned.err()).isZero();
    assertThat(planned.out()).contains("read from zonefile " + zoneFile)
        .contains("~ acme.test. MX  TTL 3 -> 1").contains("+ _dmarc.acme.test. TXT  TTL 3600");
    assertThat(applied.code()).as(applied.out() + applied.err()).isZero();
    assertThat(applied.out()).contains("no servers to wait for (zone file)");
    assertThat(written).contains("_dmarc.acme.test. 3600 IN TXT \"v=DMARC1; p=none\"")
        .contains("ns1 IN A   127.0.0.1").doesNotContain("2024010101");
    assertThat(again.code()).isZero();
    assertThat(afterAgain).isEqualTo(written);
    assertThat(rollback.code()).as(rollback.out() + rollback.err()).isZero();
    assertThat(records(zoneFile)).isEqualTo(before);
  }

  @Test
  void manual_operatorMakesTheChangeWhileApplyWaits_verifiedAndJournalled() throws Exception {
    // given: a DNS host without an API; an operator who follows the printed instructions
    Path plan = plan("{ type: manual }", "servers: [\"" + bind.hostPort() + "\"]",
        "dmarc: \"v=DMARC1; p=none\"");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    // when
    CompletableFuture<Integer> apply = CompletableFuture.supplyAsync(() -> Main.run(
        new PrintWriter(out), new PrintWriter(err), Map.of(), "apply", plan.toString(),
        "--phase", "prepare-dns", "--confirm", "--no-progress"));
    Await.until(Duration.ofSeconds(30), "the instructions for the operator",
        () -> err.toString().contains("At the DNS host of zone acme.test., create the TXT"
            + " records of _dmarc"));
    bind.nsupdate("update add _dmarc.acme.test. 3600 IN TXT \"v=DMARC1; p=none\"");
    int code = apply.get(60, TimeUnit.SECONDS);

    // then
    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(err.toString()).contains("TTL 3600, exactly these values and no others:\n"
        + "      v=DMARC1; p=none")
        .contains("verified: all 1 authoritative servers answer the new _dmarc.acme.test. TXT");
    assertThat(out.toString()).contains("dns: create _dmarc.acme.test. TXT: applied; answered"
        + " by all 1 authoritative server(s)");
  }

  @Test
  void apply_recordChangedByOthersWhileApplyRuns_thatStepFailsAndNothingAfterIt()
      throws Exception {
    // given: someone publishes their own DMARC record just as mailshift starts writing
    Map<String, String> env = Map.of("TSIG_SECRET", bind.secret());
    Path plan = plan("{ type: rfc2136, server: \"" + bind.hostPort() + "\", tsig: { name:"
        + " mailshift, secret: \"env:TSIG_SECRET\" } }", "servers: [\"" + bind.hostPort()
        + "\"]", """
        mx: [ { priority: 10, host: mx1.acme.test. } ]
        dmarc: "v=DMARC1; p=none"
        srv: [ { service: _imaps._tcp, port: 993, target: imap.acme.test. } ]""");
    ApplyListener someoneElse = new ApplyListener() {
      private boolean acted;

      @Override
      public void stepStarted(Change change) {
        if (!acted && change instanceof SetDnsRecords) {
          acted = true;
          nsupdate("update add _dmarc.acme.test. 600 IN TXT \"v=DMARC1; p=reject\"");
        }
      }
    };
    List<String> srvBefore = srv();

    // when
    ApplyResult r = new Mailshift(Environment.of(env, label -> Optional.empty())).apply(plan,
        Optional.of("prepare-dns"), Optional.empty(), false, true, someoneElse);

    // then
    List<StepResult> steps = r.outcome().steps();
    assertThat(steps).extracting(s -> s.change().id(), StepResult::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("dns-ttl:acme.test.:MX", StepStatus.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple("dns-auth:_dmarc.acme.test.:TXT", StepStatus.FAILED),
        org.assertj.core.groups.Tuple.tuple("dns-auth:_imaps._tcp.acme.test.:SRV",
            StepStatus.SKIPPED));
    assertThat(r.failures()).singleElement().extracting(StepResult::detail).asString()
        .contains("the RRset _dmarc.acme.test. TXT changed since it was observed")
        .contains("expected: _dmarc.acme.test. TXT (absent)").contains("p=reject");
    assertThat(bind.zoneWithoutSoa()).contains(
        "_dmarc.acme.test.\t600\tIN\tTXT\t\"v=DMARC1; p=reject\"");
    assertThat(srv()).isEqualTo(srvBefore);
  }

  private List<String> srv() throws Exception {
    return bind.zoneWithoutSoa().stream().filter(l -> l.contains("SRV")).toList();
  }

  private void nsupdate(String command) {
    try {
      bind.nsupdate(command);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
