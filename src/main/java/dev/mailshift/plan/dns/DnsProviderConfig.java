package dev.mailshift.plan.dns;

import dev.mailshift.plan.SecretRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How DNS changes are made ({@code dns.provider} in a plan): RFC 2136 dynamic updates signed with
 * TSIG, a zone file in a GitOps repository, or by hand at a DNS host without an API.
 */
public sealed interface DnsProviderConfig {

  /** Text for plans and logs; never contains a secret. */
  String describe();

  /**
   * Dynamic UPDATE over TCP to {@code server} ({@code host:port}, port 53 by default), signed with
   * {@code tsig}.
   */
  record Rfc2136(String server, Tsig tsig) implements DnsProviderConfig {
    public Rfc2136 {
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(tsig, "tsig");
    }

    @Override
    public String describe() {
      return "rfc2136 " + server + " key " + tsig.name() + " (" + tsig.algorithm() + ")";
    }
  }

  /**
   * A TSIG key (RFC 8945): the key name as the server knows it, the HMAC algorithm and where its
   * base64 secret comes from (a reference, resolved at run time like account passwords).
   */
  record Tsig(String name, String algorithm, SecretRef secret) {
    /** The algorithms RFC 8945 section 6 lists (hmac-md5 only for old servers). */
    public static final List<String> ALGORITHMS = List.of("hmac-sha256", "hmac-sha384",
        "hmac-sha512", "hmac-sha224", "hmac-sha1", "hmac-md5");

    public Tsig {
      name = DnsNames.absolute(Objects.requireNonNull(name, "name"));
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(secret, "secret");
      if (!ALGORITHMS.contains(algorithm)) {
        throw new IllegalArgumentException("unknown TSIG algorithm " + algorithm);
      }
    }
  }

  /** The zone file at {@code file}, rewritten in place (managed RRsets and the SOA serial). */
  record ZoneFile(Path file) implements DnsProviderConfig {
    public ZoneFile {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String describe() {
      return "zonefile " + file;
    }
  }

  /** A person makes the change; mailshift prints what to do and waits until it is visible. */
  record Manual() implements DnsProviderConfig {
    @Override
    public String describe() {
      return "manual";
    }
  }
}
