package dev.mailshift.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.imap.FolderInfo;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecialFoldersTest {
  private final SpecialFolders table = SpecialFolders.standard();

  private static FolderInfo plain(String name) {
    return new FolderInfo(name, '/', Set.of(), true);
  }

  @Test
  void table_coversAtLeastTheFifteenLanguagesAskedFor() {
    assertThat(table.languages())
        .contains("de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "nb", "fi", "cs", "ru", "tr", "ja");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Sent Items|SENT", "Gesendete Elemente|SENT", "Éléments envoyés|SENT", "ÉLÉMENTS ENVOYÉS|SENT",
      "Deleted Items|TRASH", "Gelöschte Elemente|TRASH", "Junk-E-Mail|JUNK", "Junk E-mail|JUNK",
      "Entwürfe|DRAFTS", "Papierkorb|TRASH", "[Gmail]/All Mail|ALL", "INBOX/Drafts|DRAFTS",
      "Отправленные|SENT", "迷惑メール|JUNK", "Archiv|ARCHIVE"})
  void roleOf_localizedName_isRecognised(String name, SpecialFolders.Role role) {
    assertThat(table.roleOf(plain(name), name)).get().extracting(SpecialFolders.Recognised::role).isEqualTo(role);
  }

  @Test
  void roleOf_decomposedUnicode_matchesLikeComposed() {
    String decomposed = "Entwu\u0308rfe";

    assertThat(table.roleOf(plain(decomposed), decomposed)).isPresent();
  }

  @Test
  void roleOf_attributeWinsOverName() {
    FolderInfo f = new FolderInfo("Sent", '/', Set.of("\\Trash"), true);

    assertThat(table.roleOf(f, "Sent")).get().extracting(SpecialFolders.Recognised::role)
        .isEqualTo(SpecialFolders.Role.TRASH);
  }

  @Test
  void roleOf_ordinaryFolder_hasNone() {
    assertThat(table.roleOf(plain("Projects"), "Projects")).isEmpty();
  }

  @Test
  void isNonMail_exchangeAndLocalizedNames() {
    assertThat(table.isNonMail("Calendar")).isTrue();
    assertThat(table.isNonMail("Kontakte")).isTrue();
    assertThat(table.isNonMail("Sync Issues/Conflicts")).isTrue();
    assertThat(table.isNonMail("Conversation History")).isTrue();
    assertThat(table.isNonMail("Inbox-Archive")).isFalse();
  }
}
