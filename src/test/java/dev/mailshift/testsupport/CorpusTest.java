package dev.mailshift.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.mailshift.imap.Access;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.JakartaImapConnector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The corpus holds the hard cases it promises, and a server holds it exactly as generated. */
class CorpusTest {
  @RegisterExtension
  static GreenMailExtension server = GreenMailServers.imapAndImaps();

  private final Corpus corpus = Corpus.generate(3, 50, 100_000);

  @Test
  void generate_sameSeed_givesTheSameBytes() {
    List<Corpus.Mail> again = Corpus.generate(3, 50, 100_000).mails();

    assertThat(again).hasSameSizeAs(corpus.mails());
    for (int i = 0; i < again.size(); i++) {
      assertThat(again.get(i).bytes()).isEqualTo(corpus.mails().get(i).bytes());
      assertThat(again.get(i).flags()).isEqualTo(corpus.mails().get(i).flags());
    }
  }

  @Test
  void generate_holdsEveryHardCase() {
    List<Corpus.Mail> mails = corpus.mails();

    assertThat(mails).anyMatch(m -> !text(m).contains("Message-ID:"));
    assertThat(mails.stream().filter(m -> text(m).contains("<shared@corpus.example>"))
        .map(m -> Arrays.hashCode(m.bytes())).distinct()).hasSize(2);
    assertThat(mails.stream().filter(m -> text(m).contains("<dup@corpus.example>"))
        .map(m -> Arrays.hashCode(m.bytes())).distinct()).hasSize(1);
    assertThat(mails.stream().filter(m -> text(m).contains("<dup@corpus.example>"))).hasSize(3);
    assertThat(mails).anyMatch(m -> m.flags().contains("\\Deleted"))
        .anyMatch(m -> m.flags().contains("$Label1")).anyMatch(m -> m.flags().contains("Work"))
        .anyMatch(m -> m.bytes().length >= 100_000)
        .anyMatch(m -> text(m).contains("boundary=\"declared\"") && !text(m).contains("--declared"))
        .anyMatch(m -> hasEightBitHeader(m.bytes()));
    Instant first = mails.stream().map(Corpus.Mail::internalDate).min(Comparator.naturalOrder())
        .orElseThrow();
    Instant last = mails.stream().map(Corpus.Mail::internalDate).max(Comparator.naturalOrder())
        .orElseThrow();
    assertThat(Duration.between(first, last)).isGreaterThan(Duration.ofDays(10 * 365 + 3));
    assertThat(mails.stream().map(Corpus.Mail::folder).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(Corpus.FOLDERS);
  }

  @Test
  void seed_greenMail_readsBackAsGeneratedExceptHeaderBytesThatAreNotUtf8() {
    try (ImapSession s = new JakartaImapConnector().connect(GreenMailServers.plain(server),
        GreenMailServers.alice(), Access.READ_WRITE)) {
      corpus.seed(s);
    }

    Map<String, List<String>> stored;
    try (RawImap imap = new RawImap("127.0.0.1", server.getImap().getPort(), "alice",
        GreenMailServers.PASSWORD)) {
      stored = FolderContents.read(imap, Corpus.FOLDERS, f -> Corpus.serverName(f, "", '.'));
    }

    Map<String, List<String>> expected = FolderContents.expected(corpus);
    String notUtf8 = corpus.mails().stream().filter(m -> !utf8(m.bytes()))
        .map(m -> RawImap.sha256(m.bytes())).findFirst().orElseThrow();
    assertThat(stored.keySet()).isEqualTo(expected.keySet());
    stored.forEach((folder, prints) -> {
      List<String> want = expected.get(folder);
      if (want.stream().anyMatch(p -> p.startsWith(notUtf8))) {
        // GreenMail re-encodes such headers; the Dovecot test proves them byte-exact
        assertThat(prints).as(folder).hasSameSizeAs(want)
            .containsAll(want.stream().filter(p -> !p.startsWith(notUtf8)).toList());
      } else {
        assertThat(prints).as(folder).isEqualTo(want);
      }
    });
  }

  private static boolean utf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  private static String text(Corpus.Mail m) {
    return new String(m.bytes(), StandardCharsets.ISO_8859_1);
  }

  private static boolean hasEightBitHeader(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String headers = text.substring(0, Math.max(0, text.indexOf("\r\n\r\n")));
    return headers.chars().anyMatch(c -> c > 0x7f);
  }
}
