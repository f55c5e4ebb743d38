package dev.mailshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailshift.change.AccountFingerprint;
import dev.mailshift.change.ChangeSet;
import dev.mailshift.change.CreateFolder;
import dev.mailshift.change.FolderFingerprint;
import dev.mailshift.change.Preflight;
import dev.mailshift.change.Subscribe;
import dev.mailshift.change.SyncFolder;
import dev.mailshift.change.VerifyAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileTest {
  private final ChangeSet set = new ChangeSet("acme", "abc123", "bulk", List.of(
      new Preflight("alice", List.of("source has no CONDSTORE")),
      new CreateFolder("alice", "INBOX.Projekte", "Projekte", "same name", ""),
      new CreateFolder("alice", "INBOX.Gesendet", "Gesendet", "special-use \\Sent by its name (de)", "\\Sent"),
      new SyncFolder("alice", "INBOX.Projekte", "Projekte", 42, 10, 2048, 1, 2, 0, 1),
      new Subscribe("alice", "Projekte"),
      new VerifyAccount("alice")),
      List.of(new FolderFingerprint("alice", "INBOX.Projekte", 42)));

  @Test
  void write_thenRead_givesTheSameChangeSet(@TempDir Path dir) {
    Path file = dir.resolve("saved/plan.json");

    PlanFile.write(set, file);

    assertThat(PlanFile.read(file)).isEqualTo(set);
  }

  @Test
  void write_thenRead_keepsAccountMailboxesInTheChecksum(@TempDir Path dir) throws Exception {
    // given
    Path file = dir.resolve("plan.json");
    ChangeSet withMailboxes = set.withAccountFingerprints(List.of(new AccountFingerprint("alice",
        "imaps://old.example:993 (user alice)", "imaps://new.example:993 (user alice)",
        "0123456789abcdef")));
    PlanFile.write(withMailboxes, file);

    // when
    ChangeSet read = PlanFile.read(file);
    Files.writeString(file, Files.readString(file).replace("new.example", "other.example"));

    // then
    assertThat(read).isEqualTo(withMailboxes);
    assertThat(read.checksum()).isNotEqualTo(set.checksum());
    assertThatThrownBy(() -> PlanFile.read(file)).isInstanceOf(MailshiftException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void read_fileWithoutAccountMailboxes_readsWithNone(@TempDir Path dir) throws Exception {
    // given: a plan file written before account mailboxes were recorded
    Path file = dir.resolve("plan.json");
    PlanFile.write(set, file);
    Files.writeString(file, Files.readString(file)
        .replaceAll(",\\s*\"accountFingerprints\" : \\[ \\]", ""));
    assertThat(Files.readString(file)).doesNotContain("accountFingerprints");

    // when / then
    assertThat(PlanFile.read(file).accountFingerprints()).isEmpty();
  }

  @Test
  void read_editedFile_isRefusedWithPlanInvalid(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.json");
    PlanFile.write(set, file);
    Files.writeString(file, Files.readString(file).replace("\"messagesToCopy\" : 10", "\"messagesToCopy\" : 11"));

    assertThatThrownBy(() -> PlanFile.read(file))
        .isInstanceOfSatisfying(MailshiftException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.PLAN_INVALID);
          assertThat(e.getMessage()).contains("checksum");
        });
  }

  @Test
  void read_notAPlanFile_saysHowToMakeOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x.json");
    Files.writeString(file, "{\"hello\": 1}");

    assertThatThrownBy(() -> PlanFile.read(file))
        .isInstanceOfSatisfying(MailshiftException.class, e -> assertThat(e.hint()).contains("--out"));
  }
}
