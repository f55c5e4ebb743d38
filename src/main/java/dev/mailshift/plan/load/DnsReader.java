package dev.mailshift.plan.load;

import dev.mailshift.plan.Location;
import dev.mailshift.plan.SecretRef;
import dev.mailshift.plan.dns.DnsNames;
import dev.mailshift.plan.dns.DnsProviderConfig;
import dev.mailshift.plan.dns.DnsSection;
import dev.mailshift.plan.dns.DnsTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the {@code dns:} section: zone, TTLs, servers, resolver, timeouts, provider (the TSIG
 * secret as a reference, never a value), outgoing hosts and safety; the records are read by
 * {@link DnsRecordsReader}. A section with errors still gives a section (with placeholders), so
 * that phases naming DNS steps are not reported a second time.
 */
final class DnsReader {
  static final List<String> KEYS = List.of("zone", "cutover-ttl", "normal-ttl", "servers",
      "resolver", "timeouts", "provider", "records", "outgoing", "safety", "checks");
  static final List<String> TIMEOUT_KEYS = List.of("query", "propagation", "poll");
  static final List<String> PROVIDER_KEYS = List.of("type", "server", "tsig", "file");
  static final List<String> TSIG_KEYS = List.of("name", "algorithm", "secret");
  static final List<String> OUTGOING_KEYS = List.of("ips", "hosts");
  static final List<String> SAFETY_KEYS = List.of("max-change-share");
  static final List<String> CHECKS_KEYS = List.of("mx-smtp");
  static final List<String> MX_SMTP_KEYS = List.of("enabled", "port", "timeout");
  static final Pattern HOST_PORT =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[^:\\s\\[\\]]+|[0-9A-Fa-f:]+)(:([0-9]{1,5}))?");
  private static final String PLACEHOLDER_ZONE = "invalid.";
  private static final String HOST_PORT_FIX =
      "write host or host:port, e.g. ns1.acme.example or 192.0.2.53:53 ([2001:db8::53]:53)";

  /** The provider types, in the order a fix lists them. */
  enum ProviderType {
    RFC2136,
    ZONEFILE,
    MANUAL
  }

  private final ReadContext ctx;

  DnsReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  DnsSection read(Node node) {
    Optional<YamlMap> found = YamlMap.read(node, "dns", KEYS, ctx);
    if (found.isEmpty()) {
      return placeholder(ctx.at(node));
    }
    YamlMap m = found.get();
    String zone = m.requiredString("zone", "add zone: acme.example (the zone's apex)")
        .filter(z -> name(z, m.valueLocation("zone"), "dns.zone", "write the zone's apex,"
            + " e.g. acme.example"))
        .map(DnsNames::absolute).orElse(PLACEHOLDER_ZONE);
    DnsProviderConfig provider = new DnsProviderConfig.Manual();
    if (!m.has("provider")) {
      m.missing("provider", "add provider: { type: rfc2136, server: ..., tsig: ... },"
          + " { type: zonefile, file: ... } or { type: manual }");
    } else {
      provider = m.map("provider", PROVIDER_KEYS).map(this::provider).orElse(provider);
    }
    DnsTargets records = DnsTargets.NONE;
    if (!m.has("records")) {
      m.missing("records", "add records: with the mx, spf, dkim, dmarc, srv or autoconfig"
          + " records to manage");
    } else {
      records = m.map("records", DnsRecordsReader.KEYS)
          .map(r -> new DnsRecordsReader(ctx, this, zone).read(r)).orElse(records);
    }
    return new DnsSection(zone,
        m.integer("cutover-ttl", 0, DnsSection.MAX_TTL).orElse(Defaults.DNS_CUTOVER_TTL),
        m.integer("normal-ttl", 0, DnsSection.MAX_TTL).orElse(Defaults.DNS_NORMAL_TTL),
        servers(m),
        m.nonEmpty("resolver").filter(r -> hostPort(r, m.valueLocation("resolver"),
            "dns.resolver")),
        m.map("timeouts", TIMEOUT_KEYS).map(DnsReader::timeouts).orElse(Defaults.DNS_TIMEOUTS),
        provider, records,
        m.map("outgoing", OUTGOING_KEYS).map(this::outgoing).orElse(DnsSection.Outgoing.NONE),
        m.map("safety", SAFETY_KEYS).map(this::safety).orElse(Defaults.DNS_SAFETY),
        m.map("checks", CHECKS_KEYS).map(DnsReader::checks).orElse(Defaults.DNS_CHECKS),
        m.location());
  }

  private static DnsSection placeholder(Location where) {
    return new DnsSection(PLACEHOLDER_ZONE, Defaults.DNS_CUTOVER_TTL, Defaults.DNS_NORMAL_TTL,
        List.of(), Optional.empty(), Defaults.DNS_TIMEOUTS, new DnsProviderConfig.Manual(),
        DnsTargets.NONE, DnsSection.Outgoing.NONE, Defaults.DNS_SAFETY, Defaults.DNS_CHECKS,
        where);
  }

  private List<String> servers(YamlMap m) {
    List<String> out = new ArrayList<>();
    List<Node> items = m.sequence("servers").orElse(List.of());
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String where = "dns.servers[" + i + "]";
      ctx.string(item, where).filter(s -> hostPort(s, ctx.at(item), where)).ifPresent(out::add);
    }
    return out;
  }

  /** Reports {@code text} unless it is {@code host} or {@code host:port}. */
  boolean hostPort(String text, Location where, String what) {
    Matcher hp = HOST_PORT.matcher(text);
    if (!hp.matches()) {
      ctx.error(where, what + " '" + text + "' is not host or host:port", HOST_PORT_FIX);
      return false;
    }
    if (hp.group(3) != null && (Integer.parseInt(hp.group(3)) < 1
        || Integer.parseInt(hp.group(3)) > 65535)) {
      ctx.error(where, what + " '" + text + "' has a port outside 1..65535", HOST_PORT_FIX);
      return false;
    }
    return true;
  }

  /** Reports {@code text} unless it is a DNS name. */
  boolean name(String text, Location where, String what, String fix) {
    Optional<String> problem = DnsNames.problem(text);
    problem.ifPresent(p -> ctx.error(where, what + " '" + text + "' is not a DNS name: it " + p,
        fix));
    return problem.isEmpty();
  }

  private static DnsSection.Timeouts timeouts(YamlMap m) {
    DnsSection.Timeouts d = Defaults.DNS_TIMEOUTS;
    Duration min = Duration.ofSeconds(1);
    return new DnsSection.Timeouts(m.duration("query", min).orElse(d.query()),
        m.duration("propagation", min).orElse(d.propagation()),
        m.duration("poll", min).orElse(d.poll()));
  }

  private static DnsSection.Checks checks(YamlMap m) {
    return new DnsSection.Checks(m.map("mx-smtp", MX_SMTP_KEYS).map(DnsReader::mxSmtp)
        .orElse(Defaults.DNS_MX_SMTP));
  }

  private static DnsSection.MxSmtp mxSmtp(YamlMap m) {
    DnsSection.MxSmtp d = Defaults.DNS_MX_SMTP;
    return new DnsSection.MxSmtp(m.bool("enabled").orElse(d.enabled()),
        m.integer("port", 1, 65535).map(Long::intValue).orElse(d.port()),
        m.duration("timeout", Duration.ofSeconds(1)).orElse(d.timeout()));
  }

  private DnsProviderConfig provider(YamlMap p) {
    if (!p.has("type")) {
      p.missing("type", "add type: rfc2136, zonefile or manual");
      return new DnsProviderConfig.Manual();
    }
    Optional<ProviderType> type = p.choice("type", Choices.of(ProviderType.class));
    if (type.isEmpty()) {
      return new DnsProviderConfig.Manual();
    }
    List<String> allowed = switch (type.get()) {
      case RFC2136 -> List.of("type", "server", "tsig");
      case ZONEFILE -> List.of("type", "file");
      case MANUAL -> List.of("type");
    };
    String typeName = type.get().name().toLowerCase(java.util.Locale.ROOT);
    for (String key : PROVIDER_KEYS) {
      if (p.has(key) && !allowed.contains(key)) {
        ctx.error(p.valueLocation(key), "dns.provider." + key + " does not apply to type "
            + typeName, "remove it; type " + typeName + " takes " + String.join(", ", allowed));
      }
    }
    return switch (type.get()) {
      case RFC2136 -> new DnsProviderConfig.Rfc2136(
          p.requiredString("server", "add server: \"ns1.acme.example:53\" (the primary)")
              .filter(s -> hostPort(s, p.valueLocation("server"), "dns.provider.server"))
              .orElse("invalid.invalid"),
          p.has("tsig") ? p.map("tsig", TSIG_KEYS).map(this::tsig).orElse(placeholderTsig())
              : missingTsig(p));
      case ZONEFILE -> new DnsProviderConfig.ZoneFile(
          p.requiredString("file", "add file: zones/acme.example.zone")
              .map(f -> zoneFile(f, p.valueLocation("file"))).orElse(Path.of("invalid")));
      case MANUAL -> new DnsProviderConfig.Manual();
    };
  }

  private DnsProviderConfig.Tsig missingTsig(YamlMap p) {
    p.missing("tsig", "add tsig: { name: mailshift, secret: \"env:TSIG_SECRET\" }");
    return placeholderTsig();
  }

  private static DnsProviderConfig.Tsig placeholderTsig() {
    return new DnsProviderConfig.Tsig(PLACEHOLDER_ZONE, Defaults.TSIG_ALGORITHM,
        new SecretRef.Prompt("TSIG secret"));
  }

  private Path zoneFile(String file, Location where) {
    Path path = ctx.resolve(file);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      ctx.error(where, "dns.provider.file: no readable zone file " + path,
          "give the path of the zone file, relative to the plan's directory");
    }
    return path;
  }

  private DnsProviderConfig.Tsig tsig(YamlMap t) {
    String name = t.requiredString("name", "add name: the key's name as the server knows it")
        .filter(n -> name(n, t.valueLocation("name"), "dns.provider.tsig.name",
            "write the key name from the server's key clause"))
        .orElse(PLACEHOLDER_ZONE);
    String algorithm = t.choice("algorithm", algorithms()).orElse(Defaults.TSIG_ALGORITHM);
    SecretRef secret = t.requiredString("secret", "add secret: \"env:TSIG_SECRET\" (a reference,"
        + " never the secret itself)").flatMap(text -> secret(text, t.valueLocation("secret")))
        .orElse(new SecretRef.Prompt("TSIG secret"));
    return new DnsProviderConfig.Tsig(name, algorithm, secret);
  }

  private Optional<SecretRef> secret(String text, Location where) {
    if (text.contains("${")) {
      ctx.error(where, "dns.provider.tsig.secret uses ${...}: there is no user or id to fill in"
          + " for a TSIG key", "name the secret directly, e.g. env:TSIG_SECRET");
      return Optional.empty();
    }
    return SecretTemplate.parse(text, where, "dns.provider.tsig.secret", ctx)
        .map(t -> t.instantiate("", "", ctx.baseDir(), "TSIG secret for the DNS updates"));
  }

  private static Map<String, String> algorithms() {
    Map<String, String> out = new LinkedHashMap<>();
    DnsProviderConfig.Tsig.ALGORITHMS.forEach(a -> out.put(a, a));
    return out;
  }

  private DnsSection.Outgoing outgoing(YamlMap m) {
    List<String> ips = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    strings(m, "ips").forEach((item, text) -> {
      if (DnsNames.isIpLiteral(text)) {
        ips.add(text);
      } else {
        ctx.error(item, "dns.outgoing.ips: '" + text + "' is not an IP address",
            "write an IPv4 or IPv6 address; host names go in dns.outgoing.hosts");
      }
    });
    strings(m, "hosts").forEach((item, text) -> {
      if (name(text, ctx.at(item), "dns.outgoing.hosts", "write the host name of an outgoing"
          + " mail server")) {
        hosts.add(text);
      }
    });
    return new DnsSection.Outgoing(ips, hosts);
  }

  /** The text items of a list of strings, by node; wrong types are reported. */
  Map<Node, String> strings(YamlMap m, String key) {
    Map<Node, String> out = new LinkedHashMap<>();
    List<Node> items = m.sequence(key).orElse(List.of());
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      ctx.string(item, m.path(key) + "[" + i + "]").ifPresent(s -> out.put(item, s));
    }
    return out;
  }

  private DnsSection.Safety safety(YamlMap m) {
    Optional<Node> value = m.get("max-change-share");
    if (value.isEmpty()) {
      return Defaults.DNS_SAFETY;
    }
    Node node = value.get();
    if (!(node instanceof ScalarNode s)
        || !(s.getTag().equals(Tag.FLOAT) || s.getTag().equals(Tag.INT))) {
      return ctx.<DnsSection.Safety>wrongType(node, "dns.safety.max-change-share",
          "a number from 0 to 1", "write e.g. 0.5, without quotes").orElse(Defaults.DNS_SAFETY);
    }
    double share;
    try {
      share = Double.parseDouble(s.getValue());
    } catch (NumberFormatException e) {
      share = -1;
    }
    if (!(share >= 0 && share <= 1)) {
      ctx.error(node, "dns.safety.max-change-share is " + s.getValue() + ", outside 0..1",
          "write a share from 0 (confirm every change) to 1 (confirm none by share)");
      return Defaults.DNS_SAFETY;
    }
    return new DnsSection.Safety(share);
  }
}
