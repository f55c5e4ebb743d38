package dev.mailshift.plan.load;

import dev.mailshift.plan.Location;
import dev.mailshift.plan.dns.DkimAlgorithm;
import dev.mailshift.plan.dns.DnsNames;
import dev.mailshift.plan.dns.DnsTargets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code dns.records}: MX, SPF, DKIM, DMARC, SRV, autoconfig hosts and removals, each
 * element with its position. Syntax is checked here (names, patterns, one of two keys); what a
 * record means (an MX pointing at an address, two SPF policies, DMARC without a policy) is
 * checked by {@code plan.check}.
 */
final class DnsRecordsReader {
  static final List<String> KEYS =
      List.of("mx", "spf", "dkim", "dmarc", "srv", "autoconfig", "remove");
  static final List<String> MX_KEYS = List.of("priority", "host");
  static final List<String> DKIM_KEYS =
      List.of("selector", "algorithm", "key", "private-key-file", "public-key");
  static final List<String> SRV_KEYS = List.of("service", "priority", "weight", "port", "target");
  static final List<String> ALIAS_KEYS = List.of("name", "cname", "addresses");
  static final List<String> REMOVE_KEYS = List.of("name", "type");
  static final Pattern SPF = Pattern.compile("[Vv]=[Ss][Pp][Ff]1( .*)?", Pattern.DOTALL);
  static final Pattern DMARC = Pattern.compile("v=DMARC1(;.*)?", Pattern.DOTALL);
  static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
  static final Pattern SERVICE = Pattern.compile("_[A-Za-z0-9-]+\\._(tcp|udp)");
  static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=]+");

  private final ReadContext ctx;
  private final DnsReader dns;
  private final String zone;

  DnsRecordsReader(ReadContext ctx, DnsReader dns, String zone) {
    this.ctx = ctx;
    this.dns = dns;
    this.zone = zone;
  }

  DnsTargets read(YamlMap m) {
    return new DnsTargets(
        items(m, "mx", MX_KEYS, this::mx),
        text(m, "spf", SPF, "must start with v=spf1", "write the policy, e.g."
            + " \"v=spf1 include:_spf.newhost.example -all\""),
        items(m, "dkim", DKIM_KEYS, this::dkim),
        text(m, "dmarc", DMARC, "must start with v=DMARC1", "write the policy, e.g."
            + " \"v=DMARC1; p=quarantine; rua=mailto:dmarc@acme.example\""),
        items(m, "srv", SRV_KEYS, this::srv),
        items(m, "autoconfig", ALIAS_KEYS, this::alias),
        items(m, "remove", REMOVE_KEYS, this::removal));
  }

  private <T> List<T> items(YamlMap m, String key, List<String> keys,
      Function<YamlMap, Optional<T>> each) {
    List<T> out = new ArrayList<>();
    List<Node> list = m.sequence(key).orElse(List.of());
    for (int i = 0; i < list.size(); i++) {
      YamlMap.read(list.get(i), m.path(key) + "[" + i + "]", keys, ctx).flatMap(each)
          .ifPresent(out::add);
    }
    return out;
  }

  private Optional<DnsTargets.Text> text(YamlMap m, String key, Pattern syntax, String rule,
      String fix) {
    Optional<String> text = m.string(key);
    if (text.isPresent() && !syntax.matcher(text.get()).matches()) {
      ctx.error(m.valueLocation(key), m.path(key) + " " + rule, fix);
      return Optional.empty();
    }
    return text.map(t -> new DnsTargets.Text(t, m.valueLocation(key)));
  }

  private Optional<DnsTargets.Mx> mx(YamlMap m) {
    Optional<Long> priority = required(m, "priority", "add priority: 10")
        ? m.integer("priority", 0, 65535) : Optional.empty();
    Optional<String> host = m.requiredString("host", "add host: mx1.newhost.example.")
        .filter(h -> h.equals(".") || host(m, "host"));
    if (priority.isEmpty() || host.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DnsTargets.Mx(priority.get().intValue(), host.get(), m.location()));
  }

  private Optional<DnsTargets.Dkim> dkim(YamlMap m) {
    Optional<String> selector = m.requiredString("selector", "add selector: s2026")
        .filter(s -> matches(m, "selector", SELECTOR, "letters, digits, '.', '_', '-'"));
    DkimAlgorithm algorithm = m.choice("algorithm", Choices.of(DkimAlgorithm.class))
        .orElse(Defaults.DKIM_ALGORITHM);
    boolean generate = m.has("key");
    if (generate == m.has("public-key")) {
      ctx.error(m.location(), m.path() + (generate ? " has both key and public-key"
          : " has neither key: generate nor public-key"), "write key: generate (mailshift makes"
          + " the key) or public-key: <base64> (a key made elsewhere), not both");
      return Optional.empty();
    }
    if (!generate && m.has("private-key-file")) {
      ctx.error(m.location(), m.path() + ": private-key-file goes with key: generate, not with"
          + " public-key", "remove private-key-file, or use key: generate");
      return Optional.empty();
    }
    if (generate) {
      Optional<String> key = m.string("key");
      if (key.isPresent() && !key.get().equals("generate")) {
        ctx.error(m.valueLocation("key"), m.path("key") + " cannot be '" + key.get() + "'",
            "write key: generate, or give the key with public-key:");
        return Optional.empty();
      }
      Optional<String> file = m.nonEmpty("private-key-file");
      return selector.filter(s -> key.isPresent() && (file.isPresent()
              || !m.has("private-key-file")))
          .map(s -> new DnsTargets.Dkim(s, algorithm, new DnsTargets.DkimKey.Generate(
              file.map(ctx::resolve).orElse(ctx.resolve(
                  Defaults.dkimKeyFile(s, zone).toString()))), m.location()));
    }
    Optional<String> publicKey = m.string("public-key")
        .filter(p -> matches(m, "public-key", BASE64, "base64 characters only"));
    return selector.flatMap(s -> publicKey.map(p -> new DnsTargets.Dkim(s, algorithm,
        new DnsTargets.DkimKey.Given(p), m.location())));
  }

  private Optional<DnsTargets.Srv> srv(YamlMap m) {
    Optional<String> service = m.requiredString("service", "add service: _imaps._tcp")
        .filter(s -> matches(m, "service", SERVICE, "a service like _imaps._tcp"));
    int priority = m.integer("priority", 0, 65535).map(Long::intValue)
        .orElse(Defaults.SRV_PRIORITY);
    int weight = m.integer("weight", 0, 65535).map(Long::intValue).orElse(Defaults.SRV_WEIGHT);
    Optional<Long> port = required(m, "port", "add port: 993")
        ? m.integer("port", 0, 65535) : Optional.empty();
    Optional<String> target = m.requiredString("target", "add target: imap.newhost.example.")
        .filter(t -> t.equals(".") || host(m, "target"));
    if (service.isEmpty() || port.isEmpty() || target.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DnsTargets.Srv(service.get(), priority, weight,
        port.get().intValue(), target.get(), m.location()));
  }

  private Optional<DnsTargets.HostAlias> alias(YamlMap m) {
    Optional<String> name = m.requiredString("name", "add name: autoconfig")
        .filter(n -> owner(m, "name"));
    if (m.has("cname") == m.has("addresses")) {
      ctx.error(m.location(), m.path() + (m.has("cname") ? " has both cname and addresses"
          : " has neither cname nor addresses"), "write cname: <host> or addresses: [<IP>, ...]"
          + " (a name with a CNAME can have no other records)");
      return Optional.empty();
    }
    Optional<String> cname = m.nonEmpty("cname").filter(c -> host(m, "cname"));
    List<String> addresses = new ArrayList<>(dns.strings(m, "addresses").values());
    if (m.get("addresses").filter(n -> n instanceof SequenceNode seq && seq.getValue().isEmpty())
        .isPresent()) {
      ctx.error(m.valueLocation("addresses"), m.path("addresses") + " is empty",
          "list at least one IP address, or use cname:");
    }
    if (name.isEmpty() || (m.has("cname") ? cname.isEmpty() : addresses.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new DnsTargets.HostAlias(name.get(), cname, addresses, m.location()));
  }

  private Optional<DnsTargets.Removal> removal(YamlMap m) {
    Optional<String> name = m.requiredString("name", "add name: autodiscover (relative to the"
        + " zone)").filter(n -> owner(m, "name"));
    Optional<String> type = m.requiredString("type", "add type: CNAME")
        .filter(t -> matches(m, "type", TYPE, "a record type like CNAME or SRV"));
    return name.flatMap(n -> type.map(t -> new DnsTargets.Removal(n, t.toUpperCase(Locale.ROOT),
        m.location())));
  }

  private boolean required(YamlMap m, String key, String fix) {
    if (!m.has(key)) {
      m.missing(key, fix);
      return false;
    }
    return true;
  }

  private boolean matches(YamlMap m, String key, Pattern syntax, String what) {
    String text = m.string(key).orElse("");
    if (!syntax.matcher(text).matches()) {
      ctx.error(m.valueLocation(key), m.path(key) + " '" + text + "' is not " + what,
          "see " + m.path(key) + " in schemas/plan.schema.json");
      return false;
    }
    return true;
  }

  private boolean host(YamlMap m, String key) {
    return dns.name(m.string(key).orElse(""), m.valueLocation(key), m.path(key),
        "write a host name, e.g. mx1.newhost.example.");
  }

  /** An owner name: {@code @}, relative to the zone, or absolute inside it. */
  private boolean owner(YamlMap m, String key) {
    String text = m.string(key).orElse("");
    Location where = m.valueLocation(key);
    if (text.equals("@")) {
      return true;
    }
    if (!dns.name(text.replace("*", "x"), where, m.path(key), "write a name relative to the"
        + " zone, e.g. autoconfig")) {
      return false;
    }
    try {
      DnsNames.owner(zone, text);
      return true;
    } catch (IllegalArgumentException e) {
      ctx.error(where, m.path(key) + ": " + e.getMessage(), "write it relative to the zone,"
          + " without the final dot");
      return false;
    }
  }
}
