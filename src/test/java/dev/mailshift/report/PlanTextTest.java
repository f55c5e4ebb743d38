package dev.mailshift.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.change.Change;
import dev.mailshift.change.CheckDns;
import dev.mailshift.change.Preflight;
import dev.mailshift.change.SyncFolder;
import dev.mailshift.change.VerifyAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTextTest {

  @Test
  void order_dnsStepBeforeAccountSteps_saysTheDnsStepRunsFirst() {
    // given: a phase [dns-validate, preflight, sync, validate] as the planner orders it
    List<Change> changes = List.of(new CheckDns("acme.test."),
        new Preflight("alice", List.of()), new SyncFolder("alice", "INBOX", "INBOX", 1, 0, 0, 0,
            0, 0, 0), new VerifyAccount("alice"),
        new Preflight("bob", List.of()), new VerifyAccount("bob"));

    // when / then
    assertThat(PlanText.order(changes))
        .hasValue("apply runs dns-validate, then each account's preflight, sync and validate");
  }

  @Test
  void order_accountStepsAroundADnsStep_namesEverySegmentInOrder() {
    List<Change> changes = List.of(new VerifyAccount("alice"), new CheckDns("acme.test."),
        new Preflight("alice", List.of()));

    assertThat(PlanText.order(changes)).hasValue(
        "apply runs each account's validate, then dns-validate, then each account's preflight");
  }

  @Test
  void order_accountStepsOnly_saysNothing() {
    assertThat(PlanText.order(List.of(new Preflight("alice", List.of()),
        new VerifyAccount("alice")))).isEmpty();
    assertThat(PlanText.order(List.of(new CheckDns("acme.test.")))).isEmpty();
  }

  @Test
  void syncLine_candidatesToAdopt_saysAtMostBecauseApplyConfirmsEachByContent() {
    // given: 4 to copy, 3 destination messages whose Message-ID and size match source ones
    SyncFolder s = new SyncFolder("alice", "INBOX", "INBOX", 1, 4, 4096, 3, 0, 0, 0);

    // when / then
    assertThat(PlanText.syncLine(s, false))
        .isEqualTo("  ~ sync INBOX -> INBOX: copy 4 (4.1 kB), adopt up to 3 already there");
  }

  @Test
  void syncLine_nothingToDoWithSkips_upToDateOnlyWhereTheFolderExists() {
    // given: nothing to copy, one message left out
    SyncFolder s = new SyncFolder("alice", "INBOX.Big", "Big", 1, 0, 0, 0, 0, 0, 1);

    // when / then
    assertThat(PlanText.syncLine(s, true))
        .isEqualTo("  = sync INBOX.Big -> Big: nothing to copy (1 not copied, see below)");
    assertThat(PlanText.syncLine(s, false))
        .isEqualTo("  = sync INBOX.Big -> Big: up to date (1 not copied, see below)");
  }
}
