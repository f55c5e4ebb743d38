package dev.mailshift.plan.load;

import dev.mailshift.plan.Location;
import dev.mailshift.plan.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A plan file composed to a SnakeYAML node tree (each node knows its line and column), with the
 * SHA-256 of the file's bytes. Either {@code root} is present, or {@code problems} holds the one
 * error that stopped reading (I/O, encoding, YAML syntax). Shared by {@link PlanLoader} and the
 * schema check in {@code plan.check}, so a file is read and parsed once.
 *
 * @param file the plan file as the user named it (used in every {@link Location})
 * @param sha256 hex SHA-256 of the file's bytes
 */
public record PlanDocument(Path file, String sha256, Optional<Node> root, List<Problem> problems) {
  /** Plans larger than this are refused: thousands of accounts belong in a CSV. */
  static final int MAX_BYTES = 4 * 1024 * 1024;

  private static final String SYNTAX_FIX =
      "check the indentation and brackets at this position; quote values containing ': ', '#'"
          + " or starting with a special character";

  public PlanDocument {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(root, "root");
    problems = List.copyOf(problems);
  }

  /** Reads and composes {@code planFile}; a missing or unreadable file is a problem. */
  public static PlanDocument read(Path planFile) {
    try {
      if (Files.size(planFile) > MAX_BYTES) {
        return failed(planFile, "", "the plan file is larger than 4 MiB",
            "move the accounts into a CSV file (accounts.csv) and keep the plan short");
      }
      return parse(Files.readAllBytes(planFile), planFile);
    } catch (IOException e) {
      return failed(planFile, "", "cannot read the plan file (" + e.getClass().getSimpleName()
          + ")", "check that " + planFile + " exists and is readable");
    }
  }

  /** Composes {@code bytes} as if read from {@code file} (which need not exist). */
  public static PlanDocument parse(byte[] bytes, Path file) {
    String sha = sha256(bytes);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return failed(file, sha, "the plan file is not UTF-8 text",
          "save the file as UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return compose(text, file, sha);
  }

  /** The directory that relative paths in the plan are resolved against. */
  public Path baseDir() {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return parent == null ? Path.of("").toAbsolutePath() : parent;
  }

  private static PlanDocument compose(String text, Path file, String sha) {
    try {
      Node root = yaml().compose(new StringReader(text));
      if (root == null) {
        return failed(file, sha, "the plan file is empty",
            "start from plans/minimal.yaml in the mailshift repository");
      }
      return new PlanDocument(file, sha, Optional.of(root), List.of());
    } catch (MarkedYAMLException e) {
      return new PlanDocument(file, sha, Optional.empty(), List.of(syntaxProblem(file, e)));
    } catch (YAMLException e) {
      // Not marked: a limit (code points, aliases, nesting). Its text names no plan content.
      return failed(file, sha, "cannot read the YAML: " + e.getMessage(), SYNTAX_FIX);
    }
  }

  /**
   * SnakeYAML's own message quotes the offending line; that line may hold a secret someone wrote
   * by mistake, so only the problem, the context and the positions are kept.
   */
  private static Problem syntaxProblem(Path file, MarkedYAMLException e) {
    Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    Location where = at == null ? new Location(file.toString(), 0, 0)
        : new Location(file.toString(), at.getLine() + 1, at.getColumn() + 1);
    StringBuilder what = new StringBuilder("YAML syntax error");
    if (e.getContext() != null) {
      what.append(" ").append(e.getContext());
      Mark ctx = e.getContextMark();
      if (ctx != null) {
        what.append(" (at ").append(ctx.getLine() + 1).append(':').append(ctx.getColumn() + 1)
            .append(')');
      }
    }
    if (e.getProblem() != null) {
      what.append(": ").append(e.getProblem());
    }
    return Problem.error(where, what.toString(), SYNTAX_FIX);
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false); // composing ignores it; YamlMap reports duplicates
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(40);
    options.setCodePointLimit(MAX_BYTES);
    options.setTagInspector(tag -> false);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options,
        new CoreSchemaResolver());
  }

  private static PlanDocument failed(Path file, String sha, String what, String fix) {
    Problem p = Problem.error(new Location(file.toString(), 0, 0), what, fix);
    return new PlanDocument(file, sha, Optional.empty(), List.of(p));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
