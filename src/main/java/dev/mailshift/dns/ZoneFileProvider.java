package dev.mailshift.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes changes into a zone file (for a GitOps DNS repository): replaces the lines of the
 * managed RRset, bumps the SOA serial, leaves every other line as it was, and replaces the file
 * atomically. Compare-and-swap against the file: the RRset in the file must still hold the
 * observed records.
 */
public final class ZoneFileProvider implements DnsProvider {
  private final String zone;
  private final Path file;
  private final Clock clock;

  public ZoneFileProvider(String zone, Path file, Clock clock) {
    this.zone = new RrsetKey(zone, "SOA").name();
    this.file = Objects.requireNonNull(file, "file");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The managed RRsets as the file holds them: what a plan diffs against with this provider. */
  public Map<RrsetKey, RrsetSnapshot> read(Collection<RrsetKey> keys) throws DnsException {
    ZoneFile zoneFile = load();
    Map<RrsetKey, RrsetSnapshot> out = new LinkedHashMap<>();
    for (RrsetKey key : keys) {
      out.put(key, zoneFile.rrset(key));
    }
    return out;
  }

  @Override
  public Outcome apply(DnsChange change) throws DnsException {
    RrsetKey key = change.key();
    if (!key.isInZone(zone)) {
      throw new IllegalArgumentException(key + " is outside zone " + zone);
    }
    ZoneFile zoneFile = load();
    RrsetSnapshot current = zoneFile.rrset(key);
    if (current.equals(change.after())) {
      return Outcome.ALREADY_APPLIED;
    }
    if (!current.sameRecords(change.before())) {
      throw new PrerequisiteFailedException(file.toString(), change.before(), current, "");
    }
    ZoneFile edited = zoneFile.withRrset(change.after());
    edited = edited.withSerial(SoaSerial.next(zoneFile.serial(), clock));
    write(edited.text(), key);
    return Outcome.APPLIED;
  }

  private ZoneFile load() throws DnsException {
    try {
      return ZoneFile.parse(Files.readString(file, StandardCharsets.UTF_8), zone, file.toString());
    } catch (IOException e) {
      throw new ZoneFileException("cannot read zone file " + file + ": " + e.getMessage(), "",
          new RrsetKey(zone, "SOA"), e);
    }
  }

  private void write(String text, RrsetKey key) throws ZoneFileException {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        PosixFileAttributeView view =
            Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
          Files.setPosixFilePermissions(temp, view.readAttributes().permissions());
        }
        move(temp);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new ZoneFileException("cannot write zone file " + file + ": " + e.getMessage()
          + "; the file is unchanged", "", key, e);
    }
  }

  private void move(Path temp) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public String describe() {
    return "zonefile " + file + " (zone " + zone + ")";
  }
}
