package dev.mailshift.dns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TTL;

/**
 * Splits zone-file text into {@link ZoneFile.Entry entries} and parses each record with dnsjava,
 * tracking {@code $ORIGIN}, {@code $TTL} and the previous owner as a name server does.
 */
final class ZoneFileParser {
  private final String zone;
  private final String label;
  private Name origin;
  private long defaultTtl = -1;
  private long lastTtl = -1;
  private Name lastOwner;

  ZoneFileParser(String zone, String label) {
    this.zone = zone;
    this.label = label;
    this.origin = RrsetKey.absolute(zone);
  }

  ZoneFile parse(String text) throws ZoneFileException {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1); // the final newline
    }
    List<ZoneFile.Entry> entries = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (ZoneFileText.isBlank(line)) {
        entries.add(new ZoneFile.Entry(ZoneFile.Kind.TRIVIA, List.of(line), null, false));
        i++;
      } else if (line.startsWith("$")) {
        directive(line, i + 1);
        entries.add(new ZoneFile.Entry(ZoneFile.Kind.DIRECTIVE, List.of(line), null, false));
        i++;
      } else {
        int start = i;
        int depth = ZoneFileText.parenDepth(line);
        while (depth > 0 && ++i < lines.size()) {
          depth += ZoneFileText.parenDepth(lines.get(i));
        }
        List<String> entryLines = lines.subList(start, Math.min(i + 1, lines.size()));
        entries.add(record(entryLines, start + 1));
        i++;
      }
    }
    return ZoneFile.of(zone, label, entries);
  }

  private void directive(String line, int lineNo) throws ZoneFileException {
    List<ZoneFileText.Token> t = ZoneFileText.tokens(line);
    String name = t.get(0).text().toUpperCase(Locale.ROOT);
    try {
      switch (name) {
        case "$ORIGIN" -> origin = Name.fromString(t.get(1).text(), origin);
        case "$TTL" -> defaultTtl = TTL.parseTTL(t.get(1).text());
        case "$INCLUDE" -> throw error(lineNo, "$INCLUDE is not supported: mailshift must see"
            + " every record of the zone in this one file", null);
        default -> { } // $GENERATE and others stay as they are
      }
    } catch (IOException | RuntimeException e) {
      throw error(lineNo, "invalid directive '" + line.strip() + "': " + e.getMessage(), e);
    }
  }

  private ZoneFile.Entry record(List<String> entryLines, int lineNo) throws ZoneFileException {
    String text = String.join("\n", entryLines);
    boolean explicitOwner = !Character.isWhitespace(text.charAt(0));
    if (!explicitOwner && lastOwner == null) {
      throw error(lineNo, "a record without owner name before any owner was given", null);
    }
    String source = explicitOwner ? text : lastOwner + text;
    try {
      long ttl = defaultTtl >= 0 ? defaultTtl : lastTtl;
      Record r = ZoneFile.parseRecord(source, origin, ttl);
      lastOwner = r.getName();
      lastTtl = r.getTTL();
      return new ZoneFile.Entry(ZoneFile.Kind.RECORD, entryLines, r, explicitOwner);
    } catch (IOException | RuntimeException e) {
      throw error(lineNo, "cannot parse '" + text.strip() + "': " + e.getMessage(), e);
    }
  }

  private ZoneFileException error(int lineNo, String message, Throwable cause) {
    return new ZoneFileException(label + ":" + lineNo + ": " + message + ". Fix the zone file;"
        + " nothing was changed.", "", new RrsetKey(zone, "SOA"), cause);
  }
}
