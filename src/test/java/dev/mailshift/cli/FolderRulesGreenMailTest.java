package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.testsupport.Cli;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.PlanYaml;
import dev.mailshift.testsupport.RawImap;
import dev.mailshift.testsupport.TestMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Folder rules end to end on two GreenMail servers: a map entry for INBOX moves the source's
 * INBOX under another name (its mail lands there, the destination's INBOX stays empty; GreenMail's
 * separator is '.', so {@code Old host/INBOX} is {@code Old host.INBOX} there), and a
 * rename rule matching no folder is a warning in {@code plan}, text and JSON.
 */
class FolderRulesGreenMailTest {
  private static final String USER = "erik@test.example";

  @RegisterExtension
  static GreenMailExtension source = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @RegisterExtension
  static GreenMailExtension destination = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @TempDir Path dir;

  @BeforeEach
  void setUp() {
    source.setUser(USER, USER, "s");
    destination.setUser(USER, USER, "d");
    try (ImapSession s = GreenMailServers.session(source, USER, "s")) {
      s.append("INBOX", TestMessage.simple("hello", "<in-1@x>"), Set.of(),
          Instant.parse("2025-01-01T00:00:00Z"));
      s.append("INBOX", TestMessage.simple("again", "<in-2@x>"), Set.of(),
          Instant.parse("2025-01-02T00:00:00Z"));
    }
  }

  private Path plan() {
    return PlanYaml.plain("rules-test", source.getImap().getPort(),
            destination.getImap().getPort())
        .account(USER)
        .extra("""
            folders:
              map: { INBOX: "Old host/INBOX" }
              rename: [ { match: "^Nothing/(.*)$", to: "X/$1" } ]
            state: { path: state.db }
            """)
        .writeTo(dir);
  }

  private static Cli.Run mailshift(String... args) {
    return Cli.mailshift(PlanYaml.env("s", "d"), args);
  }

  @Test
  void apply_mapEntryForInbox_copiesTheInboxIntoTheMappedFolder() throws Exception {
    // given
    Path plan = plan();

    // when
    Cli.Run text = mailshift("plan", plan.toString());
    Cli.Run applied = mailshift("apply", plan.toString());

    // then
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("INBOX -> Old host.INBOX  (map entry 'INBOX' at ");
    assertThat(applied.code()).as(applied.err()).isZero();
    try (RawImap imap = new RawImap("127.0.0.1", destination.getImap().getPort(), USER, "d")) {
      assertThat(imap.command("STATUS \"Old host.INBOX\" (MESSAGES)")).contains("MESSAGES 2");
      assertThat(imap.command("STATUS INBOX (MESSAGES)")).contains("MESSAGES 0");
    }
  }

  @Test
  void plan_renameRuleMatchingNothing_warnsWithItsPositionInTextAndJson() throws Exception {
    // given
    Path plan = plan();

    // when
    Cli.Run text = mailshift("plan", plan.toString());
    Cli.Run json = mailshift("plan", plan.toString(), "--json");

    // then
    assertThat(text.out()).contains("! folders.rename rule 1 (^Nothing/(.*)$) at ")
        .contains("plan.yaml:12:13 matched no migrated source folder in any account");
    JsonNode unused = new ObjectMapper().readTree(json.out()).path("unusedFolderRules");
    assertThat(unused).hasSize(1);
    assertThat(unused.get(0).path("section").asString()).isEqualTo("rename");
    assertThat(unused.get(0).path("at").path("line").asInt()).isEqualTo(12);
  }
}
