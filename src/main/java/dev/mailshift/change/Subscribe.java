package dev.mailshift.change;

import java.util.Objects;

/** Subscribe the destination folder (as on the source, or all, per the plan). Idempotent. */
public record Subscribe(String account, String destinationFolder) implements Change {
  public Subscribe {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(destinationFolder, "destinationFolder");
  }

  @Override
  public String id() {
    return "subscribe:" + account + ":" + destinationFolder;
  }

  @Override
  public String summary() {
    return "subscribe " + destinationFolder;
  }

  @Override
  public Reversibility reversibility() {
    return Reversibility.NOT_NEEDED;
  }
}
