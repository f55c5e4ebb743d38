package dev.mailshift.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who holds (or last held) the run lock, as written into the lock file. Diagnostic only: the OS
 * file lock is what excludes; this names the holder in the refusal message.
 */
public record LockHolder(long pid, String host, String command, Instant startedAt) {
  public LockHolder {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(startedAt, "startedAt");
  }

  String serialize() {
    return "pid=" + pid + "\nhost=" + host + "\ncommand=" + command.replace('\n', ' ')
        + "\nstarted=" + startedAt + "\n";
  }

  static Optional<LockHolder> parse(String text) {
    long pid = -1;
    String host = null;
    String command = null;
    Instant started = null;
    try {
      for (String line : text.split("\n")) {
        int eq = line.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String value = line.substring(eq + 1);
        switch (line.substring(0, eq)) {
          case "pid" -> pid = Long.parseLong(value);
          case "host" -> host = value;
          case "command" -> command = value;
          case "started" -> started = Instant.parse(value);
          default -> { }
        }
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    if (pid < 0 || host == null || command == null || started == null) {
      return Optional.empty();
    }
    return Optional.of(new LockHolder(pid, host, command, started));
  }

  @Override
  public String toString() {
    return "'" + command + "' (pid " + pid + " on " + host + ", started " + startedAt + ")";
  }
}
