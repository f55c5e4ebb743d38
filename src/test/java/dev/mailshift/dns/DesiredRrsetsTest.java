package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesiredRrsetsTest {
  @TempDir Path keys;

  @Test
  void all_newHostTargets_oneRrsetPerNameAndTypeWithStageTtls() throws Exception {
    // given
    DnsSection dns = DnsFixtures.section(new DnsProviderConfig.Manual(),
        DnsFixtures.newHostTargets(keys), List.of());

    // when
    List<DesiredRrset> desired =
        DesiredRrsets.all(dns, DesiredRrsets.dkimValues(dns.records()), 300);

    // then
    assertThat(desired).extracting(d -> d.key().toString()).containsExactly(
        "acme.test. MX", "acme.test. TXT", "s2026._domainkey.acme.test. TXT",
        "_dmarc.acme.test. TXT", "_imaps._tcp.acme.test. SRV",
        "_submissions._tcp.acme.test. SRV", "autodiscover.acme.test. A",
        "autodiscover.acme.test. AAAA", "autodiscover.acme.test. CNAME");
    assertThat(desired.get(0).ttl()).isEqualTo(300);
    assertThat(desired.get(0).records()).containsExactly("10 mx1.newhost.test.");
    assertThat(desired.get(1).scope()).isEqualTo(DesiredRrset.Scope.SPF_ONLY);
    assertThat(desired.subList(1, desired.size())).allSatisfy(
        d -> assertThat(d.ttl()).isEqualTo(3600));
    assertThat(desired.get(6).records()).as("no A beside a CNAME").isEmpty();
    assertThat(TxtValue.joined(desired.get(2).records().get(0)))
        .startsWith("v=DKIM1; k=ed25519; p=");
  }

  @Test
  void authAndAutoconfig_addressesAndSrvGroupedByService() {
    // given
    DnsTargets targets = new DnsTargets(List.of(), Optional.empty(), List.of(), Optional.empty(),
        List.of(new DnsTargets.Srv("_imaps._tcp", 0, 1, 993, "a.test"),
            new DnsTargets.Srv("_imaps._tcp", 10, 1, 993, "b.test")),
        List.of(new DnsTargets.HostAlias("autoconfig", Optional.empty(),
            List.of("192.0.2.10", "2001:db8::10"))),
        List.of(new DnsTargets.Removal("_imap._tcp", "SRV")));
    DnsSection dns = DnsFixtures.section(new DnsProviderConfig.Manual(), targets, List.of());

    // when
    List<DesiredRrset> desired = DesiredRrsets.authAndAutoconfig(dns, Map.of());

    // then
    assertThat(desired).extracting(d -> d.key() + " " + d.records()).containsExactly(
        "_imaps._tcp.acme.test. SRV [0 1 993 a.test., 10 1 993 b.test.]",
        "autoconfig.acme.test. CNAME []",
        "autoconfig.acme.test. A [192.0.2.10]",
        "autoconfig.acme.test. AAAA [2001:db8:0:0:0:0:0:10]",
        "_imap._tcp.acme.test. SRV []");
  }

  @Test
  void owner_nameOutsideTheZone_refusedWithHowToWriteIt() {
    assertThatThrownBy(() -> DesiredRrsets.owner("acme.test.", "mail.other.test.", "A"))
        .hasMessageContaining("mail.other.test. is not in zone acme.test.")
        .hasMessageContaining("relative to the zone");
    assertThat(DesiredRrsets.owner("acme.test.", "@", "MX").name()).isEqualTo("acme.test.");
  }

  @Test
  void authAndAutoconfig_sameRrsetDeclaredTwice_refused() {
    DnsTargets targets = new DnsTargets(List.of(), Optional.empty(), List.of(), Optional.empty(),
        List.of(), List.of(), List.of(new DnsTargets.Removal("x", "A"),
            new DnsTargets.Removal("x", "A")));
    DnsSection dns = DnsFixtures.section(new DnsProviderConfig.Manual(), targets, List.of());

    assertThatThrownBy(() -> DesiredRrsets.authAndAutoconfig(dns, Map.of()))
        .hasMessageContaining("x.acme.test. A is declared twice");
  }

  @Test
  void dkimValues_givenKey_usedAsIsAndNoFileWritten() throws Exception {
    DnsTargets targets = new DnsTargets(List.of(), Optional.empty(), List.of(
        new DnsTargets.Dkim("s1", DkimAlgorithm.RSA, new DnsTargets.DkimKey.Given("MIIBIjAN"))),
        Optional.empty(), List.of(), List.of(), List.of());

    assertThat(DesiredRrsets.dkimValues(targets))
        .containsExactly(Map.entry("s1", "v=DKIM1; k=rsa; p=MIIBIjAN"));
    try (var files = java.nio.file.Files.list(keys)) {
      assertThat(files).isEmpty();
    }
  }
}
