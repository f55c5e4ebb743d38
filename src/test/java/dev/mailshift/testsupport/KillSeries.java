package dev.mailshift.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * A series of {@code apply} runs of the shaded jar on one plan, each killed with SIGKILL when a
 * condition holds (or left to finish if it ends first), for crash-resume tests. Conditions are
 * polled, never slept on.
 */
public final class KillSeries {
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);

  /**
   * Where one kill was aimed, whether it struck a running process, and what the destination held
   * when that apply started and when it died.
   */
  public record Kill(String point, boolean struck, int messagesBefore, int messagesAfter) {
    /** The apply had journalled its run: it copied something before it died. */
    public boolean journalled() {
      return struck && messagesAfter > messagesBefore;
    }

    /** It died in the middle of copying: some but not all of {@code total} were there. */
    public boolean midCopy(int total) {
      return struck && messagesAfter > 0 && messagesAfter < total;
    }
  }

  private final Path logDir;
  private final Map<String, String> env;
  private final String[] applyArgs;
  private final IntSupplier destinationMessages;
  private final List<Kill> kills = new ArrayList<>();
  private String lastOutput = "";

  /**
   * @param destinationMessages how many messages the destination holds now (all folders)
   * @param applyArgs the arguments after {@code apply}: the plan and options
   */
  public KillSeries(Path logDir, Map<String, String> env, IntSupplier destinationMessages,
      String... applyArgs) {
    this.logDir = logDir;
    this.env = Map.copyOf(env);
    this.destinationMessages = destinationMessages;
    this.applyArgs = applyArgs.clone();
  }

  /** Starts an apply and kills it as soon as {@code condition} holds. */
  public Kill killWhen(String point, BooleanSupplier condition) throws Exception {
    int before = destinationMessages.getAsInt();
    MailshiftProcess p = start("run-" + (kills.size() + 1));
    boolean reached = p.awaitWhileRunning(condition, STEP_TIMEOUT);
    boolean struck = reached && p.kill();
    if (!reached && p.await(STEP_TIMEOUT) != 0) {
      throw new AssertionError("apply ended with an error before '" + point + "': "
          + p.output());
    }
    Kill kill = new Kill(point, struck, before, destinationMessages.getAsInt());
    kills.add(kill);
    return kill;
  }

  /**
   * Starts an apply and kills it once the destination holds at least {@code k} messages, and at
   * least one more than when it started, so every such kill finds it copying.
   */
  public Kill killAtMessages(int k) throws Exception {
    int atLeast = Math.max(k, destinationMessages.getAsInt() + 1);
    return killWhen("destination holds " + atLeast,
        () -> destinationMessages.getAsInt() >= atLeast);
  }

  /**
   * Kills applies one after another, each as soon as the destination holds one message more than
   * when it started, until {@code wanted} of them died in the middle of copying (some but not all
   * of {@code total} there), an apply finished by itself, or {@code maxRuns} were started. Where
   * the destination commits whole chunks at once (MULTIAPPEND), fixed kill points can fall
   * between two commits and miss; aiming at "one more than now" cannot.
   */
  public void killWhileCopying(int total, int wanted, int maxRuns) throws Exception {
    for (int run = 0; run < maxRuns; run++) {
      if (kills.stream().filter(k -> k.midCopy(total)).count() >= wanted) {
        return;
      }
      Kill kill = killAtMessages(1);
      if (!kill.struck() || kill.messagesAfter() >= total) {
        return;
      }
    }
  }

  /** One more apply, left to finish: its exit code; the output is in {@link #lastOutput}. */
  public int finish() throws Exception {
    MailshiftProcess p = start("final");
    int code = p.await(STEP_TIMEOUT);
    lastOutput = p.output();
    return code;
  }

  public String lastOutput() {
    return lastOutput;
  }

  public List<Kill> kills() {
    return List.copyOf(kills);
  }

  private MailshiftProcess start(String name) throws IOException {
    String[] args = new String[applyArgs.length + 1];
    args[0] = "apply";
    System.arraycopy(applyArgs, 0, args, 1, applyArgs.length);
    return MailshiftProcess.start(logDir, name, env, args);
  }
}
