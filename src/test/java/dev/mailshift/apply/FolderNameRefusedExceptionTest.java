package dev.mailshift.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.imap.ImapException;
import dev.mailshift.imap.ImapException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which failures are a server refusing one folder name, and how they are told to the user. */
class FolderNameRefusedExceptionTest {
  private static ImapException failure(Kind kind, String serverText) {
    return new ImapException(kind, "status \"x\" failed", serverText, null);
  }

  @Test
  void refusesName_taggedNoToTheName_isARefusalWithTheServersWordsWithoutTagAndTiming() {
    ImapException e = failure(Kind.REJECTED, "E7 NO [CANNOT] Invalid mailbox name: Contains"
        + " reserved name (0.001 + 0.000 secs).");

    assertThat(FolderNameRefusedException.refusesName(e)).isTrue();
    assertThat(FolderNameRefusedException.words(e))
        .isEqualTo("[CANNOT] Invalid mailbox name: Contains reserved name");
  }

  @Test
  void refusesName_badDropThrottleOrNoSuchFolder_isNot() {
    assertThat(FolderNameRefusedException.refusesName(
        failure(Kind.PROTOCOL, "A1 BAD Error in IMAP command"))).isFalse();
    assertThat(FolderNameRefusedException.refusesName(failure(Kind.DROPPED, ""))).isFalse();
    assertThat(FolderNameRefusedException.refusesName(
        failure(Kind.THROTTLED, "A1 NO [LIMIT] too many"))).isFalse();
    assertThat(FolderNameRefusedException.refusesName(
        failure(Kind.NO_SUCH_FOLDER, "A1 NO Mailbox doesn't exist: x"))).isFalse();
  }

  @Test
  void lines_sourceRefusal_namesAccountFolderWordsAndAnEscapedExcludePattern() {
    FolderNameRefusedException e = new FolderNameRefusedException("alice", List.of(
        new FolderNameRefusedException.Refusal(true, "INBOX.Alt..Projekte", "Alt//Projekte",
            "Alt//Projekte", "STATUS", "[CANNOT] Has adjacent hierarchy separators")));

    assertThat(e.lines()).containsExactly("alice: the source server refuses the name of source"
        + " folder 'INBOX.Alt..Projekte' (STATUS): [CANNOT] Has adjacent hierarchy separators\n"
        + "    fix: the folder cannot be read under this name: leave it out with a folders.exclude"
        + " pattern (e.g. '^Alt//Projekte$'), and rename it on the source server to migrate it");
  }

  @Test
  void lines_destinationRefusalOfALongLevel_saysHowLongTheLevelIs() {
    String name = "Archiv/" + "L".repeat(300);
    FolderNameRefusedException e = new FolderNameRefusedException("alice", List.of(
        new FolderNameRefusedException.Refusal(false, "INBOX.P", "P", name, "STATUS",
            "[CANNOT] Mailbox name too long")));

    assertThat(e.lines().get(0)).contains("refuses the name '" + name + "' (for source folder"
        + " 'INBOX.P', STATUS): [CANNOT] Mailbox name too long (a level of 300 bytes; many"
        + " servers allow at most 255)", "folders.map entry (\"P\": \"another name\")");
  }
}
