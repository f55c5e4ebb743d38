package dev.mailshift.dns;

import dev.mailshift.plan.Secret;
import dev.mailshift.plan.dns.DnsProviderConfig;
import java.time.Duration;
import java.util.Objects;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * RFC 2136 dynamic UPDATE over TCP, signed with TSIG (RFC 8945). Each update carries a
 * prerequisite that the RRset holds exactly the observed records, so a record changed by someone
 * else since the plan is never overwritten.
 */
public final class Rfc2136Provider implements DnsProvider {
  private static final System.Logger LOG = System.getLogger(Rfc2136Provider.class.getName());

  private final String zone;
  private final NameServer server;
  private final TsigKey tsig;
  private final Duration timeout;
  private final ZoneReader reader;

  public Rfc2136Provider(
      String zone, NameServer server, TsigKey tsig, Duration timeout) {
    this.zone = new RrsetKey(zone, "SOA").name();
    this.server = Objects.requireNonNull(server, "server");
    this.tsig = Objects.requireNonNull(tsig, "tsig");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.reader = new DirectZoneReader(timeout);
  }

  /** The provider for the plan's {@code rfc2136} section, with the key's resolved secret. */
  public static Rfc2136Provider of(
      String zone, DnsProviderConfig.Rfc2136 config, Secret secret, Duration timeout) {
    return new Rfc2136Provider(zone, NameServer.parse(config.server()),
        TsigKey.of(config.tsig(), secret), timeout);
  }

  @Override
  public Outcome apply(DnsChange change) throws DnsException {
    RrsetKey key = change.key();
    if (!key.isInZone(zone)) {
      throw new IllegalArgumentException(key + " is outside zone " + zone);
    }
    // Re-runs write nothing: no serial bump, no NOTIFY, when the RRset is already as wanted.
    // The update below is still conditional; this read only saves a write.
    if (reader.read(server, key).equals(change.after())) {
      return Outcome.ALREADY_APPLIED;
    }
    Message response = send(update(change), key);
    int rcode = response.getRcode();
    if (rcode == Rcode.NOERROR) {
      LOG.log(System.Logger.Level.DEBUG, "updated {0} on {1}", key, server.label());
      return Outcome.APPLIED;
    }
    if (rcode == Rcode.NXRRSET || rcode == Rcode.YXRRSET) {
      RrsetSnapshot actual = reader.read(server, key);
      if (actual.equals(change.after())) {
        return Outcome.ALREADY_APPLIED;
      }
      throw new PrerequisiteFailedException(
          server.label(), change.before(), actual, Rcode.string(rcode));
    }
    throw rejected(response, key);
  }

  /**
   * Checks the key before anything is changed, with a TSIG-signed SOA query: a server that does
   * not know the key or cannot verify its signature answers NOTAUTH with BADKEY or BADSIG (RFC 8945
   * section 5.2.2). Whether the key may update the zone (update-policy) only an update can tell.
   */
  public void checkKey() throws DnsException {
    RrsetKey soa = new RrsetKey(zone, "SOA");
    Message query = Message.newQuery(Record.newRecord(soa.dnsName(), Type.SOA, DClass.IN));
    query.getHeader().unsetFlag(Flags.RD);
    Message response = send(query, soa);
    int rcode = response.getRcode();
    if (rcode == Rcode.NOERROR && response.getHeader().getFlag(Flags.AA)) {
      return;
    }
    if (rcode == Rcode.REFUSED) {
      throw new DnsRefusedException(server.label() + " refused a signed query for zone " + zone
          + ": it does not serve this zone to this client. Check dns.zone and"
          + " dns.provider.server.", server.label(), soa);
    }
    if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
      throw new NotAuthoritativeException(server.label() + " is not authoritative for zone "
          + zone + ": send updates to the zone's primary server (dns.provider.server).",
          server.label(), soa);
    }
    throw rejected(response, soa);
  }

  /** Prerequisite plus update in one message; the server applies all of it or nothing. */
  private Update update(DnsChange change) {
    RrsetKey key = change.key();
    Update update = new Update(RrsetKey.absolute(zone));
    if (!change.before().exists()) {
      // RFC 2136 section 2.4.3: RRset does not exist (class NONE, type, empty rdata).
      update.absent(key.dnsName(), key.typeCode());
    } else {
      // RFC 2136 section 2.4.2: value-dependent "RRset exists": the server compares the whole
      // RRset with these records (class IN, TTL 0) and fails with NXRRSET on any difference.
      for (Record r : change.before().toRecords(0)) {
        update.present(r);
      }
    }
    // Section 2.5.2 delete the RRset, then 2.5.1 add the new records; within one message the
    // RRset is replaced atomically (section 3.4.2 processes updates in order).
    update.delete(key.dnsName(), key.typeCode());
    for (Record r : change.after().toRecords()) {
      update.add(r);
    }
    return update;
  }

  private Message send(Message update, RrsetKey key) throws DnsException {
    SimpleResolver resolver = new SimpleResolver(server.address());
    resolver.setTCP(true);
    resolver.setTimeout(timeout);
    resolver.setTSIGKey(tsig.toDnsjava());
    return ServerExchange.send(resolver, update, server, key, timeout);
  }

  private DnsException rejected(Message response, RrsetKey key) {
    int rcode = response.getRcode();
    String who = server.label();
    TSIGRecord tsigRecord = response.getTSIG();
    int tsigError = tsigRecord == null ? Rcode.NOERROR : tsigRecord.getError();
    if (rcode == Rcode.NOTAUTH && tsigError != Rcode.NOERROR) {
      return new TsigRefusedException(
          "the TSIG key '" + tsig.name() + "' was refused by " + who + " ("
              + Rcode.TSIGstring(tsigError) + "): the secret or algorithm (" + tsig.algorithm()
              + ") does not match the server's key" + (tsigError == Rcode.BADTIME
                  ? ", or this machine's clock is off by more than 5 minutes" : "")
              + ". Nothing was changed. Check dns.provider.tsig.", who, key);
    }
    if (rcode == Rcode.REFUSED && response.isVerified()) {
      // The server signed its answer with our key (RFC 8945 section 5.3), so it knows the key
      // and verified our signature: the refusal is the zone's policy for this name and type.
      return new TsigRefusedException("the update of " + key + " was refused by " + who + ":"
          + " the server accepts the TSIG key '" + tsig.name() + "' (it verified the signature)"
          + " but the zone's update policy does not let this key change " + key + ". Nothing"
          + " was changed. Ask the zone's administrator to grant the key this name and type"
          + " (BIND: update-policy { grant " + tsig.name() + " name " + key.name() + " "
          + key.type() + "; }), or leave it out of dns.records.", who, key);
    }
    return switch (rcode) {
      case Rcode.REFUSED -> new TsigRefusedException(
          "the update of " + key + " was refused by " + who + ": the TSIG key '" + tsig.name()
              + "' is unknown to the server or not allowed to change this name (update-policy /"
              + " allow-update). Nothing was changed. Check the key name and the zone's"
              + " update policy.", who, key);
      case Rcode.NOTAUTH -> new NotAuthoritativeException(
          who + " is not authoritative (NOTAUTH) for zone " + zone + ": send updates to the"
              + " zone's primary server. Nothing was changed.", who, key);
      case Rcode.NOTZONE -> new NotAuthoritativeException(
          key + " is not inside zone " + zone + " on " + who + " (NOTZONE).", who, key);
      default -> new DnsServerFailureException(
          who + " answered " + Rcode.string(rcode) + " to the update of " + key
              + ". Nothing was changed; check that server's logs.", who, key);
    };
  }

  @Override
  public String describe() {
    return "rfc2136 " + server.label() + " key " + tsig.name();
  }

  @Override
  public String toString() {
    return describe();
  }
}
