package dev.mailshift.testsupport;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's top-level directory, for tests about files that live there (plans/, schemas/).
 * Found from where the test classes were loaded (target/test-classes), never from the working
 * directory; {@code -Dmailshift.projectDir=...} overrides.
 */
public final class ProjectFiles {
  private ProjectFiles() {}

  public static Path root() {
    String configured = System.getProperty("mailshift.projectDir");
    if (configured != null) {
      return Path.of(configured);
    }
    try {
      Path p = Path.of(ProjectFiles.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      while (p != null && !(Files.isRegularFile(p.resolve("pom.xml"))
          && Files.isDirectory(p.resolve("schemas")))) {
        p = p.getParent();
      }
      if (p == null) {
        throw new IllegalStateException("no pom.xml with schemas/ above the test classes; set"
            + " -Dmailshift.projectDir");
      }
      return p;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every example plan: the {@code *.yaml} files of the top-level {@code plans/}, by name. */
  public static List<Path> examplePlans() {
    try (Stream<Path> files = Files.list(root().resolve("plans"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
