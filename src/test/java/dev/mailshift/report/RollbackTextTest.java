package dev.mailshift.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.api.RollbackResult;
import dev.mailshift.change.RrsetValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RollbackTextTest {
  private static final RrsetValue OLD_MX = new RrsetValue(3600, List.of("10 mx.old.test."));

  @Test
  void render_restoredButASecondaryLags_incompleteNamingTheServerAndWhatToDo() {
    // given
    RollbackResult r = new RollbackResult("acme.test.", List.of(4L),
        List.of(new RollbackResult.Restored("acme.test.", "MX", OLD_MX, false)), List.of(),
        Optional.empty(), List.of(new RollbackResult.Unserved("acme.test.", "MX", OLD_MX,
            "192.0.2.54:53 serves acme.test. 300 IN MX 10 mx1.new.test.")));

    // when
    String text = RollbackText.render(r);

    // then
    assertThat(r.complete()).isFalse();
    assertThat(text).contains("  ~ acme.test. MX restored to TTL 3600: 10 mx.old.test.\n"
        + "  ? acme.test. MX restored, but not yet answered by every authoritative server:\n"
        + "    192.0.2.54:53 serves acme.test. 300 IN MX 10 mx1.new.test.\n")
        .contains("Rollback incomplete: 1 restored RRset(s) not yet answered by every"
            + " authoritative server within dns.timeouts.propagation.")
        .contains("run rollback again");
    assertThat(RollbackText.json(r)).contains("\"unserved\" : [ {")
        .contains("\"lagging\" : \"192.0.2.54:53 serves acme.test. 300 IN MX 10 mx1.new.test.\"");
  }

  @Test
  void render_everythingServed_complete() {
    RollbackResult r = new RollbackResult("acme.test.", List.of(4L),
        List.of(new RollbackResult.Restored("acme.test.", "MX", OLD_MX, false)), List.of(),
        Optional.empty(), List.of());

    assertThat(r.complete()).isTrue();
    assertThat(RollbackText.render(r)).contains("Rollback complete: 1 change(s) undone, newest"
        + " first; every authoritative server answers the restored records.")
        .doesNotContain("? ");
  }
}
