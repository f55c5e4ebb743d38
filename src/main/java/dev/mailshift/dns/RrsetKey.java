package dev.mailshift.dns;

import java.util.Comparator;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The identity of one RRset: an absolute owner name and a record type. The name is kept in
 * canonical form (lower case, trailing dot) and the type as its mnemonic ({@code MX}), so two
 * keys for the same RRset are equal however they were written.
 */
public record RrsetKey(String name, String type) implements Comparable<RrsetKey> {

  private static final Comparator<RrsetKey> ORDER =
      Comparator.comparing((RrsetKey k) -> k.dnsName()).thenComparing(RrsetKey::type);

  public RrsetKey {
    name = absolute(name).canonicalize().toString();
    int code = Type.value(type);
    if (code < 0) {
      throw new IllegalArgumentException("unknown DNS record type: " + type);
    }
    type = Type.string(code);
  }

  public static RrsetKey of(Name name, int type) {
    return new RrsetKey(name.toString(), Type.string(type));
  }

  /** The owner name as dnsjava's {@link Name} (absolute). */
  public Name dnsName() {
    return absolute(name);
  }

  /** The numeric type code ({@link Type#MX} etc.). */
  public int typeCode() {
    return Type.value(type);
  }

  /** True when this RRset's owner is the zone apex or below it. */
  public boolean isInZone(String zone) {
    return dnsName().subdomain(absolute(zone));
  }

  static Name absolute(String text) {
    try {
      return Name.fromString(text, Name.root);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a valid DNS name: '" + text + "'", e);
    }
  }

  @Override
  public int compareTo(RrsetKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return name + " " + type;
  }
}
