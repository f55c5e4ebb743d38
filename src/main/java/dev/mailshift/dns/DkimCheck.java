package dev.mailshift.dns;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a DKIM key record (RFC 6376 section 3.6.1, RFC 8463, RFC 8301): one TXT record, strings
 * of at most 255 bytes, {@code v=DKIM1} first if present, {@code k=rsa|ed25519}, a usable {@code
 * p=} key of sufficient size, and that it matches the private key mailshift generated.
 */
final class DkimCheck {
  private static final String CHECK = "dkim";

  /**
   * @param name the record name ({@code selector._domainkey.domain.})
   * @param txtRecords the TXT records there, each as its character-strings
   * @param generated the key pair mailshift holds for this selector, if any
   */
  List<CheckFinding> check(String name, List<List<String>> txtRecords,
      Optional<DkimKeyPair> generated) {
    if (txtRecords.size() != 1) {
      return List.of(CheckFinding.error(CHECK, name, (txtRecords.isEmpty() ? "no" : "" + txtRecords
          .size()) + " TXT records at " + name + "; a DKIM selector needs exactly one",
          txtRecords.isEmpty() ? "publish the key record (dns.records.dkim)"
              : "delete all but the current key record"));
    }
    List<CheckFinding> out = new ArrayList<>();
    for (String s : txtRecords.get(0)) {
      if (s.getBytes(StandardCharsets.UTF_8).length > TxtValue.MAX_STRING_BYTES) {
        out.add(CheckFinding.error(CHECK, name, "a TXT string is longer than 255 bytes",
            "split the value into strings of at most 255 bytes (RFC 1035 section 3.3)"));
      }
    }
    String value = String.join("", txtRecords.get(0));
    Map<String, String> tags;
    try {
      tags = TagList.parse(value);
    } catch (IllegalArgumentException e) {
      out.add(CheckFinding.error(CHECK, name, "DKIM record syntax: " + e.getMessage(),
          "write it as v=DKIM1; k=rsa; p=<base64 key>"));
      return out;
    }
    out.addAll(tags(name, tags, generated));
    return out;
  }

  private List<CheckFinding> tags(String name, Map<String, String> tags,
      Optional<DkimKeyPair> generated) {
    List<CheckFinding> out = new ArrayList<>();
    if (tags.containsKey("v") && (!tags.get("v").equals("DKIM1")
        || !tags.keySet().iterator().next().equals("v"))) {
      out.add(CheckFinding.error(CHECK, name, "v= must be DKIM1 and the first tag"
          + " (RFC 6376 section 3.6.1)", "start the record with v=DKIM1;"));
    }
    Optional<DkimAlgorithm> algorithm = DkimAlgorithm.fromTag(tags.getOrDefault("k", "rsa"));
    if (algorithm.isEmpty()) {
      out.add(CheckFinding.error(CHECK, name, "k=" + tags.get("k") + " is not a key type"
          + " receivers know", "use k=rsa or k=ed25519"));
      return out;
    }
    if (tags.getOrDefault("h", "sha256").toLowerCase().contains("sha1")) {
      out.add(CheckFinding.warning(CHECK, name, "h= allows sha1, which RFC 8301 forbids for"
          + " signing", "remove h= or set h=sha256"));
    }
    if (tags.getOrDefault("t", "").contains("y")) {
      out.add(CheckFinding.warning(CHECK, name, "t=y marks the key as testing: receivers may"
          + " ignore failures", "remove t=y once signing works"));
    }
    String p = tags.get("p");
    if (p == null || p.isEmpty()) {
      out.add(CheckFinding.error(CHECK, name, p == null ? "p= (the public key) is missing"
          : "p= is empty: the key is revoked (RFC 6376 section 3.6.1)",
          "publish the public key in p="));
      return out;
    }
    out.addAll(key(name, algorithm.get(), p, generated));
    return out;
  }

  private List<CheckFinding> key(String name, DkimAlgorithm algorithm, String p,
      Optional<DkimKeyPair> generated) {
    PublicKey key;
    try {
      key = DkimKeys.publicKey(algorithm, p);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return List.of(CheckFinding.error(CHECK, name, "p= is not a valid " + algorithm.tag()
          + " public key: " + e.getMessage(), "publish the base64 key exactly as generated"));
    }
    List<CheckFinding> out = new ArrayList<>();
    if (key instanceof RSAPublicKey rsa) {
      int bits = rsa.getModulus().bitLength();
      if (bits < 1024) {
        out.add(CheckFinding.error(CHECK, name, "RSA key of " + bits + " bits; RFC 8301 section"
            + " 3.2 requires at least 1024", "generate a 2048-bit key (key: generate)"));
      } else if (bits < 2048) {
        out.add(CheckFinding.warning(CHECK, name, "RSA key of " + bits + " bits; 2048 is"
            + " recommended", "generate a 2048-bit key (key: generate)"));
      } else {
        out.add(CheckFinding.pass(CHECK, name, "RSA key of " + bits + " bits"));
      }
    } else {
      out.add(CheckFinding.pass(CHECK, name, "Ed25519 key (RFC 8463)"));
    }
    generated.ifPresent(pair -> out.add(matches(name, pair, key)));
    return out;
  }

  /** Signs a probe with the private key and verifies it with the published key. */
  private static CheckFinding matches(String name, DkimKeyPair pair, PublicKey published) {
    try {
      String alg = pair.algorithm() == DkimAlgorithm.RSA ? "SHA256withRSA" : "Ed25519";
      byte[] probe = ("mailshift dkim probe " + name).getBytes(StandardCharsets.UTF_8);
      Signature signer = Signature.getInstance(alg);
      signer.initSign(pair.privateKey());
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(alg);
      verifier.initVerify(published);
      verifier.update(probe);
      if (verifier.verify(signature)) {
        return CheckFinding.pass(CHECK, name, "the published key matches the private key");
      }
    } catch (GeneralSecurityException e) {
      // a key of another type or size cannot verify: reported as a mismatch below
    }
    return CheckFinding.error(CHECK, name, "the published key does not match the private key"
        + " mailshift generated: signatures will fail", "publish the record from the plan again"
        + " (mailshift apply), or point the selector's private-key-file at the matching key");
  }
}
