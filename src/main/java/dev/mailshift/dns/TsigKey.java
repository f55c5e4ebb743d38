package dev.mailshift.dns;

import dev.mailshift.plan.Secret;
import dev.mailshift.plan.dns.DnsProviderConfig;
import java.util.Objects;
import org.xbill.DNS.TSIG;

/**
 * A TSIG key (RFC 8945) with its secret resolved: the key name as the server knows it, the
 * algorithm ({@code hmac-sha256} etc.) and the base64 secret, which only {@link #toDnsjava} reveals.
 */
public record TsigKey(String name, String algorithm, Secret secret) {
  public TsigKey {
    RrsetKey.absolute(Objects.requireNonNull(name, "name"));
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(secret, "secret");
    TSIG.algorithmToName(algorithm); // rejects unknown algorithms
  }

  /** The plan's key with the secret its reference resolved to. */
  public static TsigKey of(DnsProviderConfig.Tsig config, Secret secret) {
    return new TsigKey(config.name(), config.algorithm(), secret);
  }

  /** The dnsjava key; call only where a message is signed. */
  TSIG toDnsjava() {
    return new TSIG(TSIG.algorithmToName(algorithm), RrsetKey.absolute(name), secret.reveal());
  }
}
