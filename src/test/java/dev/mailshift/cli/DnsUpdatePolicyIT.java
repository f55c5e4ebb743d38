package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.testsupport.BindServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TSIG key that is right, on a real BIND9 whose update-policy lets it change one name only:
 * the update of any other name is REFUSED, apply says it is the zone's policy (not the key) and
 * exits 5, and the zone is left exactly as it was.
 */
class DnsUpdatePolicyIT {
  @RegisterExtension BindServer bind = BindServer.withZone("acme.test.", DnsCutoverIT.ZONE)
      .withUpdatePolicy("grant mailshift name _dmarc.acme.test. TXT;");
  @TempDir Path dir;

  private Path plan(String records) throws Exception {
    Path file = dir.resolve("plan.yaml");
    Files.writeString(file, """
        mailshift: 1
        name: dns-policy
        dns:
          zone: acme.test
          cutover-ttl: 1
          servers: ["%1$s"]
          timeouts: { query: 5s, propagation: 30s, poll: 1s }
          provider: { type: rfc2136, server: "%1$s", tsig: { name: mailshift, secret: "env:TSIG_SECRET" } }
          records:
        %2$s
        phases:
          - { name: prepare-dns, steps: [dns-ttl, dns-auth] }
        """.formatted(bind.hostPort(), records.indent(4).stripTrailing()));
    return file;
  }

  private DnsCutoverIT.Run mailshift(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err),
        Map.of("TSIG_SECRET", bind.secret()), args);
    return new DnsCutoverIT.Run(code, out.toString(), err.toString());
  }

  @Test
  void apply_nameTheKeyMayNotChange_exit5SayingItIsThePolicyAndZoneUnchanged()
      throws Exception {
    // given: the key itself is fine (a name it may change applies), the MX is not granted to it
    Path allowed = plan("dmarc: \"v=DMARC1; p=none\"");
    DnsCutoverIT.Run granted = mailshift("apply", allowed.toString(), "--phase", "prepare-dns",
        "--confirm");
    assertThat(granted.code()).as(granted.out() + granted.err()).isZero();
    Path plan = plan("""
        mx: [ { priority: 10, host: mx1.acme.test. } ]
        dmarc: "v=DMARC1; p=quarantine\"""");
    List<String> zoneBefore = bind.zoneWithoutSoa();

    // when
    DnsCutoverIT.Run run = mailshift("apply", plan.toString(), "--phase", "prepare-dns",
        "--confirm");

    // then
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(5);
    assertThat(run.err()).contains("the update of acme.test. MX was refused by "
        + bind.hostPort()).contains("the server accepts the TSIG key 'mailshift.' (it verified"
        + " the signature) but the zone's update policy does not let this key change acme.test."
        + " MX. Nothing was changed.").contains("grant mailshift. name acme.test. MX;")
        .doesNotContain(bind.secret());
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneBefore);
    assertThat(run.out()).contains("1 failed");
  }
}
