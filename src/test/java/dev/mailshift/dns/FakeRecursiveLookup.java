package dev.mailshift.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link RecursiveLookup} over maps a test fills; unknown names have no records. */
final class FakeRecursiveLookup implements RecursiveLookup {
  private final Map<String, List<String>> txt = new HashMap<>();
  private final Map<String, List<InetAddress>> addresses = new HashMap<>();
  private final Map<String, List<String>> mx = new HashMap<>();
  private final List<String> queried = new ArrayList<>();

  FakeRecursiveLookup txt(String name, String... values) {
    txt.put(norm(name), List.of(values));
    return this;
  }

  FakeRecursiveLookup host(String name, String... ips) {
    addresses.put(norm(name),
        java.util.Arrays.stream(ips).map(ip -> IpLiteral.parse(ip).orElseThrow()).toList());
    return this;
  }

  FakeRecursiveLookup mx(String domain, String... hosts) {
    mx.put(norm(domain), List.of(hosts));
    return this;
  }

  /** Every name looked up, in order. */
  List<String> queried() {
    return List.copyOf(queried);
  }

  @Override
  public List<String> txt(String name) {
    queried.add("TXT " + norm(name));
    return txt.getOrDefault(norm(name), List.of());
  }

  @Override
  public List<InetAddress> addresses(String host) {
    queried.add("A " + norm(host));
    return addresses.getOrDefault(norm(host), List.of());
  }

  @Override
  public List<String> mx(String domain) {
    queried.add("MX " + norm(domain));
    return mx.getOrDefault(norm(domain), List.of());
  }

  private static String norm(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n : n + ".";
  }
}
