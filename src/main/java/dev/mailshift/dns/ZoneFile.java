package dev.mailshift.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * A zone file as a list of entries (blank or comment lines, directives, records spanning one or
 * more lines), each keeping its original text. Edits replace the entries of one RRset and leave
 * every other line byte for byte as it was. Immutable.
 */
final class ZoneFile {
  enum Kind {
    TRIVIA,
    DIRECTIVE,
    RECORD
  }

  /** One entry: its lines, and for records the parsed record and whether the owner was written. */
  record Entry(Kind kind, List<String> lines, Record record, boolean explicitOwner) {
    Entry {
      lines = List.copyOf(lines);
    }

    boolean holds(RrsetKey key) {
      return kind == Kind.RECORD && record.getType() == key.typeCode()
          && record.getName().equals(key.dnsName());
    }
  }

  private final String zone;
  private final String label;
  private final List<Entry> entries;

  private ZoneFile(String zone, String label, List<Entry> entries) {
    this.zone = zone;
    this.label = label;
    this.entries = List.copyOf(entries);
  }

  static ZoneFile parse(String text, String zone, String label) throws ZoneFileException {
    return new ZoneFileParser(zone, label).parse(text);
  }

  static ZoneFile of(String zone, String label, List<Entry> entries) {
    return new ZoneFile(zone, label, entries);
  }

  List<Entry> entries() {
    return entries;
  }

  String text() {
    StringBuilder out = new StringBuilder();
    entries.forEach(e -> e.lines().forEach(l -> out.append(l).append('\n')));
    return out.toString();
  }

  RrsetSnapshot rrset(RrsetKey key) {
    return RrsetSnapshot.fromRecords(key,
        entries.stream().filter(e -> e.holds(key)).map(Entry::record).toList());
  }

  /**
   * This file with the RRset of {@code after} replaced: the old entries go, the new records are
   * written (absolute owner, explicit TTL and class) where the first old entry was, or after the
   * last record of the same owner, or at the end.
   */
  ZoneFile withRrset(RrsetSnapshot after) {
    RrsetKey key = after.key();
    List<Entry> out = new ArrayList<>();
    int insertAt = -1;
    int sameOwner = -1;
    for (Entry e : entries) {
      if (e.holds(key)) {
        insertAt = insertAt < 0 ? out.size() : insertAt;
        continue;
      }
      out.add(e);
      if (e.kind() == Kind.RECORD && e.record().getName().equals(key.dnsName())) {
        sameOwner = out.size();
      }
    }
    if (insertAt < 0) {
      insertAt = sameOwner >= 0 ? sameOwner : out.size();
    }
    List<Entry> added = after.toRecords().stream()
        .map(r -> new Entry(Kind.RECORD, List.of(r.getName() + " " + r.getTTL() + " IN "
            + Type.string(r.getType()) + " " + RdataText.canonical(r)), r, true))
        .toList();
    out.addAll(insertAt, added);
    return new ZoneFile(zone, label, explicitOwners(out));
  }

  /**
   * A record line without an owner takes the previous record's owner (RFC 1035 section 5.1). After
   * entries were removed or inserted, such a line may follow a different owner: write its own
   * owner out so it keeps its meaning.
   */
  private static List<Entry> explicitOwners(List<Entry> list) {
    List<Entry> out = new ArrayList<>();
    Name last = null;
    for (Entry e : list) {
      if (e.kind() != Kind.RECORD) {
        out.add(e);
        continue;
      }
      Name owner = e.record().getName();
      if (!e.explicitOwner() && !owner.equals(last)) {
        List<String> lines = new ArrayList<>(e.lines());
        lines.set(0, owner + lines.get(0));
        e = new Entry(Kind.RECORD, lines, e.record(), true);
      }
      out.add(e);
      last = owner;
    }
    return out;
  }

  long serial() throws ZoneFileException {
    return ((SOARecord) soaEntry().record()).getSerial();
  }

  /** This file with the SOA serial set to {@code serial}, the rest of the SOA text unchanged. */
  ZoneFile withSerial(long serial) throws ZoneFileException {
    Entry soa = soaEntry();
    String text = String.join("\n", soa.lines());
    List<ZoneFileText.Token> tokens = ZoneFileText.tokens(text);
    int at = -1;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).text().toUpperCase(Locale.ROOT).equals("SOA")) {
        at = i;
        break;
      }
    }
    // After SOA come MNAME and RNAME, then the serial (RFC 1035 section 3.3.13).
    List<ZoneFileText.Token> fields = tokens.subList(at + 1, tokens.size()).stream()
        .filter(t -> !t.text().equals("(") && !t.text().equals(")")).toList();
    if (at < 0 || fields.size() < 3) {
      throw new ZoneFileException("cannot find the SOA serial in " + label, "", soaKey());
    }
    ZoneFileText.Token token = fields.get(2);
    String edited = text.substring(0, token.start()) + serial + text.substring(token.end());
    List<Entry> out = new ArrayList<>(entries);
    out.set(entries.indexOf(soa), new Entry(Kind.RECORD, List.of(edited.split("\n", -1)),
        parseSoa(soa, serial), soa.explicitOwner()));
    return new ZoneFile(zone, label, out);
  }

  private Record parseSoa(Entry soa, long serial) {
    SOARecord old = (SOARecord) soa.record();
    return new SOARecord(old.getName(), old.getDClass(), old.getTTL(), old.getHost(),
        old.getAdmin(), serial, old.getRefresh(), old.getRetry(), old.getExpire(),
        old.getMinimum());
  }

  private Entry soaEntry() throws ZoneFileException {
    return entries.stream().filter(e -> e.holds(soaKey())).findFirst()
        .orElseThrow(() -> new ZoneFileException(
            label + " has no SOA record for " + zone + ": is it the zone file of " + zone + "?",
            "", soaKey()));
  }

  private RrsetKey soaKey() {
    return new RrsetKey(zone, "SOA");
  }

  /** Parses one record entry with dnsjava, given the origin, owner and TTL in effect. */
  static Record parseRecord(String text, Name origin, long defaultTtl) throws IOException {
    try (Master master = new Master(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), origin, defaultTtl)) {
      Record r = master.nextRecord();
      if (r == null) {
        throw new IOException("no record in: " + text.strip());
      }
      return r;
    }
  }
}
