package dev.mailshift.plan.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailshift.plan.Account;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.Location;
import dev.mailshift.plan.Secret;
import dev.mailshift.plan.SecretRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {
  static final String CANARY = "canary-7f3a9c";
  static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "ALICE_PW", "alice-pw",
      "EMPTY", "", "TOKEN", "tok-123");

  @TempDir Path dir;
  final List<String> asked = new ArrayList<>();

  SecretResolver resolver(Duration timeout) {
    Prompter fake = label -> {
      asked.add(label);
      return label.contains("nobody") ? Optional.empty() : Optional.of("typed".toCharArray());
    };
    return new SecretResolver(ENV, dir, fake, timeout);
  }

  SecretResolver resolver() {
    return resolver(Duration.ofSeconds(10));
  }

  @Nested
  class Env {
    @Test
    void resolve_setVariable_value() {
      assertThat(resolver().resolve(new SecretRef.Env("ALICE_PW")).reveal()).isEqualTo("alice-pw");
    }

    @Test
    void resolve_unsetVariable_namesItTheAccountAndAFix() {
      assertThatThrownBy(() -> resolver().resolve(new SecretRef.Env("NOPE"),
          "account alice, source password"))
          .isInstanceOf(SecretException.class)
          .hasMessage("env:NOPE (account alice, source password) is not set; fix: export NOPE"
              + " before running mailshift, or change the reference");
    }

    @Test
    void resolve_emptyVariable_error() {
      assertThatThrownBy(() -> resolver().resolve(new SecretRef.Env("EMPTY")))
          .isInstanceOf(SecretException.class).hasMessageStartingWith("env:EMPTY is empty");
    }
  }

  @Nested
  class File {
    @Test
    void resolve_file_contentWithoutOneTrailingNewline() throws IOException {
      Files.writeString(dir.resolve("pw"), "line\n\n");
      assertThat(resolver().resolve(new SecretRef.File(Path.of("pw"))).reveal())
          .isEqualTo("line\n");
    }

    @Test
    void resolve_fileWithCrlf_stripsIt() throws IOException {
      Files.writeString(dir.resolve("pw"), "s3\r\n");
      assertThat(resolver().resolve(new SecretRef.File(dir.resolve("pw"))).reveal())
          .isEqualTo("s3");
    }

    @Test
    void resolve_missingFile_error() {
      SecretException e = catchSecret(() -> resolver().resolve(
          new SecretRef.File(Path.of("secrets/alice")), "account alice, destination password"));
      assertThat(e.reference()).isEqualTo("file:" + dir.resolve("secrets/alice"));
      assertThat(e).hasMessageContaining("(account alice, destination password) does not exist");
      assertThat(e.fix()).contains("create " + dir.resolve("secrets/alice"));
    }

    @Test
    void resolve_emptyFile_error() throws IOException {
      Files.writeString(dir.resolve("pw"), "\n");
      assertThatThrownBy(() -> resolver().resolve(new SecretRef.File(Path.of("pw"))))
          .isInstanceOf(SecretException.class).hasMessageContaining(" is empty");
    }

    @Test
    void resolve_directory_error() {
      assertThatThrownBy(() -> resolver().resolve(new SecretRef.File(dir)))
          .isInstanceOf(SecretException.class).hasMessageContaining("cannot be read");
    }
  }

  @Nested
  class Command {
    @Test
    void resolve_command_stdoutWithoutTrailingNewline() {
      assertThat(resolver().resolve(new SecretRef.Command("printf 'pw\\n'")).reveal())
          .isEqualTo("pw");
    }

    @Test
    void resolve_command_getsTheEnvironmentAndRunsInThePlanDirectory() throws IOException {
      Files.writeString(dir.resolve("suffix"), "-x");
      Secret s = resolver().resolve(new SecretRef.Command("printf %s \"$TOKEN\"; cat suffix"));
      assertThat(s.reveal()).isEqualTo("tok-123-x");
    }

    @Test
    void resolve_commandReadingStdin_seesItClosed() {
      assertThatThrownBy(() -> resolver().resolve(new SecretRef.Command("cat")))
          .isInstanceOf(SecretException.class).hasMessageStartingWith("cmd:cat printed nothing");
    }

    @Test
    void resolve_failingCommand_namesOnlyTheFirstWord() {
      assertThatThrownBy(() -> resolver().resolve(new SecretRef.Command(
          "vault read -token=abc secret/x; exit 3"), "account bob, source password"))
          .isInstanceOf(SecretException.class)
          .hasMessageStartingWith("cmd:vault … (account bob, source password) exited with"
              + " status 3")
          .message().doesNotContain("abc");
    }

    @Test
    void resolve_slowCommand_timesOutAndIsKilled() {
      // given
      long start = System.nanoTime();

      // when / then
      assertThatThrownBy(() -> resolver(Duration.ofMillis(300)).resolve(
          new SecretRef.Command("sleep 30")))
          .isInstanceOf(SecretException.class)
          .hasMessageStartingWith("cmd:sleep … did not finish within 300ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Nested
  class Prompt {
    @Test
    void resolve_prompt_asksWithTheLabel() {
      Secret s = resolver().resolve(new SecretRef.Prompt("source password of ann on old"));
      assertThat(s.reveal()).isEqualTo("typed");
      assertThat(asked).containsExactly("source password of ann on old");
    }

    @Test
    void resolve_promptWithoutTerminal_errorWithFix() {
      SecretException e = catchSecret(() -> resolver().resolve(new SecretRef.Prompt("nobody")));
      assertThat(e).hasMessageStartingWith("prompt (nobody) cannot ask: no terminal");
      assertThat(e.fix()).contains("env:");
    }
  }

  /** Whatever fails, the message never holds the secret or what the command printed. */
  @Nested
  class Canary {
    @Test
    void message_commandPrintingThenFailing_holdsNoOutput() {
      String command = "printf '" + CANARY + "'; echo " + CANARY + " >&2; exit 1";
      SecretException e = catchSecret(() -> resolver().resolve(new SecretRef.Command(command)));
      assertThat(e.getMessage() + e.fix() + e.reference()).doesNotContain(CANARY);
    }

    @Test
    void message_commandWithSecretInAssignment_holdsNoPartOfIt() {
      SecretException e = catchSecret(() -> resolver().resolve(
          new SecretRef.Command("PW=" + CANARY + " false")));
      assertThat(e.getMessage()).startsWith("cmd:(command) exited").doesNotContain(CANARY);
    }

    @Test
    void message_oversizedFile_holdsNoContent() throws IOException {
      Files.writeString(dir.resolve("big"), CANARY.repeat(10_000));
      SecretException e = catchSecret(() -> resolver().resolve(new SecretRef.File(Path.of("big"))));
      assertThat(e).hasMessageContaining("larger than 64 KiB");
      assertThat(e.getMessage() + e.fix()).doesNotContain(CANARY);
    }

    @Test
    void message_commandOutputTooLarge_holdsNoOutput() {
      SecretException e = catchSecret(() -> resolver().resolve(new SecretRef.Command(
          "yes " + CANARY + " | head -c 200000")));
      assertThat(e).hasMessageContaining("printed more than 64 KiB");
      assertThat(e.getMessage() + e.fix()).doesNotContain(CANARY);
    }

    @Test
    void toString_resolvedSecret_isMasked() {
      Secret s = resolver().resolve(new SecretRef.Env("ALICE_PW"));
      assertThat(s.toString()).isEqualTo("****");
      assertThat(new SecretResolver.AccountSecrets(s, s).toString()).doesNotContain("alice-pw");
    }
  }

  @Test
  void resolveAll_collectsEveryFailureOncePerReference() throws IOException {
    // given: a shared command that counts its runs, one missing variable used twice, one
    // missing file
    SecretRef shared = new SecretRef.Command("echo run >> runs; printf shared");
    List<Account> accounts = List.of(
        account("a", new SecretRef.Env("ALICE_PW"), shared),
        account("b", new SecretRef.Env("MISSING"), shared),
        account("c", new SecretRef.Env("MISSING"), new SecretRef.File(Path.of("nofile"))),
        account("d", new SecretRef.Env("TOKEN"), shared));

    // when
    SecretResolver.Resolution r = resolver().resolveAll(accounts);

    // then
    assertThat(r.complete()).isFalse();
    assertThat(r.failures()).extracting(SecretException::reference)
        .containsExactly("env:MISSING", "file:" + dir.resolve("nofile"));
    assertThat(r.failures().get(0)).hasMessageContaining("(account b, source password)");
    assertThat(r.secrets().keySet()).containsExactly("a", "d");
    assertThat(r.secrets().get("d").destination().reveal()).isEqualTo("shared");
    assertThat(Files.readAllLines(dir.resolve("runs"))).hasSize(1);
  }

  static Account account(String id, SecretRef source, SecretRef destination) {
    return new Account(id, new Account.Side("old", id + "@old", source),
        new Account.Side("new", id + "@new", destination), Optional.empty(),
        FolderRules.DEFAULT, Location.UNKNOWN);
  }

  static SecretException catchSecret(Runnable r) {
    try {
      r.run();
    } catch (SecretException e) {
      return e;
    }
    throw new AssertionError("no SecretException");
  }
}
