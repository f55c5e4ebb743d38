package dev.mailshift.plan.dns;

import java.util.Arrays;
import java.util.Optional;

/** The DKIM key types: RSA (generated with 2048 bits) and Ed25519 (RFC 8463). */
public enum DkimAlgorithm {
  RSA("rsa"),
  ED25519("ed25519");

  private final String tag;

  DkimAlgorithm(String tag) {
    this.tag = tag;
  }

  /** The value of the DKIM {@code k=} tag and of {@code algorithm} in a plan. */
  public String tag() {
    return tag;
  }

  public static Optional<DkimAlgorithm> fromTag(String tag) {
    return Arrays.stream(values()).filter(a -> a.tag.equalsIgnoreCase(tag)).findFirst();
  }
}
