package dev.mailshift.state;

/** How many messages skip records name, and their bytes together. */
public record SkipTotal(long messages, long bytes) {
  public static final SkipTotal NONE = new SkipTotal(0, 0);

  public SkipTotal plus(SkipTotal other) {
    return new SkipTotal(messages + other.messages, bytes + other.bytes);
  }
}
