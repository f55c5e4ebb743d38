package dev.mailshift.plan.check;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's top-level directory, for tests about files that live there (plans/, schemas/).
 * Found from where the test classes were loaded (target/test-classes), never from the working
 * directory; {@code -Dmailshift.projectDir=...} overrides.
 */
final class ProjectFiles {
  private ProjectFiles() {}

  static Path root() {
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
}
