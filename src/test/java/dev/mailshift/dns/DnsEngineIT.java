package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.testsupport.BindServer;
import dev.mailshift.testsupport.BindZones;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.SimpleResolver;

/** The whole flow the apply layer runs, through the engine facade, on a real BIND9. */
class DnsEngineIT {
  @RegisterExtension BindServer bind = BindZones.acme();
  @TempDir Path keys;

  @Test
  void planApplyVerifyCheck_endToEnd_zoneMatchesAndDkimKeyVerifies() throws Exception {
    // given: BIND itself serves as the "recursive" resolver (it answers for its own zone)
    SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", bind.port()));
    Sleeper never = d -> {
      throw new AssertionError("one server answers at once; nothing to wait for");
    };
    DnsEngine engine = new DnsEngine(resolver, Clock.systemUTC(), never);
    DnsSection dns = DnsFixtures.section(
        new DnsProviderConfig.Rfc2136(bind.hostPort(), bind.tsig()),
        DnsFixtures.newHostTargets(keys), List.of(bind.hostPort()));
    List<NameServer> servers = engine.servers(dns);
    List<DesiredRrset> desired =
        DesiredRrsets.all(dns, DesiredRrsets.dkimValues(dns.records()), dns.cutoverTtl());
    List<RrsetKey> managed = desired.stream().map(DesiredRrset::key).toList();

    // when: plan, apply each change, verify on every server
    List<DnsChange> plan = DnsDiff.between(desired,
        engine.observe(dns, servers, managed).references());
    DnsProvider provider = engine.provider(dns, servers, line -> { });
    List<PropagationResult> verified = new ArrayList<>();
    for (DnsChange change : plan) {
      provider.apply(change);
      verified.add(engine.propagation(dns).await(servers, change.after(), Duration.ofSeconds(30)));
    }

    // then
    Map<RrsetKey, RrsetSnapshot> live = engine.observe(dns, servers, managed).references();
    assertThat(verified).allSatisfy(r -> assertThat(r.complete()).isTrue());
    assertThat(DnsDiff.between(desired, live)).isEmpty();
    DkimKeyPair key = DkimKeys.readPrivateKey(keys.resolve("s2026.pem"), DkimAlgorithm.ED25519);
    RrsetKey selector = new RrsetKey("s2026._domainkey.acme.test", "TXT");
    assertThat(engine.checks(dns).dkim(selector.name(),
        live.get(selector).records().stream().map(TxtValue::strings).toList(), Optional.of(key)))
        .extracting(CheckFinding::message)
        .containsExactly("Ed25519 key (RFC 8463)", "the published key matches the private key");
  }
}
