package dev.mailshift.plan.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a {@code cmd:} reference: {@code sh -c COMMAND} in the plan's directory with the given
 * environment, stdin closed, stderr discarded (it may echo what it read), stdout captured up to a
 * limit. A command that outlives its timeout is killed with its children.
 */
final class SecretCommand {
  static final int MAX_OUTPUT = 64 * 1024;

  /** Why a command gave no secret; the text never holds anything the command printed. */
  static final class Failure extends Exception {
    final String fix;

    Failure(String problem, String fix) {
      super(problem);
      this.fix = fix;
    }
  }

  private final Map<String, String> environment;
  private final Path directory;
  private final Duration timeout;

  SecretCommand(Map<String, String> environment, Path directory, Duration timeout) {
    this.environment = environment;
    this.directory = directory;
    this.timeout = timeout;
  }

  /** The command's standard output, all of it. */
  byte[] run(String command) throws Failure, InterruptedException {
    Process process = start(command);
    FutureTask<byte[]> reader = new FutureTask<>(() -> readLimited(process.getInputStream()));
    Thread.ofVirtual().name("secret-command-stdout").start(reader);
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new Failure("did not finish within " + seconds(timeout),
            "run the command yourself to see why it hangs (it must not wait for input)");
      }
      byte[] out = reader.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      // Before the exit status: reading stops at the limit, so a chatty command dies of SIGPIPE.
      if (out.length > MAX_OUTPUT) {
        throw new Failure("printed more than 64 KiB", "make it print only the secret");
      }
      if (process.exitValue() != 0) {
        throw new Failure("exited with status " + process.exitValue(),
            "run the command yourself to see its error; it must print only the secret");
      }
      return out;
    } catch (TimeoutException e) {
      throw new Failure("exited but kept its output open past " + seconds(timeout),
          "make sure nothing it starts in the background keeps stdout open");
    } catch (ExecutionException e) {
      throw new Failure("output could not be read", "run the command yourself");
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      reader.cancel(true);
    }
  }

  private Process start(String command) throws Failure {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", command)
        .directory(directory.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().clear();
    pb.environment().putAll(environment);
    try {
      Process process = pb.start();
      process.getOutputStream().close(); // stdin closed: a command waiting for input ends
      return process;
    } catch (IOException e) {
      throw new Failure("could not be started (" + e.getClass().getSimpleName() + ")",
          "check that sh is installed and the plan's directory exists");
    }
  }

  private static byte[] readLimited(InputStream in) throws IOException {
    try (in) {
      return in.readNBytes(MAX_OUTPUT + 1);
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
