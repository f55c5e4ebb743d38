package dev.mailshift.plan.load;

import dev.mailshift.plan.Account;
import dev.mailshift.plan.Secret;
import dev.mailshift.plan.SecretRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns {@link SecretRef}s into {@link Secret}s at the moment they are needed (never stored):
 *
 * <ul>
 *   <li>{@code env:NAME}: the variable from the given environment; unset or empty is an error.
 *   <li>{@code file:path}: the file's UTF-8 content without one trailing newline; a relative path
 *       starts at the plan's directory; missing, unreadable, empty or over 64 KiB is an error.
 *   <li>{@code cmd:command}: what {@code sh -c command} prints without one trailing newline,
 *       run in the plan's directory with the given environment and stdin closed; a non-zero exit,
 *       no output or the timeout is an error.
 *   <li>{@code prompt}: asked through the {@link Prompter}.
 * </ul>
 *
 * Failures are {@link SecretException}s that never carry the value or a command's output.
 * Thread-safe if the prompter is.
 */
public final class SecretResolver {
  static final int MAX_FILE = 64 * 1024;

  private final Map<String, String> environment;
  private final Path baseDir;
  private final Prompter prompter;
  private final SecretCommand commands;

  /**
   * @param environment the variables {@code env:} reads and {@code cmd:} runs with (usually
   *     {@code System.getenv()})
   * @param baseDir where relative {@code file:} paths and {@code cmd:} commands start (the
   *     plan's directory)
   * @param commandTimeout how long a {@code cmd:} may run (e.g. {@link
   *     Defaults#SECRET_COMMAND_TIMEOUT})
   */
  public SecretResolver(Map<String, String> environment, Path baseDir, Prompter prompter,
      Duration commandTimeout) {
    this.environment = Map.copyOf(environment);
    this.baseDir = baseDir.toAbsolutePath().normalize();
    this.prompter = Objects.requireNonNull(prompter, "prompter");
    if (commandTimeout.isNegative() || commandTimeout.isZero()) {
      throw new IllegalArgumentException("commandTimeout must be positive");
    }
    this.commands = new SecretCommand(this.environment, this.baseDir, commandTimeout);
  }

  public Secret resolve(SecretRef ref) {
    return resolve(ref, "");
  }

  /**
   * @param context who needs it, for the message, e.g. "account alice, source password"
   * @throws SecretException naming the reference, the context and a fix
   */
  public Secret resolve(SecretRef ref, String context) {
    return switch (ref) {
      case SecretRef.Env env -> fromEnvironment(env, context);
      case SecretRef.File file -> fromFile(file, context);
      case SecretRef.Command cmd -> fromCommand(cmd, context);
      case SecretRef.Prompt prompt -> fromPrompt(prompt, context);
    };
  }

  /**
   * Resolves both passwords of every account, each distinct reference once, and collects every
   * failure instead of stopping at the first (so {@code validate --secrets} can list them all).
   */
  public Resolution resolveAll(List<Account> accounts) {
    Map<SecretRef, Object> cache = new HashMap<>();
    Map<String, AccountSecrets> secrets = new LinkedHashMap<>();
    List<SecretException> failures = new ArrayList<>();
    for (Account a : accounts) {
      Object source = cached(cache, a.source().password(), "account " + a.id()
          + ", source password", failures);
      Object destination = cached(cache, a.destination().password(), "account " + a.id()
          + ", destination password", failures);
      if (source instanceof Secret s && destination instanceof Secret d) {
        secrets.put(a.id(), new AccountSecrets(s, d));
      }
    }
    return new Resolution(secrets, failures);
  }

  /** A reference that failed once is not tried again and reported once. */
  private Object cached(Map<SecretRef, Object> cache, SecretRef ref, String context,
      List<SecretException> failures) {
    Object known = cache.get(ref);
    if (known != null) {
      return known;
    }
    try {
      Secret secret = resolve(ref, context);
      cache.put(ref, secret);
      return secret;
    } catch (SecretException e) {
      cache.put(ref, e);
      failures.add(e);
      return e;
    }
  }

  private Secret fromEnvironment(SecretRef.Env env, String context) {
    String value = environment.get(env.variable());
    String ref = "env:" + env.variable();
    if (value == null) {
      throw new SecretException(ref, context, "is not set",
          "export " + env.variable() + " before running mailshift, or change the reference");
    }
    if (value.isEmpty()) {
      throw new SecretException(ref, context, "is empty",
          "set " + env.variable() + " to the password");
    }
    return new Secret(value);
  }

  private Secret fromFile(SecretRef.File file, String context) {
    Path path = baseDir.resolve(file.path()).normalize();
    String ref = "file:" + path;
    String fix = "create " + path + " holding only the password (chmod 600), or change the"
        + " reference";
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(MAX_FILE + 1);
    } catch (NoSuchFileException e) {
      throw new SecretException(ref, context, "does not exist", fix);
    } catch (AccessDeniedException e) {
      throw new SecretException(ref, context, "cannot be read (permission denied)",
          "let the user running mailshift read " + path);
    } catch (IOException e) {
      throw new SecretException(ref, context, "cannot be read ("
          + e.getClass().getSimpleName() + ")", fix);
    }
    if (bytes.length > MAX_FILE) {
      throw new SecretException(ref, context, "is larger than 64 KiB", fix);
    }
    return secretOf(bytes, ref, context, "is empty", fix);
  }

  private Secret fromCommand(SecretRef.Command cmd, String context) {
    String ref = "cmd:" + firstWord(cmd.command());
    try {
      return secretOf(commands.run(cmd.command()), ref, context, "printed nothing",
          "make the command print the secret on stdout");
    } catch (SecretCommand.Failure f) {
      throw new SecretException(ref, context, f.getMessage(), f.fix);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SecretException(ref, context, "was interrupted", "run mailshift again");
    }
  }

  private Secret fromPrompt(SecretRef.Prompt prompt, String context) {
    String fix = "run mailshift in a terminal, or use an env: or file: reference";
    char[] typed = prompter.ask(prompt.label()).orElseThrow(() ->
        new SecretException("prompt", context.isEmpty() ? prompt.label() : context,
            "cannot ask: no terminal", fix));
    try {
      if (typed.length == 0) {
        throw new SecretException("prompt", context.isEmpty() ? prompt.label() : context,
            "got an empty answer", "type the password when asked");
      }
      return new Secret(new String(typed));
    } finally {
      Arrays.fill(typed, '\0');
    }
  }

  private static Secret secretOf(byte[] bytes, String ref, String context, String emptyProblem,
      String fix) {
    String text;
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
      text = chars.toString();
    } catch (CharacterCodingException e) {
      throw new SecretException(ref, context, "is not UTF-8 text", fix);
    }
    if (text.endsWith("\r\n")) {
      text = text.substring(0, text.length() - 2);
    } else if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isEmpty()) {
      throw new SecretException(ref, context, emptyProblem, fix);
    }
    return new Secret(text);
  }

  /** Only the program's name: the rest of a command line may hold a token. */
  static String firstWord(String command) {
    String trimmed = command.strip();
    int end = 0;
    while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
      end++;
    }
    String word = trimmed.substring(0, end);
    if (word.contains("=")) {
      return "(command)"; // VAR=value prefix: the value may be the token
    }
    return end < trimmed.length() ? word + " …" : word;
  }

  /** Both passwords of one account. */
  public record AccountSecrets(Secret source, Secret destination) {
    public AccountSecrets {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(destination, "destination");
    }
  }

  /**
   * The outcome of {@link #resolveAll}: secrets by account id for every account whose two
   * references resolved, and each distinct failure once.
   */
  public record Resolution(Map<String, AccountSecrets> secrets, List<SecretException> failures) {
    public Resolution {
      secrets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
      failures = List.copyOf(failures);
    }

    public boolean complete() {
      return failures.isEmpty();
    }
  }
}
