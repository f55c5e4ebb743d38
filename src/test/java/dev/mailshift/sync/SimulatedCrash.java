package dev.mailshift.sync;

/** Stands for a SIGKILL: an Error nothing in the engine catches, thrown between two operations. */
final class SimulatedCrash extends Error {
  SimulatedCrash(int operation, String name) {
    super("simulated crash at operation " + operation + " (" + name + ")");
  }
}
