package dev.mailshift.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import dev.mailshift.testsupport.UnicodeNames;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxDecoder;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Folder names on the wire are modified UTF-7 (RFC 3501 section 5.1.3), done by Angus's
 * BASE64MailboxEncoder/Decoder, which the adapter uses for every mailbox argument and LIST
 * answer. A seeded property test over many random Unicode names (ampersands, separators, dots,
 * emoji as surrogate pairs, combining marks, right-to-left text) checks the round trip and the
 * shape of the encoding. Seeded, so a failure names a reproducible case.
 */
class MailboxNameCodecTest {
  private static final long SEED = 20260301L;
  private static final int CASES = 20_000;

  @Test
  void encodeThenDecode_randomUnicodeNames_giveTheSameName() {
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < CASES && failures.size() < 5; i++) {
      String name = UnicodeNames.random(random);
      String encoded = BASE64MailboxEncoder.encode(name);
      String decoded = BASE64MailboxDecoder.decode(encoded);
      if (!decoded.equals(name) || !wellFormed(encoded)) {
        failures.add("case " + i + ": " + codePoints(name) + " -> " + encoded + " -> "
            + codePoints(decoded));
      }
    }
    assertThat(failures).as("seed " + SEED).isEmpty();
  }

  @Test
  void encode_randomUnicodeNames_isPrintableAsciiWithAmpersandOnlyAsShift() {
    Random random = new Random(SEED + 1);
    for (int i = 0; i < CASES; i++) {
      String name = UnicodeNames.random(random);
      String encoded = BASE64MailboxEncoder.encode(name);
      assertThat(wellFormed(encoded)).as("case %d: %s -> %s", i, codePoints(name), encoded)
          .isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // RFC 3501 5.1.3's own example, and names from the migration trackers
      "~peter/mail/台北/日本語 | ~peter/mail/&U,BTFw-/&ZeVnLIqe-",
      "R&D                    | R&-D",
      "Entwürfe               | Entw&APw-rfe",
      "03_Märzrechnungen      | 03_M&AOQ-rzrechnungen",
      "Éléments envoyés       | &AMk-l&AOk-ments envoy&AOk-s",
      "📁 Projekte            | &2D3cwQ- Projekte",
  })
  void encode_knownNames_asServersWriteThem(String name, String wire) {
    assertThat(BASE64MailboxEncoder.encode(name)).isEqualTo(wire);
    assertThat(BASE64MailboxDecoder.decode(wire)).isEqualTo(name);
  }

  /**
   * RFC 3501 5.1.3: printable US-ASCII except "&" stands for itself; "&" starts a shift that
   * ends with "-"; "&-" is "&"; the shifted text is modified BASE64 (A-Z a-z 0-9 + ,), never
   * empty, never holding printable ASCII.
   */
  static boolean wellFormed(String encoded) {
    int i = 0;
    while (i < encoded.length()) {
      char c = encoded.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
      if (c != '&') {
        i++;
        continue;
      }
      int end = encoded.indexOf('-', i);
      if (end < 0) {
        return false;
      }
      String shifted = encoded.substring(i + 1, end);
      if (!shifted.chars().allMatch(ch -> Character.isLetterOrDigit(ch) && ch < 0x80
          || ch == '+' || ch == ',')) {
        return false;
      }
      i = end + 1;
    }
    return true;
  }

  private static String codePoints(String s) {
    StringBuilder b = new StringBuilder("[");
    s.codePoints().forEach(cp -> b.append(String.format("U+%04X ", cp)));
    return b.toString().strip() + "]";
  }
}
