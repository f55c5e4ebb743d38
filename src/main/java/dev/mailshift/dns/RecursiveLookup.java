package dev.mailshift.dns;

import java.net.InetAddress;
import java.util.List;

/**
 * The recursive lookups the mail-authentication checks need (SPF includes, MX and SRV targets).
 * A name or type that does not exist gives an empty list, not an exception. The real
 * implementation is {@link LookupSessionLookup}; unit tests use a map-backed fake.
 */
public interface RecursiveLookup {
  /** The TXT records at {@code name}, each as its strings concatenated. */
  List<String> txt(String name) throws DnsException;

  /** The A and AAAA addresses of {@code host}. */
  List<InetAddress> addresses(String host) throws DnsException;

  /** The MX hosts of {@code domain}, by preference. */
  List<String> mx(String domain) throws DnsException;
}
