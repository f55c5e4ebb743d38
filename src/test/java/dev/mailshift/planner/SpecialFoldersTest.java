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

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "de|SENT", "fr|SENT", "es|SENT", "it|SENT", "nl|SENT", "pt|SENT", "pl|SENT", "sv|SENT",
      "da|SENT", "nb|SENT", "fi|SENT", "cs|SENT", "ru|SENT", "tr|SENT", "ja|SENT",
      "de|DRAFTS", "fr|DRAFTS", "es|DRAFTS", "it|DRAFTS", "nl|DRAFTS", "pt|DRAFTS", "pl|DRAFTS",
      "sv|DRAFTS", "da|DRAFTS", "nb|DRAFTS", "fi|DRAFTS", "cs|DRAFTS", "ru|DRAFTS", "tr|DRAFTS",
      "ja|DRAFTS",
      "de|TRASH", "fr|TRASH", "es|TRASH", "it|TRASH", "nl|TRASH", "pt|TRASH", "pl|TRASH",
      "sv|TRASH", "da|TRASH", "nb|TRASH", "fi|TRASH", "cs|TRASH", "ru|TRASH", "tr|TRASH",
      "ja|TRASH",
      "de|JUNK", "fr|JUNK", "es|JUNK", "it|JUNK", "nl|JUNK", "pt|JUNK", "pl|JUNK", "sv|JUNK",
      "da|JUNK", "nb|JUNK", "fi|JUNK", "cs|JUNK", "ru|JUNK", "tr|JUNK", "ja|JUNK",
      "de|ARCHIVE", "fr|ARCHIVE", "es|ARCHIVE", "it|ARCHIVE", "nl|ARCHIVE", "pt|ARCHIVE",
      "pl|ARCHIVE", "sv|ARCHIVE", "da|ARCHIVE", "nb|ARCHIVE", "fi|ARCHIVE", "cs|ARCHIVE",
      "ru|ARCHIVE", "tr|ARCHIVE", "ja|ARCHIVE"})
  void table_everyLanguageAskedFor_namesEachOfTheFiveRoles(String language,
      SpecialFolders.Role role) {
    assertThat(table.languagesOf(role)).contains(language);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // Outlook / Exchange in the languages of the issue, and Apple Mail, Thunderbird
      "Sendt post|SENT", "Sendte elementer|SENT", "Skickade objekt|SENT", "Elementy wysłane|SENT",
      "Odeslaná pošta|SENT", "Gönderilmiş Öğeler|SENT", "送信済みアイテム|SENT",
      "Sent Messages|SENT", "Deleted Messages|TRASH", "Slettet post|TRASH",
      "Verwijderde items|TRASH", "Borttagna objekt|TRASH", "Poistetut|TRASH",
      "Odstraněná pošta|TRASH", "Удаленные|TRASH", "削除済みアイテム|TRASH",
      "Courrier indésirable|JUNK", "Correo no deseado|JUNK", "Posta indesiderata|JUNK",
      "Ongewenste e-mail|JUNK", "Lixo Eletrônico|JUNK", "Wiadomości-śmieci|JUNK",
      "Skräppost|JUNK", "Uønsket e-mail|JUNK", "Søppelpost|JUNK", "Roskaposti|JUNK",
      "Nevyžádaná pošta|JUNK", "Нежелательная почта|JUNK", "Gereksiz E-posta|JUNK",
      "Archives|ARCHIVE", "Arkiv|ARCHIVE", "Arkisto|ARCHIVE"})
  void roleOf_outlookAndClientNames_areRecognised(String name, SpecialFolders.Role role) {
    assertThat(table.roleOf(plain(name), name)).get().extracting(SpecialFolders.Recognised::role)
        .isEqualTo(role);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // Gmail says [Gmail]/ or [Google Mail]/ whatever the display language
      "[Gmail]/Gesendet|SENT", "[Google Mail]/Sent Mail|SENT", "[Gmail]/Papierkorb|TRASH",
      "[Google Mail]/Corbeille|TRASH", "[Gmail]/Черновики|DRAFTS", "[Gmail]/Alle Nachrichten|ALL",
      "[Google Mail]/Tous les messages|ALL", "[Gmail]/Markiert|FLAGGED", "[Gmail]/Spam|JUNK",
      "[Google Mail]/Вся почта|ALL"})
  void roleOf_gmailFolderUnderEitherPrefix_isRecognised(String name, SpecialFolders.Role role) {
    assertThat(table.roleOf(plain(name), name)).get().extracting(SpecialFolders.Recognised::role)
        .isEqualTo(role);
  }

  @Test
  void roleOf_gmailFolderNoRole_hasNone() {
    assertThat(table.roleOf(plain("[Gmail]/Important"), "[Gmail]/Important")).isEmpty();
    assertThat(table.roleOf(plain("[Gmail]/"), "[Gmail]/")).isEmpty();
  }

  @Test
  void nonMailRoot_childOfACalendar_isTheCalendar() {
    assertThat(table.nonMailRoot("Calendar/Birthdays")).contains("Calendar");
    assertThat(table.nonMailRoot("INBOX/Kalender/Feiertage")).contains("INBOX/Kalender");
    assertThat(table.nonMailRoot("Kontakte")).contains("Kontakte");
    assertThat(table.nonMailRoot("Projects/Calendar")).isEmpty();
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
