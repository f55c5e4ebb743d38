package dev.mailshift.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxDecoder;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.junit.jupiter.api.Test;

class WordingTest {
  @Test
  void internalDate_anyInstant_isRfc3501DateTimeInUtc() {
    assertThat(Wording.internalDate(Instant.parse("2024-03-05T07:08:09Z")))
        .isEqualTo("05-Mar-2024 07:08:09 +0000");
  }

  @Test
  void flagList_dropsRecentAndKeepsKeywords() {
    Set<String> flags = new LinkedHashSet<>(List.of("\\Seen", "\\Recent", "$Forwarded"));

    assertThat(Wording.flagList(flags)).isEqualTo("(\\Seen $Forwarded)");
    assertThat(Wording.flagList(Set.of())).isEqualTo("()");
  }

  @Test
  void flagList_notAnAtom_isRefused() {
    assertThatThrownBy(() -> Wording.flagList(Set.of("two words")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Wording.flagList(Set.of("(paren")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mailboxNames_roundTripModifiedUtf7() {
    for (String name : List.of("Entw\u00fcrfe", "03_M\u00e4rchen & Co", "\uD83D\uDCEC Post")) {
      String wire = BASE64MailboxEncoder.encode(name);
      assertThat(wire).matches("[\\x20-\\x7e]+");
      assertThat(BASE64MailboxDecoder.decode(wire)).isEqualTo(name);
    }
    assertThat(BASE64MailboxEncoder.encode("A & B")).isEqualTo("A &- B");
  }

  @Test
  void messageId_foldedHeader_isUnfoldedAndTrimmed() {
    assertThat(MetaFetcher.messageIdIn("Message-Id:\r\n <abc@example.org> \r\n\r\n"))
        .isEqualTo(Optional.of("<abc@example.org>"));
    assertThat(MetaFetcher.messageIdIn("\r\n")).isEmpty();
  }
}
