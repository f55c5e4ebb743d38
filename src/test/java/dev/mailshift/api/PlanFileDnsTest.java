package dev.mailshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailshift.change.ChangeSet;
import dev.mailshift.change.CheckDns;
import dev.mailshift.change.DnsFingerprint;
import dev.mailshift.change.RrsetValue;
import dev.mailshift.change.SetDnsRecords;
import dev.mailshift.change.SyncFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved plan with DNS steps keeps every RRset it saw and will write, and nothing else. */
class PlanFileDnsTest {
  static final RrsetValue OLD = new RrsetValue(3600, List.of("10 mx.old.test."));
  static final RrsetValue LOW = new RrsetValue(300, List.of("10 mx.old.test."));

  private final ChangeSet set = new ChangeSet("acme", "abc123", "cutover", List.of(
      new SetDnsRecords("acme.test.", "acme.test.", "MX", SetDnsRecords.Purpose.LOWER_TTL, OLD,
          LOW, List.of()),
      new SyncFolder("alice", "INBOX", "INBOX", 42, 1, 10, 0, 0, 0, 0),
      new SetDnsRecords("acme.test.", "_dmarc.acme.test.", "TXT", SetDnsRecords.Purpose.AUTH,
          RrsetValue.ABSENT, new RrsetValue(3600, List.of("\"v=DMARC1; p=reject\"")),
          List.of("makes the DMARC policy stricter")),
      new CheckDns("acme.test.")),
      List.of(), List.of(new DnsFingerprint("acme.test.", "acme.test.", "MX", OLD)));

  @Test
  void write_thenRead_sameChangeSetWithDnsStepsAndFingerprints(@TempDir Path dir) {
    Path file = dir.resolve("plan.json");

    PlanFile.write(set, file);

    assertThat(PlanFile.read(file)).isEqualTo(set);
  }

  @Test
  void toJson_dnsStep_plainStringsAndNumbers() {
    String json = PlanFile.toJson(set);
    assertThat(json).contains("\"kind\" : \"set-dns-records\"", "\"purpose\" : \"LOWER_TTL\"",
        "\"ttl\" : 300", "\"kind\" : \"check-dns\"", "\"dnsFingerprints\"");
  }

  @Test
  void read_dnsStepEdited_refused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.json");
    PlanFile.write(set, file);
    Files.writeString(file, Files.readString(file).replace("p=reject", "p=none"));

    assertThatThrownBy(() -> PlanFile.read(file)).isInstanceOf(MailshiftException.class)
        .hasMessageContaining("checksum does not match");
  }
}
