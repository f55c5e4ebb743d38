package dev.mailshift.cli;

import dev.mailshift.state.StepStatus;
import dev.mailshift.apply.ApplyListener;
import dev.mailshift.change.Change;
import dev.mailshift.change.SyncFolder;
import dev.mailshift.report.Sizes;
import dev.mailshift.sync.FolderPair;
import dev.mailshift.sync.FolderSyncResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress on stderr: folders done, messages and bytes copied, rate, and an ETA once the work
 * ahead is known (every folder has reported what it will copy). Redraws one line at a terminal;
 * otherwise prints a line every 10 seconds so logs stay readable.
 */
final class Progress implements ApplyListener {
  private final PrintWriter err;
  private final Clock clock;
  private final boolean terminal;
  private final long started;
  private final AtomicLong copied = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong plannedMessages = new AtomicLong();
  private final AtomicLong plannedBytes = new AtomicLong();
  private final AtomicLong foldersTotal = new AtomicLong();
  private final AtomicLong foldersStarted = new AtomicLong();
  private final AtomicLong foldersDone = new AtomicLong();
  private volatile long lastDraw;

  Progress(PrintWriter err, Clock clock, boolean terminal) {
    this.err = err;
    this.clock = clock;
    this.terminal = terminal;
    this.started = clock.millis();
  }

  @Override
  public void workPlanned(int steps, long messages, long bytesPlanned) {
    // counts from a saved plan are a lower bound; folders report their own when they start
  }

  @Override
  public void removalsCounted(int foldersDone, int foldersTotal, long removals) {
    if (foldersDone == 0) {
      line("mirror mode: counting what this run removes in " + foldersTotal + " folder(s) before"
          + " the first step (messages.deletion-ceiling holds for the whole run)");
    } else if (foldersDone == foldersTotal) {
      line("mirror mode: " + removals + " removal(s) counted in " + foldersTotal + " folder(s)");
    } else {
      draw(String.format(Locale.ROOT, "counting removals: folders %d/%d, %d to remove so far",
          foldersDone, foldersTotal, removals));
    }
  }

  @Override
  public void stepStarted(Change change) {
    if (change instanceof SyncFolder) {
      foldersTotal.incrementAndGet();
    }
  }

  @Override
  public void folderStarted(FolderPair pair, long messagesToCopy, long bytesToCopy) {
    foldersStarted.incrementAndGet();
    plannedMessages.addAndGet(Math.max(0, messagesToCopy));
    plannedBytes.addAndGet(Math.max(0, bytesToCopy));
  }

  @Override
  public void messageCopied(FolderPair pair, long size) {
    copied.incrementAndGet();
    bytes.addAndGet(size);
    maybeDraw();
  }

  @Override
  public void retrying(FolderPair pair, int attempt, String reason) {
    line("retrying " + pair + " (attempt " + attempt + "): " + reason);
  }

  @Override
  public void folderFinished(FolderSyncResult result) {
    foldersDone.incrementAndGet();
    maybeDraw();
  }

  @Override
  public void stepFinished(Change change, StepStatus status, String detail) {
    if (status == StepStatus.FAILED) {
      line("FAILED " + change.summary() + ": " + detail);
    }
  }

  @Override
  public void instructions(String text) {
    line(text);
  }

  private void maybeDraw() {
    draw(null);
  }

  /** Draws {@code text} (the copy status when null), at most every 200 ms or 10 s in logs. */
  private void draw(String text) {
    long now = clock.millis();
    long every = terminal ? 200 : 10_000;
    if (now - lastDraw < every) {
      return;
    }
    lastDraw = now;
    if (text == null) {
      text = status(now);
    }
    synchronized (err) {
      if (terminal) {
        err.print("\r" + text + "\u001b[K");
      } else {
        err.println(text);
      }
      err.flush();
    }
  }

  String status(long now) {
    double seconds = Math.max(0.001, (now - started) / 1000.0);
    long c = copied.get();
    long b = bytes.get();
    String s = String.format(Locale.ROOT, "folders %d/%d, copied %d msgs (%s), %.0f msgs/s, %s/s",
        foldersDone.get(), foldersTotal.get(), c, Sizes.human(b), c / seconds, Sizes.human((long) (b / seconds)));
    boolean allKnown = foldersTotal.get() > 0 && foldersStarted.get() >= foldersTotal.get();
    if (allKnown && b > 0 && plannedBytes.get() > b) {
      long etaSeconds = (long) ((plannedBytes.get() - b) / (b / seconds));
      Duration eta = Duration.ofSeconds(etaSeconds);
      s += String.format(Locale.ROOT, ", ETA %d:%02d:%02d", eta.toHours(), eta.toMinutesPart(), eta.toSecondsPart());
    }
    return s;
  }

  private void line(String text) {
    synchronized (err) {
      err.println((terminal ? "\r\u001b[K" : "") + text);
      err.flush();
    }
  }

  void finish() {
    if (copied.get() > 0) {
      synchronized (err) {
        err.println((terminal ? "\r" : "") + status(clock.millis()) + (terminal ? "\u001b[K" : ""));
        err.flush();
      }
    }
  }
}
