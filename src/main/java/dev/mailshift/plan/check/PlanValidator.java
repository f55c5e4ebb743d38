package dev.mailshift.plan.check;

import dev.mailshift.plan.Location;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Problem;
import dev.mailshift.plan.load.PlanDocument;
import dev.mailshift.plan.load.PlanLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a plan file completely and hands out the plan only when it has no error: the YAML is
 * read once, checked against {@code schemas/plan.schema.json}, mapped by {@link PlanLoader}
 * (types, keys, values, references, secrets written as references), then checked as a whole
 * ({@link SemanticChecks}). All problems are reported together; a schema error at a position
 * the loader already explained is dropped, the loader's message being the more precise.
 *
 * <p>Reads local files only (the plan, its CSV and CA files); never the network, never a secret.
 * Thread-safe; the schema is loaded on first use.
 */
public final class PlanValidator {
  private final PlanLoader loader = new PlanLoader();
  private SchemaCheck schema;

  public ValidationResult validate(Path planFile) {
    return validate(PlanDocument.read(planFile));
  }

  /**
   * SHA-256 (hex) of the JSON Schema plans are checked against: with the plan file's own hash,
   * it identifies a check whose result can be remembered.
   */
  public static String schemaSha256() {
    return SchemaDigest.SHA256;
  }

  /** Validates {@code yaml} as if read from {@code pretendFile}. */
  public ValidationResult validateString(String yaml, Path pretendFile) {
    return validate(PlanDocument.parse(yaml.getBytes(StandardCharsets.UTF_8), pretendFile));
  }

  public ValidationResult validate(PlanDocument document) {
    return validate(document, true);
  }

  /**
   * As {@link #validate(PlanDocument)}; with {@code schema} false the JSON Schema check is left
   * out (the loader and the semantic checks still run). Only for a document whose exact bytes
   * passed the same schema before ({@link #schemaSha256()}): the schema check is the costly
   * part of a start (Jackson and the validator), and its result depends on nothing else.
   */
  public ValidationResult validate(PlanDocument document, boolean schema) {
    if (document.root().isEmpty()) {
      return new ValidationResult(Optional.empty(), document.problems());
    }
    String file = document.file().toString();
    List<Problem> schemaProblems = schema
        ? schemaCheck().check(new JsonTree(document.root().get(), file)) : List.of();
    PlanLoader.Draft draft = loader.draft(document);
    Set<Location> explained = new LinkedHashSet<>();
    draft.problems().forEach(p -> explained.add(p.location()));
    Set<Problem> all = new LinkedHashSet<>(draft.problems());
    schemaProblems.stream().filter(p -> !explained.contains(p.location())).forEach(all::add);
    boolean loadErrors = draft.problems().stream().anyMatch(Problem::isError);
    // A draft with errors holds placeholders and dropped entries: its semantic errors are real
    // (duplicate ids stay duplicate), its warnings (unused server, unselected batch) mostly
    // echo the errors, so they wait for the next run.
    draft.plan().map(SemanticChecks::check).ifPresent(semantic -> semantic.stream()
        .filter(p -> p.isError() || !loadErrors).forEach(all::add));
    List<Problem> sorted = new ArrayList<>(all);
    sorted.sort(order(file));
    boolean errors = sorted.stream().anyMatch(Problem::isError);
    Optional<Plan> plan = errors ? Optional.empty() : draft.plan();
    return new ValidationResult(plan, sorted);
  }

  private synchronized SchemaCheck schemaCheck() {
    if (schema == null) {
      schema = new SchemaCheck();
    }
    return schema;
  }

  /** The schema resource's hash, computed once. */
  private static final class SchemaDigest {
    static final String SHA256 = digest();

    private static String digest() {
      try (InputStream in = PlanValidator.class.getResourceAsStream(SchemaCheck.RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(SchemaCheck.RESOURCE + " is missing from the classpath");
        }
        return HexFormat.of().formatHex(
            MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static Comparator<Problem> order(String planFile) {
    return Comparator.<Problem, Boolean>comparing(p -> !p.location().file().equals(planFile))
        .thenComparing(p -> p.location().file())
        .thenComparingInt(p -> p.location().line())
        .thenComparingInt(p -> p.location().column());
  }
}
