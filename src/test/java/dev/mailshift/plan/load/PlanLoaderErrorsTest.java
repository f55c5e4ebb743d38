package dev.mailshift.plan.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.Location;
import dev.mailshift.plan.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each kind of bad input gives an error at the exact line:column, with a fix. */
class PlanLoaderErrorsTest {
  static final Path FILE = Path.of("plan.yaml");

  /** A valid plan of 9 lines; tests append lines from line 10 on. */
  static final String BASE = """
      mailshift: 1
      name: t
      servers:
        old: { imap: "imaps://old.example" }
        new: { imap: "imaps://new.example" }
      accounts:
        defaults: { source-server: old, destination-server: new, source-password: "env:A", destination-password: "env:B" }
        list:
          - source: alice
      """;

  static LoadResult load(String yaml) {
    return new PlanLoader().loadString(yaml, FILE);
  }

  static Location at(int line, int column) {
    return new Location("plan.yaml", line, column);
  }

  /** The one error of {@code yaml}; fails if there is none or more than one. */
  static Problem onlyError(String yaml) {
    LoadResult result = load(yaml);
    assertThat(result.plan()).isEmpty();
    List<Problem> errors = result.problems().stream().filter(Problem::isError).toList();
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  @Test
  void load_base_isValid() {
    assertThat(load(BASE).problems()).isEmpty();
    assertThat(load(BASE).plan()).isPresent();
  }

  @Nested
  class Yaml {
    @Test
    void load_malformedYaml_oneErrorAtSnakeYamlsPosition() {
      Problem p = onlyError("mailshift: 1\nname: t\nservers: { old: [ }\n");
      assertThat(p.location()).isEqualTo(at(3, 19));
      assertThat(p.message()).isEqualTo("YAML syntax error while parsing a flow node (at 3:19):"
          + " expected the node content, but found '}'");
      assertThat(p.fix()).contains("indentation");
    }

    @Test
    void load_badIndentation_errorAtTheLine() {
      Problem p = onlyError("mailshift: 1\nname: t\n  servers: x\n");
      assertThat(p.location()).isEqualTo(at(3, 10));
      assertThat(p.message()).contains("mapping values are not allowed here");
    }

    @Test
    void load_syntaxErrorOnAPasswordLine_doesNotQuoteTheLine() {
      Problem p = onlyError("mailshift: 1\nsource-password: hunter2: [\n");
      assertThat(p.message()).doesNotContain("hunter2");
    }

    @Test
    void load_duplicateKey_errorAtTheSecond() {
      Problem p = onlyError(BASE + "name: u\n");
      assertThat(p.location()).isEqualTo(at(10, 1));
      assertThat(p.message()).isEqualTo("duplicate key 'name' in the plan (first at line 2)");
      assertThat(p.fix()).isEqualTo("remove one of the two");
    }

    @Test
    void load_twoDocuments_error() {
      Problem p = onlyError(BASE + "---\nname: u\n");
      assertThat(p.location()).isEqualTo(at(10, 1));
      assertThat(p.message()).contains("expected a single document");
    }

    @Test
    void load_emptyFile_error() {
      Problem p = onlyError("# nothing\n");
      assertThat(p.message()).isEqualTo("the plan file is empty");
      assertThat(p.location().toString()).isEqualTo("plan.yaml");
    }

    @Test
    void load_globalTag_refused() {
      Problem p = onlyError(BASE + "x: !!java.io.File /etc/passwd\n");
      assertThat(p.location()).isEqualTo(at(10, 4));
      assertThat(p.message()).contains("Global tag is not allowed");
    }

    @Test
    void load_notAMapping_error() {
      Problem p = onlyError("- a\n- b\n");
      assertThat(p.location()).isEqualTo(at(1, 1));
      assertThat(p.message()).isEqualTo("the plan must be a mapping (key: value), found a list");
    }

    @Test
    void load_yesNoOnOff_areTextNotBooleans() {
      LoadResult r = load(BASE + "folders: { special-use: off, destination-prefix: no }\n");
      assertThat(r.problems()).isEmpty();
      assertThat(r.plan().orElseThrow().folders().destinationPrefix()).isEqualTo("no");
    }
  }

  @Nested
  class Keys {
    @Test
    void load_unknownKey_errorWithDidYouMean() {
      Problem p = onlyError(BASE + "folders:\n  exclude: []\n  incldue: [\"^INBOX\"]\n");
      assertThat(p.location()).isEqualTo(at(12, 3));
      assertThat(p.message()).isEqualTo("unknown key 'incldue' in folders");
      assertThat(p.fix()).isEqualTo("did you mean 'include'?");
    }

    @Test
    void load_unknownKeyFarFromAll_listsTheKeys() {
      Problem p = onlyError(BASE + "state: { wibble: x }\n");
      assertThat(p.location()).isEqualTo(at(10, 10));
      assertThat(p.fix()).isEqualTo("use one of: path");
    }

    @Test
    void load_missingRequiredTopLevel_errorAtTheMapping() {
      Problem p = onlyError(BASE.replace("name: t\n", ""));
      assertThat(p.location()).isEqualTo(at(1, 1));
      assertThat(p.message()).isEqualTo("the plan has no 'name'");
    }

    @Test
    void load_accountWithoutSource_errorAtTheItem() {
      Problem p = onlyError(BASE + "    - destination: bob\n");
      assertThat(p.location()).isEqualTo(at(10, 7));
      assertThat(p.message()).isEqualTo(
          "accounts.list[1] has no source (the login on the source server)");
      assertThat(p.fix()).isEqualTo("add source: user@old.example");
    }

    @Test
    void load_unsupportedVersion_error() {
      Problem p = onlyError(BASE.replace("mailshift: 1", "mailshift: 2"));
      assertThat(p.location()).isEqualTo(at(1, 12));
      assertThat(p.message()).contains("mailshift: 2 is a plan language version");
    }
  }

  @Nested
  class Values {
    @Test
    void load_wrongType_errorAtTheValue() {
      Problem p = onlyError(BASE + "messages:\n  copy-deleted: \"yes\"\n");
      assertThat(p.location()).isEqualTo(at(11, 17));
      assertThat(p.message()).isEqualTo("messages.copy-deleted must be true or false, found text");
      assertThat(p.fix()).isEqualTo("write true or false, without quotes");
    }

    @Test
    void load_badSize_error() {
      Problem p = onlyError(BASE + "messages: { max-size: 20 mb }\n");
      assertThat(p.location()).isEqualTo(at(10, 23));
      assertThat(p.message()).isEqualTo("messages.max-size: '20 mb' is not a size");
      assertThat(p.fix()).isEqualTo(ByteSize.FIX);
    }

    @Test
    void load_durationWithoutUnit_error() {
      Problem p = onlyError(BASE.replace("imap: \"imaps://old.example\"",
          "imap: \"imaps://old.example\", limits: { timeout: 60 }"));
      assertThat(p.location()).isEqualTo(at(4, 58));
      assertThat(p.message()).isEqualTo("servers.old.limits.timeout has no unit");
      assertThat(p.fix()).isEqualTo(DurationText.FIX);
    }

    @Test
    void load_badDuration_error() {
      Problem p = onlyError(BASE.replace("imap: \"imaps://old.example\"",
          "imap: \"imaps://old.example\", limits: { timeout: 5x }"));
      assertThat(p.location()).isEqualTo(at(4, 58));
      assertThat(p.message()).isEqualTo("servers.old.limits.timeout: '5x' is not a duration");
    }

    @Test
    void load_enumTypo_didYouMean() {
      Problem p = onlyError(BASE + "messages: { deletions: mirrow }\n");
      assertThat(p.location()).isEqualTo(at(10, 24));
      assertThat(p.message()).isEqualTo("messages.deletions cannot be 'mirrow'");
      assertThat(p.fix()).isEqualTo("did you mean 'mirror'?");
    }

    @Test
    void load_unknownStep_didYouMean() {
      Problem p = onlyError(BASE + "phases:\n  - { name: a, steps: [preflight, synk] }\n");
      assertThat(p.location()).isEqualTo(at(11, 35));
      assertThat(p.message()).isEqualTo("phases[0].steps[1]: unknown step 'synk'");
      assertThat(p.fix()).isEqualTo("did you mean 'sync'?");
    }

    @Test
    void load_plaintextWithImaps_error() {
      Problem p = onlyError(BASE.replace("imap: \"imaps://new.example\"",
          "imap: \"imaps://new.example\", plaintext: true"));
      assertThat(p.location()).isEqualTo(at(5, 50));
      assertThat(p.message()).isEqualTo("servers.new: plaintext: true contradicts imaps://");
    }

    @Test
    void load_urlWithPassword_errorWithoutEchoingIt() {
      Problem p = onlyError(BASE.replace("imaps://new.example", "imaps://bob:s3cret@new.example"));
      assertThat(p.location()).isEqualTo(at(5, 16));
      assertThat(p.message()).isEqualTo("servers.new.imap contains a login or password")
          .doesNotContain("s3cret");
    }

    @Test
    void load_unknownScheme_error() {
      Problem p = onlyError(BASE.replace("imaps://new.example", "https://new.example"));
      assertThat(p.message()).isEqualTo("servers.new.imap must start with imaps:// or imap://");
    }

    @Test
    void load_unknownServerReference_errorAtTheReference() {
      Problem p = onlyError(BASE.replace("source-server: old", "source-server: odl"));
      assertThat(p.location()).isEqualTo(at(7, 30));
      assertThat(p.message()).isEqualTo("server 'odl' is not declared in servers");
      assertThat(p.fix()).isEqualTo("did you mean 'old'?");
    }

    @Test
    void load_badRegex_errorNamesTheRuleAndPosition() {
      Problem p = onlyError(BASE + "folders:\n  exclude: [\"^Junk$\", \"^Spam(\"]\n");
      assertThat(p.location()).isEqualTo(at(11, 23));
      assertThat(p.message()).startsWith(
          "folders.exclude[1] is not a valid regular expression: Unclosed group");
      assertThat(p.fix()).contains("escape literal");
    }

    @Test
    void load_badRenameRegex_errorNamesTheRule() {
      Problem p = onlyError(BASE + "folders:\n  rename:\n    - { match: \"[a\", to: x }\n");
      assertThat(p.location()).isEqualTo(at(12, 16));
      assertThat(p.message()).startsWith("folders.rename[0].match is not a valid regular");
    }

    @Test
    void load_renameToUnknownGroup_error() {
      Problem p = onlyError(BASE + "folders:\n  rename: [ { match: \"^A/(.*)$\", to: \"B/$2\" } ]\n");
      assertThat(p.location()).isEqualTo(at(11, 38));
      assertThat(p.message()).isEqualTo(
          "folders.rename[0].to refers to $2 but match has no such group");
    }

    @Test
    void load_twoMapEntriesSameTarget_error() {
      Problem p = onlyError(BASE + "folders:\n  map: { \"Sent Items\": Sent, \"Sent Messages\": Sent }\n");
      assertThat(p.location()).isEqualTo(at(11, 30));
      assertThat(p.message()).isEqualTo("folders.map: 'Sent Items' (at plan.yaml:11:10) and"
          + " 'Sent Messages' (at plan.yaml:11:30) both map to 'Sent'");
      assertThat(p.fix()).contains("merge: true");
    }

    @Test
    void load_plainPasswordInYaml_errorWithoutTheValue() {
      Problem p = onlyError(BASE + "      source-password: hunter2\n");
      assertThat(p.location()).isEqualTo(at(10, 24));
      assertThat(p.message()).isEqualTo("accounts.list[0].source-password: "
          + "passwords in a plan or CSV must be references: write env:NAME or file:path");
      assertThat(p.message() + p.fix()).doesNotContain("hunter2");
    }

    @Test
    void load_numericPassword_errorWithoutTheValue() {
      Problem p = onlyError(BASE + "      source-password: 12345678\n");
      assertThat(p.message() + p.fix()).doesNotContain("12345678");
    }
  }

  @Test
  void load_threeMistakes_threeErrors() {
    // given: a typo in a key, a bad size, an unknown server
    String yaml = BASE.replace("source-server: old", "source-server: nope")
        + "messages: { max-size: lots }\n"
        + "folders: { exclud: [] }\n";

    // when
    LoadResult result = load(yaml);

    // then
    assertThat(result.plan()).isEmpty();
    assertThat(result.problems()).extracting(Problem::location)
        .containsExactlyInAnyOrder(at(7, 30), at(10, 23), at(11, 12));
    assertThat(result.problems()).allMatch(Problem::isError);
  }
}
