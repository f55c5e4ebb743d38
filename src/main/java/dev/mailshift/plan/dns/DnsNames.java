package dev.mailshift.plan.dns;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DNS names with the JDK alone: syntax checks (RFC 1035 section 2.3.4 lengths; letters, digits,
 * hyphen and underscore, as service labels need) and the canonical absolute form, lower case with
 * the final dot, which is what dnsjava's canonical presentation gives for the same name.
 */
public final class DnsNames {
  private static final Pattern LABEL =
      Pattern.compile("\\*|[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final int MAX_NAME = 253;

  private DnsNames() {}

  /** What is wrong with {@code name} as a DNS name (with or without the final dot), if anything. */
  public static Optional<String> problem(String name) {
    String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (bare.isEmpty()) {
      return Optional.of("is empty");
    }
    if (bare.length() > MAX_NAME) {
      return Optional.of("is longer than " + MAX_NAME + " characters");
    }
    for (String label : bare.split("\\.", -1)) {
      if (label.isEmpty()) {
        return Optional.of("has an empty label (two dots in a row)");
      }
      if (label.length() > 63) {
        return Optional.of("has a label longer than 63 characters");
      }
      if (!LABEL.matcher(label).matches()) {
        return Optional.of("has a label '" + label + "' with characters other than letters,"
            + " digits, '-' and '_' (or starting or ending with '-')");
      }
    }
    return Optional.empty();
  }

  /**
   * The canonical absolute form: lower case, ending in a dot.
   *
   * @throws IllegalArgumentException when the name is not a valid DNS name
   */
  public static String absolute(String name) {
    problem(name).ifPresent(p -> {
      throw new IllegalArgumentException("'" + name + "' is not a DNS name: it " + p);
    });
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower : lower + ".";
  }

  /**
   * An owner name as the plan writes it, made absolute: {@code @} is the zone apex, a name ending
   * in a dot is absolute already, anything else is relative to the zone.
   *
   * @throws IllegalArgumentException when the result is not a valid name or not in the zone
   */
  public static String owner(String zone, String name) {
    String apex = absolute(zone);
    String full = name.equals("@") ? apex
        : name.endsWith(".") ? absolute(name)
        : absolute(name + "." + apex);
    if (!isInZone(full, apex)) {
      throw new IllegalArgumentException(name + " is not in zone " + apex
          + ": write names relative to the zone (e.g. autoconfig) or inside it");
    }
    return full;
  }

  /** True when absolute {@code name} is the zone apex or below it. */
  public static boolean isInZone(String name, String zone) {
    String n = absolute(name);
    String z = absolute(zone);
    return n.equals(z) || n.endsWith("." + z);
  }

  /** True for an IPv4 or IPv6 address literal (a host field that should have been a name). */
  public static boolean isIpLiteral(String text) {
    String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    var v4 = IPV4.matcher(t);
    if (v4.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(v4.group(i)) > 255) {
          return false;
        }
      }
      return true;
    }
    return IPV6.matcher(t).matches() && t.chars().filter(c -> c == ':').count() >= 2;
  }
}
