package dev.mailshift.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed SPF record (RFC 7208 section 4.6 and 5): its mechanisms in order and its modifiers.
 * Parsing never throws; syntax problems are collected in {@link #problems()}.
 */
record SpfRecord(List<Mechanism> mechanisms, Optional<String> redirect, List<String> problems) {

  /** Mechanisms that cost a DNS lookup (RFC 7208 section 4.6.4), plus the redirect modifier. */
  static final Set<String> LOOKUP_MECHANISMS = Set.of("include", "a", "mx", "ptr", "exists");
  private static final Set<String> KNOWN =
      Set.of("all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists");

  /**
   * @param qualifier {@code + - ~ ?} ({@code +} when none was written)
   * @param argument the domain-spec or network after {@code :}, empty when none
   * @param cidr4 the IPv4 prefix length ({@code /24}); 32 when none
   * @param cidr6 the IPv6 prefix length ({@code //64} or {@code /64} for ip6); 128 when none
   */
  record Mechanism(char qualifier, String name, String argument, int cidr4, int cidr6) {
    boolean costsLookup() {
      return LOOKUP_MECHANISMS.contains(name);
    }

    @Override
    public String toString() {
      return (qualifier == '+' ? "" : String.valueOf(qualifier)) + name
          + (argument.isEmpty() ? "" : ":" + argument);
    }
  }

  SpfRecord {
    mechanisms = List.copyOf(mechanisms);
    problems = List.copyOf(problems);
  }

  static SpfRecord parse(String text) {
    String[] terms = text.strip().split(" +");
    List<Mechanism> mechanisms = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String redirect = null;
    if (!terms[0].equalsIgnoreCase("v=spf1")) {
      problems.add("the record must start with v=spf1");
    }
    boolean exp = false;
    for (int i = 1; i < terms.length; i++) {
      String term = terms[i];
      int eq = term.indexOf('=');
      int colon = term.indexOf(':');
      if (eq > 0 && (colon < 0 || eq < colon)) {
        String name = term.substring(0, eq).toLowerCase(Locale.ROOT);
        String value = term.substring(eq + 1);
        if (name.equals("redirect")) {
          if (redirect != null) {
            problems.add("redirect= appears twice (RFC 7208 section 6)");
          }
          redirect = value;
        } else if (name.equals("exp")) {
          if (exp) {
            problems.add("exp= appears twice (RFC 7208 section 6)");
          }
          exp = true;
        } else if (!name.matches("[a-z][a-z0-9_.-]*")) {
          problems.add("'" + term + "' is not a valid modifier");
        }
        continue;
      }
      mechanism(term, problems).ifPresent(mechanisms::add);
    }
    return new SpfRecord(mechanisms, Optional.ofNullable(redirect), problems);
  }

  private static Optional<Mechanism> mechanism(String term, List<String> problems) {
    char qualifier = '+';
    String rest = term;
    if ("+-~?".indexOf(term.charAt(0)) >= 0) {
      qualifier = term.charAt(0);
      rest = term.substring(1);
    }
    int sep = indexOfAny(rest, ":/");
    String name = (sep < 0 ? rest : rest.substring(0, sep)).toLowerCase(Locale.ROOT);
    String tail = sep < 0 ? "" : rest.substring(sep);
    if (!KNOWN.contains(name)) {
      problems.add("unknown mechanism '" + term + "' (receivers return permerror)");
      return Optional.empty();
    }
    String argument = "";
    if (tail.startsWith(":")) {
      int slash = tail.indexOf('/');
      argument = slash < 0 ? tail.substring(1) : tail.substring(1, slash);
      tail = slash < 0 ? "" : tail.substring(slash);
    }
    return SpfMechanismRules.validate(qualifier, name, argument, tail, term, problems);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** The final {@code all} mechanism, if any. */
  Optional<Mechanism> all() {
    return mechanisms.stream().filter(m -> m.name().equals("all")).reduce((a, b) -> b);
  }
}
