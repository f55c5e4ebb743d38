package dev.mailshift.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.change.CheckDns;
import dev.mailshift.change.RrsetValue;
import dev.mailshift.change.SetDnsRecords;
import dev.mailshift.planner.DnsPlan;
import dev.mailshift.planner.MxGate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The DNS part of plan's text, exactly: markers, record lines, ! on what needs attention. */
class DnsPlanTextTest {
  @Test
  void render_cutover_diffMarkersConfirmationAndTheMomentOfTheSwitch() {
    // given
    DnsPlan plan = new DnsPlan("acme.test.", "rfc2136 ns1:53", List.of("ns1:53", "ns2:53"),
        List.of(new SetDnsRecords("acme.test.", "acme.test.", "MX",
                SetDnsRecords.Purpose.SWITCH_MX,
                new RrsetValue(300, List.of("10 mx.old.test.", "20 mx2.old.test.")),
                new RrsetValue(300, List.of("10 mx1.new.test.", "20 mx2.old.test.")),
                List.of("replaces the MX set")),
            new CheckDns("acme.test.")),
        List.of(), List.of("authoritative servers serve different SOA serials for acme.test."),
        List.of("changes 1 of 1 managed RRsets"),
        Optional.of(new MxGate(MxGate.State.WAIT, Optional.of(Instant.EPOCH),
            "not before 1970-01-01T00:00:00Z (in 5 s): why")));

    // when
    String text = DnsPlanText.render(plan);

    // then
    assertThat(text).isEqualTo("""
        dns acme.test. via rfc2136 ns1:53; read from ns1:53, ns2:53
          ! authoritative servers serve different SOA serials for acme.test.
          dns-mx:
          ~ acme.test. MX  TTL 300
              - 10 mx.old.test.
                20 mx2.old.test.
              + 10 mx1.new.test.
            ! needs --confirm: replaces the MX set
            ! MX switch: not before 1970-01-01T00:00:00Z (in 5 s): why
          dns-validate:
            check SPF, DKIM, DMARC and that every authoritative server serves the managed records
          ! needs --confirm: changes 1 of 1 managed RRsets
        """);
    assertThat(DnsPlanText.summary(plan)).isEqualTo(
        "DNS: 1 RRset change(s) in zone acme.test; 2 need --confirm on apply (or"
            + " --approve, in a phase with gate: approval).");
  }

  @Test
  void render_nothingToWrite_saysSo() {
    DnsPlan plan = new DnsPlan("acme.test.", "manual", List.of("ns1:53"), List.of(), List.of(),
        List.of(), List.of(), Optional.empty());
    assertThat(DnsPlanText.render(plan)).endsWith(
        "  = every managed RRset is as the plan wants it for this phase\n");
  }
}
