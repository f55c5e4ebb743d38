package dev.mailshift.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.xbill.DNS.Address;

/** IP address literals, parsed without any name lookup (JDK 21 lacks {@code ofLiteral}). */
final class IpLiteral {
  private IpLiteral() {}

  static Optional<InetAddress> parse(String text) {
    String t = text.strip();
    if (t.endsWith(".")) {
      t = t.substring(0, t.length() - 1);
    }
    for (int family : new int[] {Address.IPv4, Address.IPv6}) {
      byte[] bytes = Address.toByteArray(t, family);
      if (bytes != null) {
        try {
          return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
          throw new IllegalStateException("a 4- or 16-byte address was rejected", e);
        }
      }
    }
    return Optional.empty();
  }
}
