package dev.mailshift.testsupport;

import dev.mailshift.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in-process, black-box: exit code, stdout and stderr apart. */
public final class Cli {
  private Cli() {}

  /** One finished command. */
  public record Run(int code, String out, String err) {
    /** Everything printed, for assertion messages. */
    public String all() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  public static Run mailshift(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), env, args);
    return new Run(code, out.toString(), err.toString());
  }
}
