package dev.mailshift.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.change.ChangeSet;
import dev.mailshift.change.FolderFingerprint;
import java.util.List;
import org.junit.jupiter.api.Test;

class StalenessTest {
  private final ChangeSet saved = new ChangeSet("p", "sha1", "migrate", List.of(),
      List.of(new FolderFingerprint("alice", "INBOX", 7), new FolderFingerprint("alice", "INBOX.Sent", 8)));

  @Test
  void differences_sameStructure_none() {
    assertThat(Staleness.differences(saved, "sha1", saved.fingerprints())).isEmpty();
  }

  @Test
  void differences_uidValidityChangedFolderVanishedAndAppeared_eachNamed() {
    List<FolderFingerprint> now = List.of(new FolderFingerprint("alice", "INBOX", 9),
        new FolderFingerprint("alice", "INBOX.New", 1));

    assertThat(Staleness.differences(saved, "sha1", now)).containsExactlyInAnyOrder(
        "source folder 'INBOX' of alice changed UIDVALIDITY from 7 to 9",
        "source folder 'INBOX.Sent' of alice vanished",
        "source folder 'INBOX.New' of alice appeared");
  }

  @Test
  void differences_planFileEdited_isStale() {
    assertThat(Staleness.differences(saved, "sha2", saved.fingerprints()))
        .containsExactly("the plan file changed since the plan was saved");
  }
}
