package dev.mailshift.plan.load;

import static dev.mailshift.plan.load.PlanLoaderErrorsTest.BASE;
import static dev.mailshift.plan.load.PlanLoaderErrorsTest.at;
import static dev.mailshift.plan.load.PlanLoaderErrorsTest.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.Problem;
import dev.mailshift.testsupport.UnicodeNames;
import java.util.Optional;
import java.util.Random;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A folder name typed in its IMAP wire spelling ({@code 03_M&AOQ-rz}, copied from a server log
 * or an imapsync command line) is a warning at {@code validate} naming the plain form; plain
 * names with an ampersand are not.
 */
class WireSpellingTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "03_M&AOQ-rz|03_März",
      "Entw&APw-rfe|Entwürfe",
      "Gel&APY-schte Elemente|Gelöschte Elemente",
      "&AMk-l&AOk-ments envoy&AOk-s|Éléments envoyés",
      "R&-D &AOQ-|R&D ä"})
  void plainForm_wireSpelling_givesThePlainName(String wire, String plain) {
    assertThat(WireSpelling.plainForm(wire)).hasValue(plain);
  }

  @ParameterizedTest
  @ValueSource(strings = {"R&D", "Tom & Jerry", "R&-D", "Müller & Co", "a&b-c", "&ABC-",
      "Entwürfe", ""})
  void plainForm_plainNames_areNotTakenForWireSpelling(String name) {
    // "&ABC-" decodes to U+0010, a control character no folder name holds
    assertThat(WireSpelling.plainForm(name)).isEmpty();
  }

  @Test
  void plainForm_randomUnicodeNamesEncodedByAngus_decodeBack() {
    Random random = new Random(20261126L);
    for (int i = 0; i < 5_000; i++) {
      String name = UnicodeNames.random(random);
      String wire = BASE64MailboxEncoder.encode(name);
      Optional<String> plain = WireSpelling.plainForm(wire);
      if (wire.equals(name.replace("&", "&-"))) {
        assertThat(plain).as("'%s' needs no encoding", name).isEmpty();
      } else {
        assertThat(plain).as("'%s' encoded as '%s'", name, wire).hasValue(name);
      }
    }
  }

  @Test
  void load_mapEntryInWireSpelling_warnsAtTheKeyWithThePlainName() {
    // when
    LoadResult r = load(BASE + "folders:\n  map: { \"03_M&AOQ-rz\": \"Archive/03_März\" }\n");

    // then
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.isError()).isFalse();
      assertThat(p.location()).isEqualTo(at(11, 10));
      assertThat(p.message()).isEqualTo("folders.map entry '03_M&AOQ-rz' looks like the IMAP"
          + " wire spelling (modified UTF-7) of '03_März': names in a plan are plain Unicode,"
          + " and mailshift encodes them for the server, so this one would name another folder");
      assertThat(p.fix()).isEqualTo("write '03_März'");
    });
  }

  @Test
  void load_renameTargetAndExcludeInWireSpelling_warnEach() {
    LoadResult r = load(BASE + "folders:\n  exclude: [\"^Entw&APw-rfe$\"]\n"
        + "  rename:\n    - { match: \"^Old/(.*)$\", to: \"Gel&APY-scht/$1\" }\n");

    assertThat(r.problems()).extracting(Problem::message).hasSize(2)
        .anySatisfy(m -> assertThat(m).startsWith("folders.exclude[0] '^Entw&APw-rfe$' looks"))
        .anySatisfy(m -> assertThat(m).startsWith("folders.rename[0].to 'Gel&APY-scht/$1'"));
  }
}
