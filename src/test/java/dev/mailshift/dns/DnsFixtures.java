package dev.mailshift.dns;

import dev.mailshift.plan.dns.DnsSection;
import dev.mailshift.plan.dns.DnsTargets;
import dev.mailshift.plan.dns.DnsProviderConfig;
import dev.mailshift.plan.dns.DkimAlgorithm;
import dev.mailshift.plan.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** DnsSection fixtures for the acme.test zone the BIND tests load. */
final class DnsFixtures {
  static final String ZONE = "acme.test.";

  private DnsFixtures() {}

  /**
   * The cutover target: MX to the new host, a new SPF, DMARC quarantine, an Ed25519 DKIM key made
   * in {@code keyDir}, IMAPS and submission SRV records, autodiscover moved to the new host.
   */
  static DnsTargets newHostTargets(Path keyDir) {
    return new DnsTargets(
        List.of(new DnsTargets.Mx(10, "mx1.newhost.test")),
        Optional.of(DnsTargets.Text.of("v=spf1 ip4:198.51.100.0/24 include:_spf.newhost.test -all")),
        List.of(new DnsTargets.Dkim("s2026", DkimAlgorithm.ED25519,
            new DnsTargets.DkimKey.Generate(keyDir.resolve("s2026.pem")))),
        Optional.of(DnsTargets.Text.of("v=DMARC1; p=quarantine; rua=mailto:dmarc@acme.test")),
        List.of(new DnsTargets.Srv("_imaps._tcp", 0, 1, 993, "imap.newhost.test"),
            new DnsTargets.Srv("_submissions._tcp", 0, 1, 465, "smtp.newhost.test")),
        List.of(new DnsTargets.HostAlias("autodiscover", Optional.of("autodiscover.newhost.test"),
            List.of())),
        List.of());
  }

  static DnsSection section(DnsProviderConfig provider, DnsTargets targets, List<String> servers) {
    return new DnsSection(ZONE, 300, 3600, servers, Optional.empty(),
        DnsSection.Timeouts.DEFAULT, provider, targets, DnsSection.Outgoing.NONE,
        DnsSection.Safety.DEFAULT, DnsSection.Checks.DEFAULT, dev.mailshift.plan.Location.UNKNOWN);
  }

  /** The plan's rfc2136 provider for {@code hostPort}, its secret from {@code env:TSIG}. */
  static DnsProviderConfig.Rfc2136 rfc2136(String hostPort) {
    return new DnsProviderConfig.Rfc2136(hostPort, new DnsProviderConfig.Tsig("mailshift",
        "hmac-sha256", new dev.mailshift.plan.SecretRef.Env("TSIG")));
  }

  static TsigKey tsig(String secret) {
    return new TsigKey("mailshift", "hmac-sha256", new Secret(secret));
  }
}
