package dev.mailshift.api;

import dev.mailshift.apply.DnsRequest;
import dev.mailshift.apply.DnsZone;
import dev.mailshift.apply.RollbackJson;
import dev.mailshift.dns.RollbackRecord;
import dev.mailshift.state.JournalEntry;
import dev.mailshift.dns.DesiredRrsets;
import dev.mailshift.dns.DkimKeyPair;
import dev.mailshift.dns.DkimKeys;
import dev.mailshift.dns.DnsException;
import dev.mailshift.dns.NameServer;
import dev.mailshift.dns.TtlLowering;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Secret;
import dev.mailshift.plan.dns.DnsProviderConfig;
import dev.mailshift.plan.dns.DnsSection;
import dev.mailshift.plan.dns.DnsTargets;
import dev.mailshift.plan.load.SecretException;
import dev.mailshift.plan.load.SecretResolver;
import dev.mailshift.state.StateStore;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;

/**
 * Turns a plan's {@code dns:} section into what the DNS steps need: the TSIG secret resolved,
 * the DKIM keys read (or made, once), the recorded TTL lowerings, and the zone connected. Every
 * problem becomes a {@link MailshiftException} with its exit code before anything is changed.
 */
final class DnsSetup {
  private static final String DNS_HINT = "Check dns.zone, dns.servers and dns.provider (server"
      + " and TSIG key) named above; nothing was changed.";

  private final Environment env;

  DnsSetup(Environment env) {
    this.env = env;
  }

  static DnsSection section(Plan plan) {
    return plan.dns().orElseThrow(() -> new MailshiftException(ErrorCode.PLAN_INVALID,
        "the plan has no dns: section", "Add dns: with zone, provider and records."));
  }

  /** What the DNS steps of a phase need, with the zone connected (the key checked). */
  DnsRequest request(Plan plan, StateStore state, boolean confirmed, Consumer<String> out) {
    DnsSection dns = section(plan);
    Map<String, String> dkim = dkimValues(dns);
    try {
      DesiredRrsets.all(dns, dkim, dns.cutoverTtl());
    } catch (IllegalArgumentException e) {
      throw new MailshiftException(ErrorCode.PLAN_INVALID, "dns.records: " + e.getMessage(),
          "Fix the record in the plan and run `mailshift validate`.", e);
    }
    return new DnsRequest(connect(plan, out), dkim, generatedKeys(dns),
        lowerings(state, dns.zone()), replacedTtls(state, dns.zone()), confirmed);
  }

  DnsZone connect(Plan plan, Consumer<String> out) {
    DnsSection dns = section(plan);
    Optional<Secret> secret = tsigSecret(plan, dns);
    try {
      return DnsZone.connect(dns, secret, resolver(dns), env.clock(), env.sleeper(), out);
    } catch (DnsException e) {
      throw new MailshiftException(ErrorCode.CANNOT_OBSERVE, "cannot use the DNS of zone "
          + dns.zone() + "; nothing was changed:\n  " + e.getMessage(), DNS_HINT, e);
    } catch (IllegalArgumentException e) {
      throw new MailshiftException(ErrorCode.CANNOT_OBSERVE, "cannot use the DNS of zone "
          + dns.zone() + ": " + e.getMessage(), DNS_HINT, e);
    }
  }

  private Optional<Secret> tsigSecret(Plan plan, DnsSection dns) {
    if (!(dns.provider() instanceof DnsProviderConfig.Rfc2136 r)) {
      return Optional.empty();
    }
    SecretResolver resolver = new SecretResolver(env.variables(), plan.source().baseDir(),
        env.prompter(), Duration.ofSeconds(30));
    try {
      return Optional.of(resolver.resolve(r.tsig().secret(), "dns.provider.tsig.secret"));
    } catch (SecretException e) {
      throw new MailshiftException(ErrorCode.PLAN_INVALID, "the TSIG secret could not be"
          + " resolved; no server was contacted: " + e.getMessage(), e.fix(), e);
    }
  }

  private static Resolver resolver(DnsSection dns) {
    try {
      if (dns.resolver().isPresent()) {
        return new SimpleResolver(NameServer.parse(dns.resolver().get()).address());
      }
      return new SimpleResolver();
    } catch (UnknownHostException e) {
      throw new MailshiftException(ErrorCode.CANNOT_OBSERVE, "cannot find the recursive"
          + " resolver: " + e.getMessage(), "Set dns.resolver to host:port of a resolver.", e);
    }
  }

  static Map<String, String> dkimValues(DnsSection dns) {
    try {
      return DesiredRrsets.dkimValues(dns.records());
    } catch (IOException | IllegalArgumentException e) {
      throw new MailshiftException(ErrorCode.PLAN_INVALID, "a DKIM key cannot be read or made: "
          + e.getMessage(), "Check dns.records.dkim: the key file, its algorithm, or the"
          + " public-key.", e);
    }
  }

  private static Map<String, DkimKeyPair> generatedKeys(DnsSection dns) {
    Map<String, DkimKeyPair> out = new LinkedHashMap<>();
    for (DnsTargets.Dkim d : dns.records().dkim()) {
      if (d.key() instanceof DnsTargets.DkimKey.Generate g) {
        try {
          out.put(d.selector(), DkimKeys.readPrivateKey(g.privateKeyFile(), d.algorithm()));
        } catch (IOException e) {
          throw new MailshiftException(ErrorCode.PLAN_INVALID, "the DKIM key of selector "
              + d.selector() + " cannot be read: " + e.getMessage(),
              "Check " + g.privateKeyFile() + ".", e);
        }
      }
    }
    return out;
  }

  /** Per RRset, the largest TTL one of mailshift's journalled changes replaced. */
  static Map<String, Long> replacedTtls(StateStore state, String zone) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (JournalEntry e : state.journal().rollbackEntries()) {
      RollbackRecord r = RollbackJson.read(e.rollbackJson().orElseThrow());
      if (r.zone().equals(zone)) {
        out.merge(r.previous().key().toString(), r.previous().ttl(), Math::max);
      }
    }
    return out;
  }

  static List<TtlLowering> lowerings(StateStore state, String zone) {
    return state.dns().lowerings(zone).stream()
        .map(r -> new TtlLowering(r.name(), r.type(), r.waitSeconds(),
            TtlLowering.Basis.valueOf(r.basis()), r.loweredAt()))
        .toList();
  }
}
