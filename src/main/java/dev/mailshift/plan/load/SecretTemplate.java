package dev.mailshift.plan.load;

import dev.mailshift.plan.Location;
import dev.mailshift.plan.SecretRef;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.lookup.StringLookup;

/**
 * A password reference as written in the plan or CSV, before {@code ${user}} (the source login)
 * and {@code ${id}} are filled in per account.
 *
 * <p>Interpolation is an allow-list: the substitutor knows those two variables and nothing else,
 * with no default-value syntax and no recursion into substituted values. Any other {@code ${...}}
 * (such as {@code ${env:HOME}} or {@code ${script:...}}, the lookups behind Text4Shell) is an
 * error at load time rather than left literal, because a literal would silently name a variable
 * or file nobody meant and fail much later, far from the line that caused it. {@code $${} writes
 * a literal {@code ${}.
 */
record SecretTemplate(Kind kind, String body, Location location) {
  enum Kind {
    ENV,
    FILE,
    CMD,
    PROMPT
  }

  static final String PLAIN_MESSAGE =
      "passwords in a plan or CSV must be references: write env:NAME or file:path";
  static final String PLAIN_FIX =
      "put the password in an environment variable (env:NAME), a file (file:path), a command"
          + " that prints it (cmd:...), or write prompt to be asked";

  private static final Set<String> VARIABLES = Set.of("user", "id");

  /**
   * Parses {@code text}; a value that is no reference, or uses an unknown variable, is reported
   * at {@code where} without ever repeating the value.
   */
  static Optional<SecretTemplate> parse(String text, Location where, String what,
      ReadContext ctx) {
    Optional<SecretTemplate> parsed = kindOf(text).map(k -> new SecretTemplate(k,
        k == Kind.PROMPT ? "" : text.substring(text.indexOf(':') + 1), where));
    if (parsed.isEmpty()) {
      ctx.error(where, what + ": " + PLAIN_MESSAGE, PLAIN_FIX);
      return parsed;
    }
    if (parsed.get().kind != Kind.PROMPT && parsed.get().body.isBlank()) {
      ctx.error(where, what + ": " + text + " names nothing",
          "write env:VARIABLE, file:path/to/file or cmd:command");
      return Optional.empty();
    }
    Set<String> unknown = unknownVariables(parsed.get().body);
    if (!unknown.isEmpty()) {
      ctx.error(where, what + " uses " + String.join(", ", unknown)
          + ": only ${user} and ${id} can be used", "remove it, or write $${ for a literal ${");
      return Optional.empty();
    }
    return parsed;
  }

  /** Stands for a reference written with an error that is already reported. */
  static SecretTemplate reported(Location where) {
    return new SecretTemplate(Kind.PROMPT, "", where);
  }

  /**
   * The reference for one account.
   *
   * @param promptLabel what a {@code prompt} asks for, e.g. "source password of alice"
   * @throws IllegalArgumentException when a value cannot be placed (e.g. a {@code /} in a user
   *     inserted into a {@code file:} path)
   */
  SecretRef instantiate(String user, String id, Path baseDir, String promptLabel) {
    return switch (kind) {
      case ENV -> new SecretRef.Env(fill(user, id, UnaryOperator.identity()));
      case FILE -> new SecretRef.File(baseDir.resolve(fill(user, id,
          SecretTemplate::pathSegment)).normalize());
      case CMD -> new SecretRef.Command(fill(user, id, SecretTemplate::shellQuoted));
      case PROMPT -> new SecretRef.Prompt(promptLabel);
    };
  }

  private static Optional<Kind> kindOf(String text) {
    if (text.equals("prompt")) {
      return Optional.of(Kind.PROMPT);
    }
    for (Kind k : Kind.values()) {
      if (k != Kind.PROMPT && text.startsWith(k.name().toLowerCase() + ":")) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  private String fill(String user, String id, UnaryOperator<String> encode) {
    if (body.indexOf('$') < 0) {
      return body; // nothing to fill: spares a substitutor per account on large CSVs
    }
    Map<String, String> values = Map.of("user", encode.apply(user), "id", encode.apply(id));
    return substitutor(values::get).setEnableUndefinedVariableException(true).replace(body);
  }

  private static Set<String> unknownVariables(String body) {
    Set<String> unknown = new LinkedHashSet<>();
    substitutor(name -> {
      if (!VARIABLES.contains(name)) {
        unknown.add("${" + name + "}");
      }
      return "";
    }).replace(body);
    return unknown;
  }

  private static StringSubstitutor substitutor(StringLookup lookup) {
    return new StringSubstitutor(lookup)
        .setValueDelimiterMatcher(null)
        .setDisableSubstitutionInValues(true)
        .setEnableSubstitutionInVariables(false);
  }

  /** Inserted into a path, a value must stay one file name: no separators, no "..". */
  private static String pathSegment(String value) {
    if (value.contains("/") || value.contains("\\") || value.equals("..") || value.equals(".")
        || value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("the login or id would leave the secrets folder");
    }
    return value;
  }

  /** Inserted into {@code sh -c}, a value is one single-quoted word, whatever it contains. */
  static String shellQuoted(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
