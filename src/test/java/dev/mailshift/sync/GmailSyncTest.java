package dev.mailshift.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** The engine's part of the Gmail label policies: labels as keywords, duplicates not copied. */
class GmailSyncTest {
  @TempDir Path dir;
  SyncFixture f;

  @BeforeEach
  void setUp() {
    f = new SyncFixture(dir);
    f.source.capabilities.add("X-GM-EXT-1");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private long deliver(String id, long gmailId, Set<String> flags, String... labels) {
    long uid = f.deliver(id, flags, 1);
    FakeImapServer.Message m = f.source.folder("INBOX").messages.get(uid);
    m.gmailId = gmailId;
    m.labels = Set.of(labels);
    return uid;
  }

  private FolderSyncResult sync(GmailFolder gmail) {
    return f.engine().sync(f.sourceSessions, f.destinationSessions, SyncFixture.INBOX, gmail);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "\\Inbox         | $Inbox",
      "\\Important     | $Important",
      "\\Sent          | $Sent",
      "\\Starred       | null",
      "\\Draft         | null",
      "Work            | Work",
      "Old Stuff       | Old_Stuff",
      "Müller          | M&APw-ller",
      "Reisen/2024     | Reisen/2024",
      "a(b)*c\"d%      | a_b__c_d_",
  })
  void keyword_label_isAnImapAtom(String label, String keyword) {
    assertThat(LabelKeywords.keyword(label)).isEqualTo(keyword);
  }

  @Test
  void sync_labelsAsKeywords_copiesCarryThemAndAnUnchangedRerunUpdatesNothing() {
    // given
    deliver("a@x", 1, Set.of("\\Seen"), "\\Inbox", "Work", "\\Starred");
    deliver("b@x", 2, Set.of(), "Rechnungen Müller");
    GmailFolder allMail = new GmailFolder(true, Map.of());

    // when
    FolderSyncResult first = sync(allMail);
    FolderSyncResult again = sync(allMail);

    // then
    assertThat(first.copied()).isEqualTo(2);
    assertThat(f.destination.copies("INBOX")).extracting(FakeImapServer.Copy::flags)
        .containsExactlyInAnyOrder(Set.of("\\Seen", "$Inbox", "Work"),
            Set.of("Rechnungen_M&APw-ller"));
    assertThat(again.flagsUpdated()).isZero();
    assertThat(f.source.calls().keySet()).doesNotContain("replaceFlags", "append", "expunge");
  }

  @Test
  void sync_labelAddedOnTheSource_carriedAsAFlagUpdate() {
    // given
    long uid = deliver("a@x", 1, Set.of(), "Work");
    GmailFolder allMail = new GmailFolder(true, Map.of());
    sync(allMail);

    // when
    f.source.folder("INBOX").messages.get(uid).labels = Set.of("Work", "Travel");
    FolderSyncResult again = sync(allMail);

    // then
    assertThat(again.flagsUpdated()).isEqualTo(1);
    assertThat(f.destination.copies("INBOX")).singleElement()
        .satisfies(c -> assertThat(c.flags()).containsExactlyInAnyOrder("Work", "Travel"));
  }

  @Test
  void sync_duplicates_notCopiedCountedAndKeptOut() {
    // given: uid 1 is copied into INBOX by another folder's sync
    deliver("a@x", 1, Set.of(), "Work");
    deliver("b@x", 2, Set.of(), "Work");
    GmailFolder work = new GmailFolder(false, Map.of(1L, "INBOX"));

    // when
    FolderSyncResult first = sync(work);
    FolderSyncResult again = sync(work);

    // then
    assertThat(first.copied()).isEqualTo(1);
    assertThat(first.skipped()).singleElement().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(SkippedMessage.Reason.GMAIL_DUPLICATE);
      assertThat(s.detail()).contains("'INBOX'", "skip-duplicates");
    });
    assertThat(again.copied()).isZero();
  }

  @Test
  void sync_duplicateNoLongerInItsOwnerFolder_copiedHereAfterAll() {
    // given: uid 1 was a duplicate of INBOX's copy; then the message left INBOX
    deliver("a@x", 1, Set.of(), "Work");
    sync(new GmailFolder(false, Map.of(1L, "INBOX")));

    // when
    FolderSyncResult later = sync(GmailFolder.NONE);

    // then
    assertThat(later.copied()).isEqualTo(1);
    assertThat(f.store().skipped(SyncFixture.ACCOUNT, "INBOX")).isEmpty();
  }
}
