package dev.mailshift.imap;

/**
 * Paces the message bytes and messages that sessions move: bodies fetched with BODY.PEEK (each
 * batch and each chunk of a large message, before it is asked for) and APPEND literals (each
 * buffer, before it is written; a message counts when its literal starts). One instance is shared
 * by every session to one server, so the pace holds for the server as a whole. Implementations
 * are thread-safe and hold no lock while they wait; {@link #NONE} never waits and costs nothing.
 */
public interface Throttle {
  /** No limit. */
  Throttle NONE = new Throttle() {
    @Override
    public void pass(long bytes, int messages) {}

    @Override
    public long burstBytes() {
      return Long.MAX_VALUE;
    }

    @Override
    public int burstMessages() {
      return Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
      return "Throttle.NONE";
    }
  };

  /**
   * Returns once {@code bytes} more message bytes and {@code messages} more messages may pass,
   * having waited as long as the limits need.
   *
   * @throws IllegalStateException when the thread is interrupted while waiting (its interrupt
   *     flag is set again)
   */
  void pass(long bytes, int messages);

  /**
   * The most message bytes one request should move, so that no fetch is a burst far beyond the
   * limit: fetch batches and chunks of large messages ask for no more. {@link Long#MAX_VALUE}
   * without a byte limit.
   */
  long burstBytes();

  /** The most messages one fetch should ask for; {@link Integer#MAX_VALUE} without a limit. */
  int burstMessages();
}
