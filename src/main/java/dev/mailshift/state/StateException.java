package dev.mailshift.state;

/** The state file cannot be read or written (I/O, corruption, a newer schema). */
public class StateException extends RuntimeException {
  public StateException(String message, Throwable cause) {
    super(message, cause);
  }

  public StateException(String message) {
    super(message);
  }
}
