package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailshift.testsupport.BindZones;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoneFileProviderTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final RrsetKey MX = new RrsetKey("acme.test", "MX");
  private static final RrsetSnapshot OLD_MX =
      RrsetSnapshot.of(MX, 3600, List.of("10 mx.old.test.", "20 mx2.old.test."));

  @TempDir Path dir;
  private Path file;
  private ZoneFileProvider provider;

  @BeforeEach
  void copyZone() throws Exception {
    file = dir.resolve("acme.test.zone");
    Files.writeString(file, BindZones.resource("/dns/acme.test.zone"));
    provider = new ZoneFileProvider("acme.test", file, CLOCK);
  }

  @Test
  void apply_replaceMx_rewritesOnlyTheMxLinesAndBumpsTheSerial() throws Exception {
    // given
    DnsChange change = DnsChange.between(OLD_MX,
        RrsetSnapshot.of(MX, 300, List.of("10 mx1.newhost.test.")));

    // when
    DnsProvider.Outcome outcome = provider.apply(change);

    // then
    assertThat(outcome).isEqualTo(DnsProvider.Outcome.APPLIED);
    assertThat(Files.readString(file)).isEqualTo("""
        $TTL 3600
        @   IN SOA ns1.acme.test. hostmaster.acme.test. (
                2026030100 ; serial
                3600       ; refresh
                600        ; retry
                86400      ; expire
                300 )      ; minimum: negative-caching TTL
            IN NS  ns1.acme.test.
            IN NS  ns2.acme.test.
        acme.test. 300 IN MX 10 mx1.newhost.test.
            IN TXT "v=spf1 ip4:192.0.2.0/24 -all"
            IN TXT "google-site-verification=abc123"
        ns1 IN A   127.0.0.1
        ns2 IN A   127.0.0.1
        www IN A   192.0.2.1
        autodiscover 1800 IN CNAME autodiscover.old.test.
        """);
    assertThat(provider.read(List.of(MX))).containsEntry(MX, change.after());
  }

  @Test
  void apply_newName_appendedAtTheEnd() throws Exception {
    // given
    RrsetKey dmarc = new RrsetKey("_dmarc.acme.test", "TXT");
    String before = Files.readString(file);
    DnsChange add = DnsChange.between(RrsetSnapshot.absent(dmarc),
        RrsetSnapshot.of(dmarc, 3600, List.of(TxtValue.rdata("v=DMARC1; p=none"))));

    // when
    provider.apply(add);

    // then
    assertThat(Files.readString(file)).isEqualTo(
        before.replace("2024010101", "2026030100")
            + "_dmarc.acme.test. 3600 IN TXT \"v=DMARC1; p=none\"\n");
  }

  @Test
  void apply_deleteRrsetWhoseOwnerLaterLinesInherit_writesTheirOwnerOut() throws Exception {
    // given: a TXT line without owner after www's A line inherits www
    Files.writeString(file, Files.readString(file).replace("www IN A   192.0.2.1\n",
        "www IN A   192.0.2.1\n    IN TXT \"hello\"\n"));
    RrsetKey wwwA = new RrsetKey("www.acme.test", "A");
    RrsetKey wwwTxt = new RrsetKey("www.acme.test", "TXT");
    RrsetSnapshot txtBefore = provider.read(List.of(wwwTxt)).get(wwwTxt);

    // when
    provider.apply(DnsChange.between(RrsetSnapshot.of(wwwA, 3600, List.of("192.0.2.1")),
        RrsetSnapshot.absent(wwwA)));

    // then
    assertThat(Files.readString(file)).contains(
        "ns2 IN A   127.0.0.1\nwww.acme.test.    IN TXT \"hello\"\nautodiscover 1800");
    assertThat(txtBefore.records()).containsExactly("hello");
    assertThat(provider.read(List.of(wwwTxt, wwwA)))
        .containsEntry(wwwTxt, txtBefore).containsEntry(wwwA, RrsetSnapshot.absent(wwwA));
  }

  @Test
  void apply_fileChangedSinceObserved_failsPrerequisiteAndLeavesTheFileAlone() throws Exception {
    // given: someone edited the MX in the repository since the plan
    Files.writeString(file, Files.readString(file).replace("20 mx2.old.test.", "30 mx3.test."));
    byte[] before = Files.readAllBytes(file);

    // when / then
    assertThatThrownBy(() -> provider.apply(DnsChange.between(OLD_MX,
        RrsetSnapshot.of(MX, 300, List.of("10 mx1.newhost.test.")))))
        .isInstanceOf(PrerequisiteFailedException.class)
        .hasMessageContaining("acme.test. MX changed since it was observed on " + file)
        .hasMessageContaining("actual:   acme.test. 3600 IN MX 10 mx.old.test. |"
            + " acme.test. 3600 IN MX 30 mx3.test.");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void apply_changeAlreadyInTheFile_writesNothing() throws Exception {
    byte[] before = Files.readAllBytes(file);

    DnsProvider.Outcome outcome = provider.apply(DnsChange.between(
        OLD_MX.withTtl(300), OLD_MX));

    assertThat(outcome).isEqualTo(DnsProvider.Outcome.ALREADY_APPLIED);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void apply_unparseableRecord_errorWithFileAndLine() throws Exception {
    Files.writeString(file, Files.readString(file) + "bad IN MX ten mx.test.\n");

    assertThatThrownBy(() -> provider.apply(DnsChange.between(OLD_MX, OLD_MX.withTtl(300))))
        .isInstanceOf(ZoneFileException.class)
        .hasMessageStartingWith(file + ":18: cannot parse 'bad IN MX ten mx.test.'")
        .hasMessageContaining("nothing was changed");
  }

  @Test
  void apply_zoneWithInclude_refusedBecauseRecordsWouldBeHidden() throws Exception {
    Files.writeString(file, "$INCLUDE other.zone\n" + Files.readString(file));

    assertThatThrownBy(() -> provider.apply(DnsChange.between(OLD_MX, OLD_MX.withTtl(300))))
        .isInstanceOf(ZoneFileException.class)
        .hasMessageContaining(":1: $INCLUDE is not supported");
  }

  @Test
  void nextSerial_datedOrCounting_movesForward() {
    assertThat(SoaSerial.next(41, CLOCK)).isEqualTo(42);
    assertThat(SoaSerial.next(2024010101L, CLOCK)).isEqualTo(2026030100L);
    assertThat(SoaSerial.next(2026030107L, CLOCK)).isEqualTo(2026030108L);
    assertThat(SoaSerial.next(0xFFFFFFFFL, CLOCK)).isZero();
  }
}
