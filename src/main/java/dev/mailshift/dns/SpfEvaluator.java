package dev.mailshift.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follows an SPF policy through {@code include:} and {@code redirect=} with an injected
 * {@link RecursiveLookup}: counts the DNS-querying terms (RFC 7208 section 4.6.4) and decides
 * whether an IP address is authorised. Macros, {@code ptr} and {@code exists} cannot be decided
 * offline and give {@link Result#UNKNOWN}.
 */
final class SpfEvaluator {
  static final int LOOKUP_LIMIT = 10;

  enum Result {
    PASS,
    FAIL,
    SOFTFAIL,
    NEUTRAL,
    /** The policy refers to a domain without SPF record (permerror for receivers). */
    PERMERROR,
    UNKNOWN
  }

  /** The lookup count and the problems met while following includes. */
  record Count(int lookups, List<String> problems) {}

  private final RecursiveLookup lookup;

  SpfEvaluator(RecursiveLookup lookup) {
    this.lookup = lookup;
  }

  Count countLookups(SpfRecord record) {
    List<String> problems = new ArrayList<>();
    int n = count(record, new HashSet<>(), problems);
    return new Count(n, problems);
  }

  private int count(SpfRecord record, Set<String> visited, List<String> problems) {
    int n = 0;
    for (SpfRecord.Mechanism m : record.mechanisms()) {
      if (m.costsLookup()) {
        n++;
      }
      if (m.name().equals("include")) {
        n += follow(m.argument(), visited, problems, "include:");
      }
    }
    if (record.redirect().isPresent()) {
      n += 1 + follow(record.redirect().get(), visited, problems, "redirect=");
    }
    return n;
  }

  private int follow(String domain, Set<String> visited, List<String> problems, String via) {
    if (domain.contains("%") || !visited.add(domain.toLowerCase())) {
      return 0; // macro targets are unknown offline; a loop is counted once
    }
    Optional<SpfRecord> target = fetch(domain, problems, via);
    return target.map(r -> count(r, visited, problems)).orElse(0);
  }

  private Optional<SpfRecord> fetch(String domain, List<String> problems, String via) {
    try {
      List<String> spf = lookup.txt(domain).stream().filter(TxtValue::isSpf).toList();
      if (spf.size() != 1) {
        problems.add(via + domain + " has " + (spf.isEmpty() ? "no" : spf.size())
            + " SPF records: receivers return permerror (RFC 7208 section 5.2)");
        return Optional.empty();
      }
      return Optional.of(SpfRecord.parse(spf.get(0)));
    } catch (DnsException e) {
      problems.add("cannot look up " + via + domain + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The result {@code record} (published at {@code domain}) gives mail from {@code ip}. */
  Result evaluate(String domain, SpfRecord record, InetAddress ip, int depth) {
    if (depth > LOOKUP_LIMIT) {
      return Result.PERMERROR;
    }
    for (SpfRecord.Mechanism m : record.mechanisms()) {
      Optional<Boolean> match = matches(domain, m, ip, depth);
      if (match.isEmpty()) {
        return Result.UNKNOWN;
      }
      if (match.get()) {
        return switch (m.qualifier()) {
          case '-' -> Result.FAIL;
          case '~' -> Result.SOFTFAIL;
          case '?' -> Result.NEUTRAL;
          default -> Result.PASS;
        };
      }
    }
    if (record.redirect().isPresent()) {
      return nested(record.redirect().get(), ip, depth);
    }
    return Result.NEUTRAL;
  }

  private Optional<Boolean> matches(String domain, SpfRecord.Mechanism m, InetAddress ip,
      int depth) {
    String target = m.argument().isEmpty() ? domain : m.argument();
    if (target.contains("%")) {
      return Optional.empty();
    }
    try {
      return switch (m.name()) {
        case "all" -> Optional.of(true);
        case "ip4", "ip6" -> Optional.of(Cidr.contains(
            IpLiteral.parse(m.argument()).orElseThrow(), prefix(m, ip), ip));
        case "a" -> Optional.of(anyContains(lookup.addresses(target), m, ip));
        case "mx" -> {
          List<InetAddress> all = new ArrayList<>();
          for (String host : lookup.mx(target)) {
            all.addAll(lookup.addresses(host));
          }
          yield Optional.of(anyContains(all, m, ip));
        }
        case "include" -> switch (nested(target, ip, depth)) {
          case PASS -> Optional.of(true);
          case FAIL, SOFTFAIL, NEUTRAL -> Optional.of(false);
          case PERMERROR, UNKNOWN -> Optional.empty();
        };
        default -> Optional.empty(); // ptr, exists
      };
    } catch (DnsException e) {
      return Optional.empty();
    }
  }

  private Result nested(String domain, InetAddress ip, int depth) {
    List<String> problems = new ArrayList<>();
    return fetch(domain, problems, "")
        .map(r -> evaluate(domain, r, ip, depth + 1))
        .orElse(Result.PERMERROR);
  }

  private static boolean anyContains(List<InetAddress> nets, SpfRecord.Mechanism m,
      InetAddress ip) {
    return nets.stream().anyMatch(n -> Cidr.contains(n, prefix(m, ip), ip));
  }

  private static int prefix(SpfRecord.Mechanism m, InetAddress ip) {
    return ip.getAddress().length == 4 ? m.cidr4() : m.cidr6();
  }
}
