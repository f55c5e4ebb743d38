package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.imap.Access;
import dev.mailshift.imap.FolderInfo;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.JakartaImapConnector;
import dev.mailshift.testsupport.Cli;
import dev.mailshift.testsupport.DovecotPair;
import dev.mailshift.testsupport.PlanYaml;
import dev.mailshift.testsupport.TestMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder name a real Dovecot 2.3 refuses although it lists it (a Maildir++ directory with an
 * empty level, as other tools leave behind) or would refuse to create (a level named like a
 * Maildir subdirectory):
 * {@code plan} stops with a folder-name error (exit 3, as for folder conflicts) naming the
 * account, the folder, the server's words and the plan entry that fixes it, instead of "cannot
 * reach every account" (exit 4, which sends the admin to the network); nothing is changed.
 */
class FolderNameRefusedIT {
  @RegisterExtension
  static DovecotPair dovecot = new DovecotPair();

  @TempDir Path dir;

  private ImapSession open(DovecotPair.Account a) {
    return new JakartaImapConnector(dir).connect(a.plain(), a.credentials(), Access.READ_WRITE);
  }

  private void seed(DovecotPair.Account a, String folder) {
    try (ImapSession s = open(a)) {
      if (!folder.equals("INBOX")) {
        s.create(folder);
      }
      s.append(folder, TestMessage.simple("in " + folder, "<" + folder.hashCode() + "@seed>"),
          Set.of("\\Seen"), Instant.parse("2025-01-02T03:04:05Z"));
    }
  }

  private List<String> folders(DovecotPair.Account a) {
    try (ImapSession s = open(a)) {
      return s.listFolders().stream().map(FolderInfo::name).sorted().toList();
    }
  }

  /**
   * A Maildir++ folder directory written by another tool (not through IMAP): Dovecot lists
   * {@code .Alt..Projekte} as "INBOX.Alt..Projekte" but refuses that name at STATUS and SELECT.
   */
  private void maildirFolderOnDisk(DovecotPair.Account a, String directory) throws IOException {
    Path maildir = dovecot.dir().resolve("src/home").resolve(a.user()).resolve("Maildir");
    UserPrincipalLookupService users = maildir.getFileSystem().getUserPrincipalLookupService();
    Path folder = maildir.resolve(directory);
    for (String sub : List.of("cur", "new", "tmp")) {
      Files.createDirectories(folder.resolve(sub));
    }
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.toList()) {
        Files.setOwner(p, users.lookupPrincipalByName("dovecot"));
      }
    }
  }

  private Path plan() {
    return PlanYaml.plain("names-it", dovecot.source().plain().port(),
            dovecot.destination().plain().port())
        .account(dovecot.source().user(), dovecot.destination().user())
        .writeTo(dir);
  }

  private static Cli.Run mailshift(String... args) {
    return Cli.mailshift(PlanYaml.env("pw", "pw"), args);
  }

  @Test
  void plan_sourceFolderTheSourceRefusesAtStatus_exits3NamingFolderServerWordsAndExclude()
      throws Exception {
    // given
    seed(dovecot.source(), "INBOX");
    maildirFolderOnDisk(dovecot.source(), ".Alt..Projekte");
    Path plan = plan();
    List<String> destinationBefore = folders(dovecot.destination());

    // when
    Cli.Run validated = mailshift("validate", plan.toString());
    Cli.Run planned = mailshift("plan", plan.toString());

    // then
    assertThat(validated.code()).as(validated.err()).isZero();
    assertThat(planned.code()).as(planned.out() + planned.err()).isEqualTo(3);
    assertThat(planned.err())
        .doesNotContain("cannot reach every account")
        .contains(dovecot.source().user() + ": the source server refuses the name of source"
            + " folder 'INBOX.Alt..Projekte' (STATUS): ")
        .contains("Invalid mailbox name: Has adjacent hierarchy separators")
        .contains("folders.exclude");
    assertThat(folders(dovecot.destination())).as("nothing changed")
        .isEqualTo(destinationBefore);
  }

  @Test
  void plan_folderNamedLikeAMaildirSubdirectory_exits3NamingFolderServerWordsAndMapEntry()
      throws Exception {
    // given: 'new' is a good name on the Maildir++ source, reserved on the LAYOUT=fs
    // destination (a Maildir's cur/new/tmp); validate cannot know that, the destination says so
    seed(dovecot.source(), "INBOX.Projekte");
    seed(dovecot.source(), "INBOX.Projekte.new");
    Path plan = plan();
    List<String> destinationBefore = folders(dovecot.destination());

    // when
    Cli.Run validated = mailshift("validate", plan.toString());
    Cli.Run planned = mailshift("plan", plan.toString());
    Cli.Run applied = mailshift("apply", plan.toString(), "--no-progress");

    // then
    assertThat(validated.code()).as(validated.err()).isZero();
    assertThat(planned.code()).as(planned.out() + planned.err()).isEqualTo(3);
    assertThat(planned.err())
        .doesNotContain("cannot reach every account")
        .contains(dovecot.source().user() + ": the destination server refuses the name"
            + " 'Projekte/new' (for source folder 'INBOX.Projekte.new', STATUS): [CANNOT] Invalid"
            + " mailbox name: Contains reserved name\n"
            + "    fix: give the folder a name the destination accepts with a folders.map entry"
            + " (\"Projekte/new\": \"another name\") or a folders.rename rule, or leave it"
            + " out with folders.exclude");
    assertThat(applied.code()).as(applied.out() + applied.err()).isEqualTo(3);
    assertThat(folders(dovecot.destination())).as("nothing changed, not even Projekte")
        .isEqualTo(destinationBefore);
  }
}
