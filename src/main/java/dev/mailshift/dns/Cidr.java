package dev.mailshift.dns;

import java.net.InetAddress;

/** Prefix matching of IP addresses; different address families never match. */
final class Cidr {
  private Cidr() {}

  static boolean contains(InetAddress network, int prefix, InetAddress ip) {
    byte[] n = network.getAddress();
    byte[] a = ip.getAddress();
    if (n.length != a.length) {
      return false;
    }
    int bits = Math.min(prefix, n.length * 8);
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >> (i % 8);
      if ((n[i / 8] & mask) != (a[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
