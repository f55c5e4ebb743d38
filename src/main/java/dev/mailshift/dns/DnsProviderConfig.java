package dev.mailshift.dns;

import dev.mailshift.plan.Secret;
import java.nio.file.Path;
import java.util.Objects;
import org.xbill.DNS.TSIG;

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
   * A TSIG key (RFC 8945): the key name as the server knows it, the algorithm ({@code
   * hmac-sha256} etc.) and the base64 secret.
   */
  record Tsig(String name, String algorithm, Secret secret) {
    public Tsig {
      RrsetKey.absolute(Objects.requireNonNull(name, "name"));
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(secret, "secret");
      TSIG.algorithmToName(algorithm); // rejects unknown algorithms
    }

    /** The dnsjava key; call only where an update is signed. */
    TSIG toDnsjava() {
      return new TSIG(
          TSIG.algorithmToName(algorithm), RrsetKey.absolute(name), secret.reveal());
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
