package dev.mailshift.plan.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.MessageRules;
import dev.mailshift.plan.Phase;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Server;
import dev.mailshift.plan.dns.DnsSection;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A plan that sets nothing optional gets exactly the values of {@link Defaults}. */
class DefaultsTest {
  @Test
  void defaults_agreeWithTheRecordsConstants() {
    assertThat(Defaults.LIMITS).isEqualTo(Server.Limits.DEFAULT);
    assertThat(Defaults.FOLDERS).isEqualTo(FolderRules.DEFAULT);
    assertThat(Defaults.MESSAGES).isEqualTo(MessageRules.DEFAULT);
    assertThat(Defaults.PHASE_STEPS).isEqualTo(Phase.implicitMigrate().steps());
    assertThat(Defaults.DNS_CHECKS).isEqualTo(DnsSection.Checks.DEFAULT);
    assertThat(Defaults.DNS_MX_SMTP).isEqualTo(DnsSection.MxSmtp.DEFAULT);
    assertThat(Defaults.DNS_SAFETY).isEqualTo(DnsSection.Safety.DEFAULT);
    assertThat(Defaults.DNS_TIMEOUTS).isEqualTo(DnsSection.Timeouts.DEFAULT);
  }

  @Test
  void load_minimalPlan_appliesEveryDefault() {
    // when
    LoadResult r = new PlanLoader().loadString(PlanLoaderErrorsTest.BASE, Path.of("/p/plan.yaml"));

    // then
    Plan plan = r.plan().orElseThrow();
    Server old = plan.server("old");
    assertThat(old.port()).isEqualTo(Defaults.IMAPS_PORT);
    assertThat(old.tls()).isEqualTo(Server.Tls.IMPLICIT);
    assertThat(old.caFile()).isEmpty();
    assertThat(old.insecure()).isEqualTo(Defaults.INSECURE);
    assertThat(old.limits()).isEqualTo(Defaults.LIMITS);
    assertThat(plan.folders()).isEqualTo(Defaults.FOLDERS);
    assertThat(plan.accounts().get(0).folders()).isEqualTo(Defaults.FOLDERS);
    assertThat(plan.messages()).isEqualTo(Defaults.MESSAGES);
    assertThat(plan.phases()).containsExactly(Phase.implicitMigrate());
    assertThat(plan.state().path()).isEqualTo(Path.of("/p").resolve(Defaults.STATE_PATH));
    assertThat(plan.accounts().get(0).id()).isEqualTo("alice");
    assertThat(plan.accounts().get(0).destination().user()).isEqualTo("alice");
    assertThat(plan.accounts().get(0).batch()).isEmpty();
  }

  @Test
  void load_imapWithoutPort_usesStarttlsPort() {
    String yaml = PlanLoaderErrorsTest.BASE.replace("imaps://new.example", "imap://new.example");
    Server neu = new PlanLoader().loadString(yaml, Path.of("plan.yaml")).plan().orElseThrow()
        .server("new");
    assertThat(neu.port()).isEqualTo(Defaults.IMAP_PORT);
    assertThat(neu.tls()).isEqualTo(Server.Tls.STARTTLS);
  }
}
