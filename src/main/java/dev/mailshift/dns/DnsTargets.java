package dev.mailshift.dns;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The desired mail records of a zone ({@code dns.records} in a plan). Only the RRsets these
 * declare are managed; everything else in the zone is left alone. Owner names ({@code
 * autoconfig}, SRV services) are relative to the zone; host names (MX, SRV and CNAME targets) are
 * fully qualified whether or not they end in a dot.
 *
 * @param mx the MX set of the zone apex; empty = MX not managed
 * @param spf the SPF policy text ({@code v=spf1 ...}); only the apex TXT record that starts with
 *     {@code v=spf1} is managed, other apex TXT records (site verifications) are kept
 * @param dkim DKIM selectors, each published at {@code <selector>._domainkey.<zone>}
 * @param dmarc the DMARC policy text, published at {@code _dmarc.<zone>}
 * @param srv RFC 6186 / RFC 8314 service records ({@code _imaps._tcp}, {@code _submissions._tcp})
 * @param autoconfig host names for client autoconfiguration ({@code autoconfig}, {@code
 *     autodiscover}): a CNAME or addresses
 * @param remove RRsets that must not exist (e.g. an old provider's autodiscover CNAME)
 */
public record DnsTargets(
    List<Mx> mx,
    Optional<String> spf,
    List<Dkim> dkim,
    Optional<String> dmarc,
    List<Srv> srv,
    List<HostAlias> autoconfig,
    List<Removal> remove) {

  public static final DnsTargets NONE =
      new DnsTargets(List.of(), Optional.empty(), List.of(), Optional.empty(), List.of(),
          List.of(), List.of());

  public DnsTargets {
    mx = List.copyOf(mx);
    Objects.requireNonNull(spf, "spf");
    dkim = List.copyOf(dkim);
    Objects.requireNonNull(dmarc, "dmarc");
    srv = List.copyOf(srv);
    autoconfig = List.copyOf(autoconfig);
    remove = List.copyOf(remove);
  }

  /** One MX record: preference and mail exchanger host ({@code .} alone = null MX, RFC 7505). */
  public record Mx(int priority, String host) {
    public Mx {
      if (priority < 0 || priority > 65535) {
        throw new IllegalArgumentException("MX priority out of range 0-65535: " + priority);
      }
      Objects.requireNonNull(host, "host");
    }
  }

  /** A DKIM selector with its key type and where the key comes from. */
  public record Dkim(String selector, DkimAlgorithm algorithm, DkimKey key) {
    public Dkim {
      Objects.requireNonNull(selector, "selector");
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(key, "key");
    }
  }

  /** Where a DKIM public key comes from. */
  public sealed interface DkimKey {
    /**
     * {@code key: generate}: mailshift makes the key pair once and keeps the private key in
     * {@code privateKeyFile} (PEM, mode 0600); later runs read it back, never regenerate.
     */
    record Generate(Path privateKeyFile) implements DkimKey {
      public Generate {
        Objects.requireNonNull(privateKeyFile, "privateKeyFile");
      }
    }

    /** {@code public-key: ...}: the base64 {@code p=} value of a key made elsewhere. */
    record Given(String publicKey) implements DkimKey {
      public Given {
        Objects.requireNonNull(publicKey, "publicKey");
      }
    }
  }

  /**
   * An SRV record at {@code <service>.<zone>}, e.g. {@code _imaps._tcp}. Target {@code .} says the
   * service is not offered (RFC 6186 section 4).
   */
  public record Srv(String service, int priority, int weight, int port, String target) {
    public Srv {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(target, "target");
      for (int v : new int[] {priority, weight, port}) {
        if (v < 0 || v > 65535) {
          throw new IllegalArgumentException("SRV field out of range 0-65535 in " + service);
        }
      }
    }
  }

  /**
   * A host name in the zone for client autoconfiguration: either a CNAME to {@code cname} or A/AAAA
   * records for {@code addresses}, never both (RFC 1034 section 3.6.2).
   */
  public record HostAlias(String name, Optional<String> cname, List<String> addresses) {
    public HostAlias {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(cname, "cname");
      addresses = List.copyOf(addresses);
      if (cname.isPresent() == !addresses.isEmpty()) {
        throw new IllegalArgumentException(
            "autoconfig host " + name + " needs exactly one of cname or addresses");
      }
    }
  }

  /** An RRset that must be absent: owner name relative to the zone and type. */
  public record Removal(String name, String type) {
    public Removal {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }
}
