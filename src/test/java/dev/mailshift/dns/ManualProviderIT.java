package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailshift.testsupport.BindServer;
import dev.mailshift.testsupport.BindZones;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ManualProviderIT {
  private static final String DMARC = "v=DMARC1; p=quarantine; rua=mailto:dmarc@acme.test";
  private static final String NSUPDATE_ADD =
      "update add _dmarc.acme.test. 3600 IN TXT \"" + DMARC + "\"";
  private static final RrsetKey KEY = new RrsetKey("_dmarc.acme.test", "TXT");
  private static final DnsChange ADD_DMARC = DnsChange.between(RrsetSnapshot.absent(KEY),
      RrsetSnapshot.of(KEY, 3600, List.of(TxtValue.rdata(DMARC))));

  @RegisterExtension BindServer bind = BindZones.acme();

  private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final DirectZoneReader reader = new DirectZoneReader(Duration.ofSeconds(5));
  private final List<String> printed = new ArrayList<>();

  @Test
  void apply_operatorMakesTheChangeWhileMailshiftWaits_verifiedOnEveryServer() throws Exception {
    // given: an operator who follows the printed instructions during the second pause
    List<String> seenByOperator = new ArrayList<>();
    FakeSleeper sleeper = new FakeSleeper(clock, 2, () -> {
      seenByOperator.addAll(printed);
      bind.nsupdate(NSUPDATE_ADD);
    });

    // when
    DnsProvider.Outcome outcome = provider(sleeper, Duration.ofMinutes(30)).apply(ADD_DMARC);

    // then
    assertThat(outcome).isEqualTo(DnsProvider.Outcome.APPLIED);
    assertThat(seenByOperator).singleElement().asString()
        .contains("At the DNS host of zone acme.test., create the TXT records of _dmarc"
            + " (_dmarc.acme.test.):")
        .contains("TTL 3600, exactly these values and no others:\n      " + DMARC);
    assertThat(printed).last().asString()
        .isEqualTo("verified: all 2 authoritative servers answer the new _dmarc.acme.test. TXT");
    assertThat(sleeper.pauses()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
    assertThat(reader.read(bind.nameServer(), KEY)).isEqualTo(ADD_DMARC.after());
  }

  @Test
  void apply_operatorNeverActs_timesOutNamingWhatEachServerServes() throws Exception {
    // given
    FakeSleeper sleeper = new FakeSleeper(clock);
    List<String> zoneBefore = bind.zoneWithoutSoa();
    Instant start = clock.instant();

    // when / then
    assertThatThrownBy(() -> provider(sleeper, Duration.ofMinutes(1)).apply(ADD_DMARC))
        .isInstanceOf(PropagationTimeoutException.class)
        .hasMessageContaining("after 1 min not every authoritative server answers the new"
            + " _dmarc.acme.test. TXT")
        .hasMessageContaining("127.0.0.1:" + bind.port() + ": _dmarc.acme.test. TXT (absent)")
        .hasMessageContaining("run apply again");
    assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofMinutes(1)));
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneBefore);
  }

  @Test
  void apply_changeAlreadyMade_printsOnlyTheVerification() throws Exception {
    // given
    bind.nsupdate(NSUPDATE_ADD);

    // when
    DnsProvider.Outcome outcome = provider(new FakeSleeper(clock), Duration.ofMinutes(1))
        .apply(ADD_DMARC);

    // then
    assertThat(outcome).isEqualTo(DnsProvider.Outcome.ALREADY_APPLIED);
    assertThat(printed).singleElement().asString().startsWith("verified:");
  }

  @Test
  void apply_rrsetChangedSincePlan_failsBeforePrintingInstructions() throws Exception {
    // given
    bind.nsupdate("update add _dmarc.acme.test. 3600 IN TXT \"v=DMARC1; p=none\"");

    // when / then
    assertThatThrownBy(() -> provider(new FakeSleeper(clock), Duration.ofMinutes(1))
        .apply(ADD_DMARC))
        .isInstanceOf(PrerequisiteFailedException.class)
        .hasMessageContaining("v=DMARC1; p=none");
    assertThat(printed).isEmpty();
  }

  private ManualProvider provider(FakeSleeper sleeper, Duration timeout) {
    // the zone's two NS records both point at this one server
    List<NameServer> servers = List.of(bind.nameServer(), new NameServer("ns2.acme.test.",
        new InetSocketAddress("127.0.0.1", bind.port())));
    PropagationCheck check = new PropagationCheck(reader, clock, sleeper, Duration.ofSeconds(10));
    return new ManualProvider("acme.test", servers, reader, check, timeout, printed::add);
  }
}
