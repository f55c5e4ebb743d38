package dev.mailshift.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The runnable jar ({@code mailshift.jar}, set by failsafe to the shaded jar) as a child process,
 * so a test can kill it with SIGKILL ({@link Process#destroyForcibly()}) at a moment chosen by a
 * condition. Output goes to files in a directory, for diagnosis.
 */
public final class MailshiftProcess {
  private static final Duration POLL = Duration.ofMillis(5);

  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private MailshiftProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** The jar failsafe points at; fails clearly when it is not built. */
  public static Path jar() {
    String jar = System.getProperty("mailshift.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("system property mailshift.jar (" + jar + ") does not name"
          + " the shaded jar: run the test through `./mvnw verify` (failsafe, after package)");
    }
    return Path.of(jar);
  }

  /** Starts {@code java -jar mailshift.jar args} with {@code env} added to this JVM's. */
  public static MailshiftProcess start(Path logDir, String name, Map<String, String> env,
      String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
        "-Xmx256m", "-jar", jar().toString()));
    command.addAll(List.of(args));
    Path out = logDir.resolve(name + ".out");
    Path err = logDir.resolve(name + ".err");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile());
    pb.environment().putAll(env);
    return new MailshiftProcess(pb.start(), out, err);
  }

  /**
   * Waits until {@code condition} holds (true) or the process ends by itself (false).
   *
   * @throws AssertionError when neither happens within {@code timeout}
   */
  public boolean awaitWhileRunning(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
        return false;
      }
    }
    throw new AssertionError("neither the condition nor the end of the process within " + timeout
        + "; " + output());
  }

  /** SIGKILL; returns true when the process was still running (it died by the signal). */
  public boolean kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    return process.exitValue() == 137; // 128 + SIGKILL(9)
  }

  /** Waits for the end; the exit code. */
  public int await(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after " + timeout + "; " + output());
    }
    return process.exitValue();
  }

  /** What it printed so far. */
  public String output() {
    try {
      return "stdout:\n" + Files.readString(stdout) + "\nstderr:\n" + Files.readString(stderr);
    } catch (IOException e) {
      return "(output unreadable: " + e.getMessage() + ")";
    }
  }
}
