package dev.mailshift.imap;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a server told us about itself after login.
 *
 * @param capabilities upper-cased capability atoms (e.g. {@code UIDPLUS}, {@code CONDSTORE})
 * @param personalPrefix the personal namespace prefix from NAMESPACE, decoded (e.g. {@code
 *     "INBOX."}); "" when none or NAMESPACE is not offered
 * @param separator the hierarchy separator of the personal namespace
 * @param appendLimit the APPENDLIMIT (RFC 7889) in bytes, when advertised
 */
public record ServerInfo(
    Set<String> capabilities, String personalPrefix, char separator, OptionalLong appendLimit) {
  public ServerInfo {
    capabilities = Set.copyOf(capabilities);
  }

  public boolean has(String capability) {
    return capabilities.contains(capability.toUpperCase(Locale.ROOT));
  }
}
