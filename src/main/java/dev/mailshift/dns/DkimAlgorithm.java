package dev.mailshift.dns;

import java.util.Arrays;
import java.util.Optional;

/** The DKIM key types: RSA (generated with 2048 bits) and Ed25519 (RFC 8463). */
public enum DkimAlgorithm {
  RSA("rsa", "RSA"),
  ED25519("ed25519", "Ed25519");

  private final String tag;
  private final String jca;

  DkimAlgorithm(String tag, String jca) {
    this.tag = tag;
    this.jca = jca;
  }

  /** The value of the DKIM {@code k=} tag and of {@code algorithm} in a plan. */
  public String tag() {
    return tag;
  }

  String jcaName() {
    return jca;
  }

  public static Optional<DkimAlgorithm> fromTag(String tag) {
    return Arrays.stream(values()).filter(a -> a.tag.equalsIgnoreCase(tag)).findFirst();
  }
}
