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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The folder map as {@code plan} shows it, in text and JSON, on two GreenMail servers: reasons,
 * creations, merges, exclusions; and when the map has conflicts, the map with the conflicts
 * marked on stdout, the error on stderr, exit 3, nothing created.
 */
class FolderMapGreenMailTest {
  private static final String USER = "dora@test.example";

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
      for (String f : new String[] {"Gesendet", "Sent Items", "Kalender", "Files"}) {
        s.create(f);
        s.append(f, TestMessage.simple("in " + f, "<" + f.hashCode() + "@x>"), Set.of(),
            Instant.parse("2025-01-01T00:00:00Z"));
      }
    }
  }

  private Path plan(String folders) {
    return PlanYaml.plain("map-test", source.getImap().getPort(), destination.getImap().getPort())
        .account(USER)
        .extra("folders: " + folders)
        .writeTo(dir);
  }

  private static Cli.Run mailshift(String... args) {
    return Cli.mailshift(PlanYaml.env("s", "d"), args);
  }

  @Test
  void plan_conflicts_showTheMapWithConflictsMarkedExit3AndCreateNothing() throws Exception {
    // given: two Sent folders by name and none on the destination, "Files" reserved
    Path plan = plan("{}");

    // when
    Cli.Run text = mailshift("plan", plan.toString());
    Cli.Run json = mailshift("plan", plan.toString(), "--json");

    // then
    assertThat(text.code()).isEqualTo(3);
    assertThat(text.out()).contains("Kalender", "not migrated: holds no mail")
        .contains("! CONFLICT: source folders 'Gesendet' (special-use \\Sent by its name (de))"
            + " and 'Sent Items' (special-use \\Sent by its name (en)) would both be created as"
            + " the destination's \\Sent folder")
        .contains("! CONFLICT: source folder 'Files' maps (same name) to 'Files', a name the"
            + " destination reserves");
    assertThat(text.err()).contains("the folder map has conflicts; nothing was changed");
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertThat(json.code()).isEqualTo(3);
    assertThat(root.path("accounts").get(0).path("conflicts")).hasSize(2);
    try (RawImap imap = new RawImap("127.0.0.1", destination.getImap().getPort(), USER, "d")) {
      assertThat(imap.command("LIST \"\" \"*\"")).doesNotContain("Gesendet", "trash");
    }
  }

  @Test
  void planJson_mergeAndRules_everyFolderWithItsReasonCreationAndMerge() throws Exception {
    // given
    Path plan = plan("{ merge: true, reserved-names: [], map: { Files: Dateien } }");

    // when
    Cli.Run json = mailshift("plan", plan.toString(), "--json");

    // then
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode folders = new ObjectMapper().readTree(json.out()).path("accounts").get(0)
        .path("folders");
    Map<String, JsonNode> bySource = new java.util.TreeMap<>();
    folders.forEach(f -> bySource.put(f.path("sourceFolder").asString(), f));
    assertThat(bySource.get("Gesendet").path("destinationFolder").asString()).isEqualTo("Gesendet");
    assertThat(bySource.get("Gesendet").path("createWithRole").asString()).isEqualTo("\\Sent");
    assertThat(bySource.get("Sent Items").path("destinationFolder").asString())
        .isEqualTo("Gesendet");
    assertThat(bySource.get("Sent Items").path("mergedWith").get(0).asString())
        .isEqualTo("Gesendet");
    assertThat(bySource.get("Files").path("reason").asString())
        .startsWith("map entry 'Files' at ").endsWith("plan.yaml:10:52");
    assertThat(bySource.get("Kalender").path("excludedBecause").asString())
        .contains("holds no mail");
  }
}
