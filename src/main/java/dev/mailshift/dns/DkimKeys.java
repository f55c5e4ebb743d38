package dev.mailshift.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * DKIM keys with the JDK alone: RSA-2048 and Ed25519 (RFC 8463) generation, the private key as a
 * PKCS#8 PEM file with mode 0600 (never overwritten, never logged), reading it back and deriving
 * the public key, and public keys from a {@code p=} value.
 */
public final class DkimKeys {
  static final int RSA_BITS = 2048;
  // DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 section 4): SEQUENCE, algorithm
  // 1.3.101.112, BIT STRING of 33 bytes (0 unused bits + 32 key bytes).
  private static final byte[] ED25519_SPKI_PREFIX =
      HexFormat.of().parseHex("302a300506032b6570032100");
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private DkimKeys() {}

  public static DkimKeyPair generate(DkimAlgorithm algorithm) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.jcaName());
      if (algorithm == DkimAlgorithm.RSA) {
        generator.initialize(RSA_BITS);
      }
      KeyPair pair = generator.generateKeyPair();
      return new DkimKeyPair(algorithm, pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate " + algorithm.tag() + " keys", e);
    }
  }

  /**
   * The key in {@code file} if it exists (its type must match), otherwise a new key written there.
   * So a plan with {@code key: generate} makes its key once and re-runs publish the same key.
   */
  public static DkimKeyPair loadOrGenerate(Path file, DkimAlgorithm algorithm) throws IOException {
    if (Files.exists(file)) {
      return readPrivateKey(file, algorithm);
    }
    DkimKeyPair pair = generate(algorithm);
    writePrivateKey(pair, file);
    return pair;
  }

  /**
   * Writes the private key as PKCS#8 PEM, readable by the owner only (0600 where the file system
   * has POSIX permissions). Refuses to overwrite an existing file: a published key must not be
   * replaced by accident.
   */
  public static void writePrivateKey(DkimKeyPair pair, Path file) throws IOException {
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString(), null,
          "a DKIM private key already exists there; mailshift never overwrites one. Delete it"
              + " only if you mean to publish a new key.");
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    String pem = BEGIN + "\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(pair.privateKey().getEncoded())
        + "\n" + END + "\n";
    Path temp = Files.createTempFile(dir, ".dkim", ".tmp", ownerOnly(dir));
    try {
      Files.writeString(temp, pem, StandardCharsets.US_ASCII);
      // A hard link creates the name atomically and fails if it exists: no half-written key
      // under the final name, and no race with another writer.
      Files.createLink(file, temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Reads a PKCS#8 PEM private key and derives its public key. */
  public static DkimKeyPair readPrivateKey(Path file, DkimAlgorithm algorithm) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IOException(file + " is not a PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
    }
    byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
    try {
      PrivateKey key =
          KeyFactory.getInstance(algorithm.jcaName()).generatePrivate(new PKCS8EncodedKeySpec(der));
      return new DkimKeyPair(algorithm, key, derivePublic(key));
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " does not hold a " + algorithm.tag() + " private key: "
          + e.getMessage() + ". Check dkim.algorithm for this selector.", e);
    }
  }

  /** The public key for a {@code p=} value (base64; RSA SubjectPublicKeyInfo or raw Ed25519). */
  public static PublicKey publicKey(DkimAlgorithm algorithm, String base64)
      throws GeneralSecurityException {
    byte[] raw = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
    byte[] spki = raw;
    if (algorithm == DkimAlgorithm.ED25519) {
      if (raw.length != 32) {
        throw new GeneralSecurityException(
            "an Ed25519 p= value must be 32 bytes (RFC 8463), found " + raw.length);
      }
      spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
      System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
    }
    return KeyFactory.getInstance(algorithm.jcaName()).generatePublic(new X509EncodedKeySpec(spki));
  }

  static String txtValue(DkimAlgorithm algorithm, String publicKeyBase64) {
    return "v=DKIM1; k=" + algorithm.tag() + "; p=" + publicKeyBase64;
  }

  private static PublicKey derivePublic(PrivateKey key) throws GeneralSecurityException {
    if (key instanceof RSAPrivateCrtKey rsa) {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }
    if (key instanceof EdECPrivateKey ed) {
      byte[] seed = ed.getBytes()
          .orElseThrow(() -> new GeneralSecurityException("Ed25519 key without its 32 bytes"));
      // The JDK has no "public key of this private key" call for EdDSA; its generator takes the
      // 32 private bytes from the SecureRandom and computes the public point (RFC 8032 5.1.5).
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
      KeyPair pair = generator.generateKeyPair();
      byte[] again = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
      if (!Arrays.equals(again, seed)) {
        throw new GeneralSecurityException("could not derive the Ed25519 public key");
      }
      return pair.getPublic();
    }
    throw new GeneralSecurityException("unsupported DKIM private key " + key.getAlgorithm());
  }

  private static FileAttribute<?>[] ownerOnly(Path dir) throws IOException {
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
      };
    }
    return new FileAttribute<?>[0];
  }

  /** A SecureRandom that hands out given bytes: only for re-deriving a known Ed25519 key. */
  private static final class FixedBytes extends SecureRandom {
    private final byte[] bytes;

    FixedBytes(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
      System.arraycopy(bytes, 0, out, 0, Math.min(out.length, bytes.length));
    }
  }
}
