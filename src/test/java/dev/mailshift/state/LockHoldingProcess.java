package dev.mailshift.state;

import java.nio.file.Path;

/**
 * A separate JVM that takes the run lock of the state file given as argument, says "locked" on
 * stdout and then waits forever, to be killed by the test.
 */
public final class LockHoldingProcess {
  private LockHoldingProcess() {}

  public static void main(String[] args) throws InterruptedException {
    StateStore store = StateStore.open(Path.of(args[0]));
    RunLock lock = store.lock("apply --phase bulk");
    long runId = store.journal().startRun("plan", "abc", "bulk", "apply");
    System.out.println("locked " + runId + " " + lock.holder().pid());
    System.out.flush();
    Thread.currentThread().join(); // never returns: the test kills this process
  }
}
