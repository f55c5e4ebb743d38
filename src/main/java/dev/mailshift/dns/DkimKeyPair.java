package dev.mailshift.dns;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A DKIM key pair held in memory. {@link #toString()} never shows the private key (the JDK's key
 * classes print their private exponent); the private key leaves only through {@link
 * DkimKeys#writePrivateKey}.
 */
public record DkimKeyPair(DkimAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {

  public DkimKeyPair {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
  }

  /**
   * The DKIM {@code p=} value: for RSA the base64 SubjectPublicKeyInfo (RFC 6376 section 3.6.1);
   * for Ed25519 the raw 32-byte public key, base64 (RFC 8463 section 4.2), which is the last 32
   * bytes of its SubjectPublicKeyInfo.
   */
  public String publicKeyBase64() {
    byte[] spki = publicKey.getEncoded();
    byte[] raw = algorithm == DkimAlgorithm.ED25519
        ? Arrays.copyOfRange(spki, spki.length - 32, spki.length)
        : spki;
    return Base64.getEncoder().encodeToString(raw);
  }

  /** The key record value {@code v=DKIM1; k=...; p=...}. */
  public String txtValue() {
    return DkimKeys.txtValue(algorithm, publicKeyBase64());
  }

  /** The key record value as TXT character-strings of at most 255 bytes each. */
  public List<String> txtStrings() {
    return TxtValue.split(txtValue());
  }

  @Override
  public String toString() {
    return "DkimKeyPair[" + algorithm.tag() + ", p=" + publicKeyBase64() + ", private key ****]";
  }
}
