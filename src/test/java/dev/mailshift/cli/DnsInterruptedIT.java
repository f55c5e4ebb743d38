package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.state.StateStore;
import dev.mailshift.state.TtlLoweringRecord;
import dev.mailshift.testsupport.BindServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed between lowering the MX TTL and recording it: the next dns-ttl finds the TTL low
 * already, and must still make the switch wait for the TTL served before the lowering, which only
 * the journal's rollback record remembers.
 */
class DnsInterruptedIT {
  @RegisterExtension BindServer bind = BindServer.withZone("acme.test.", DnsCutoverIT.ZONE);
  @TempDir Path dir;

  @Test
  void dnsTtl_afterALoweringThatWasNeverRecorded_waitsForTheTtlItReplaced() throws Exception {
    // given: the lowering 3 s -> 1 s was written and journalled, but its record was lost
    DnsCutoverIT cli = new DnsCutoverIT();
    cli.bind = bind;
    cli.dir = dir;
    Path plan = cli.rfc2136Plan();
    assertThat(cli.mailshift("apply", plan.toString(), "--phase", "prepare-dns", "--confirm")
        .code()).isZero();
    Path db = dir.resolve(".mailshift/state.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM dns_ttl_lowering");
    }

    // when
    DnsCutoverIT.Run again = cli.mailshift("apply", plan.toString(), "--phase", "prepare-dns",
        "--confirm");

    // then
    assertThat(again.code()).as(again.out() + again.err()).isZero();
    assertThat(again.out()).contains("record that acme.test. MX is served with TTL 1");
    try (StateStore state = StateStore.open(db)) {
      List<TtlLoweringRecord> lowerings = state.dns().lowerings("acme.test.");
      assertThat(lowerings).singleElement().satisfies(l -> {
        assertThat(l.servedTtl()).isEqualTo(1);
        assertThat(l.waitSeconds()).isEqualTo(3);
      });
    }
  }
}
