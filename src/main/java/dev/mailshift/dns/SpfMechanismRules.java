package dev.mailshift.dns;

import java.util.List;
import java.util.Optional;

/** The argument and CIDR rules of each SPF mechanism (RFC 7208 section 5). */
final class SpfMechanismRules {
  private SpfMechanismRules() {}

  static Optional<SpfRecord.Mechanism> validate(char qualifier, String name, String argument,
      String cidrText, String term, List<String> problems) {
    int[] cidr = {32, 128};
    if (!cidrText.isEmpty() && !parseCidr(name, cidrText, cidr)) {
      problems.add("invalid prefix length in '" + term + "'");
      return Optional.empty();
    }
    String problem = switch (name) {
      case "all" -> argument.isEmpty() && cidrText.isEmpty() ? null : "all takes no argument";
      case "include", "exists" -> argument.isEmpty() ? name + " needs a domain: " + name
          + ":example.com" : domainProblem(argument);
      case "a", "mx", "ptr" -> argument.isEmpty() ? null : domainProblem(argument);
      case "ip4" -> IpLiteral.parse(argument).filter(a -> a.getAddress().length == 4).isPresent()
          && !argument.endsWith(".") ? null : "ip4 needs an IPv4 address, e.g. ip4:192.0.2.0/24";
      case "ip6" -> argument.contains(":") && IpLiteral.parse(argument).isPresent()
          ? null : "ip6 needs an IPv6 address, e.g. ip6:2001:db8::/32";
      default -> "unknown mechanism";
    };
    if (problem != null) {
      problems.add("'" + term + "': " + problem);
      return Optional.empty();
    }
    return Optional.of(new SpfRecord.Mechanism(qualifier, name, argument, cidr[0], cidr[1]));
  }

  /** {@code /n} (IPv4, or IPv6 for ip6) and {@code //n} (IPv6) per RFC 7208 section 5.6. */
  private static boolean parseCidr(String name, String text, int[] cidr) {
    try {
      if (name.equals("ip6")) {
        int n = Integer.parseInt(text.substring(1));
        cidr[1] = n;
        return text.startsWith("/") && !text.startsWith("//") && n >= 0 && n <= 128;
      }
      if (name.equals("ip4")) {
        int n = Integer.parseInt(text.substring(1));
        cidr[0] = n;
        return !text.startsWith("//") && n >= 0 && n <= 32;
      }
      if (!name.equals("a") && !name.equals("mx")) {
        return false;
      }
      String[] parts = text.split("//", -1);
      if (!parts[0].isEmpty()) {
        cidr[0] = Integer.parseInt(parts[0].substring(1));
        if (!parts[0].startsWith("/") || cidr[0] < 0 || cidr[0] > 32) {
          return false;
        }
      }
      if (parts.length > 1) {
        cidr[1] = Integer.parseInt(parts[1]);
        return cidr[1] >= 0 && cidr[1] <= 128;
      }
      return true;
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      return false;
    }
  }

  private static String domainProblem(String domain) {
    if (domain.contains("%")) {
      return null; // macros (RFC 7208 section 7) are expanded at evaluation time
    }
    return domain.matches("[A-Za-z0-9_.-]+") && domain.contains(".")
        ? null : "'" + domain + "' is not a domain name";
  }
}
