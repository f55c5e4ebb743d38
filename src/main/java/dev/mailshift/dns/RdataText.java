package dev.mailshift.dns;

import java.io.IOException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Record data in presentation format ({@code 10 mx1.example.}) to dnsjava records and back, in a
 * canonical form: names in rdata lower case and absolute (RFC 4034 section 6.2), TXT strings
 * untouched. Two texts for the same data give the same canonical text, so RRsets compare as
 * sets of strings.
 */
final class RdataText {
  private RdataText() {}

  static Record parse(Name owner, int type, long ttl, String rdata) {
    try {
      // Relative names in rdata are made absolute against the root: host names in a plan are
      // fully qualified whether or not they end in a dot.
      return Record.fromString(owner, type, DClass.IN, ttl, rdata, Name.root);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "invalid " + org.xbill.DNS.Type.string(type) + " data for " + owner + ": '" + rdata
              + "': " + e.getMessage(),
          e);
    }
  }

  static String canonical(Name owner, int type, String rdata) {
    return canonical(parse(owner, type, 0, rdata));
  }

  static String canonical(Record record) {
    try {
      return Record.fromWire(record.toWireCanonical(), Section.ANSWER).rdataToString();
    } catch (IOException e) {
      throw new IllegalStateException("dnsjava could not re-read its own wire form", e);
    }
  }
}
