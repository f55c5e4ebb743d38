package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DkimKeysTest {
  @TempDir Path dir;

  @Test
  void generate_rsa_is2048BitsAndPublishesTheSubjectPublicKeyInfo() throws Exception {
    DkimKeyPair pair = DkimKeys.generate(DkimAlgorithm.RSA);

    byte[] p = Base64.getDecoder().decode(pair.publicKeyBase64());
    assertThat(((RSAPublicKey) pair.publicKey()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(p).isEqualTo(pair.publicKey().getEncoded());
    assertThat(pair.txtValue()).startsWith("v=DKIM1; k=rsa; p=MIIBIjAN");
  }

  @Test
  void generate_ed25519_publishesTheRaw32ByteKey() {
    DkimKeyPair pair = DkimKeys.generate(DkimAlgorithm.ED25519);

    byte[] p = Base64.getDecoder().decode(pair.publicKeyBase64());
    byte[] spki = pair.publicKey().getEncoded();
    assertThat(p).hasSize(32).isEqualTo(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    assertThat(pair.txtValue()).isEqualTo("v=DKIM1; k=ed25519; p=" + pair.publicKeyBase64());
  }

  @Test
  void txtStrings_rsaKey_splitAt255BytesAndJoinToTheValue() {
    DkimKeyPair pair = DkimKeys.generate(DkimAlgorithm.RSA);

    assertThat(pair.txtStrings()).hasSizeGreaterThan(1)
        .allSatisfy(s -> assertThat(s.getBytes(StandardCharsets.UTF_8).length)
            .isLessThanOrEqualTo(255));
    assertThat(pair.txtStrings().get(0)).hasSize(255);
    assertThat(String.join("", pair.txtStrings())).isEqualTo(pair.txtValue());
  }

  @ParameterizedTest
  @EnumSource(DkimAlgorithm.class)
  void loadOrGenerate_twice_writesOwnerOnlyPemOnceAndReadsTheSameKeyBack(DkimAlgorithm alg)
      throws Exception {
    // given
    Path file = dir.resolve("keys/s1.pem");

    // when
    DkimKeyPair first = DkimKeys.loadOrGenerate(file, alg);
    DkimKeyPair second = DkimKeys.loadOrGenerate(file, alg);

    // then
    assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(second.publicKeyBase64()).isEqualTo(first.publicKeyBase64());
    assertThat(second.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temp file left behind
    }
  }

  @Test
  void writePrivateKey_fileExists_refusesToOverwrite() throws Exception {
    Path file = dir.resolve("s1.pem");
    Files.writeString(file, "precious");

    assertThatThrownBy(() -> DkimKeys.writePrivateKey(DkimKeys.generate(DkimAlgorithm.ED25519),
        file)).isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("mailshift never overwrites one");
    assertThat(Files.readString(file)).isEqualTo("precious");
  }

  @Test
  void readPrivateKey_keyOfAnotherType_saysToCheckTheAlgorithm() throws Exception {
    Path file = dir.resolve("s1.pem");
    DkimKeys.writePrivateKey(DkimKeys.generate(DkimAlgorithm.ED25519), file);

    assertThatThrownBy(() -> DkimKeys.readPrivateKey(file, DkimAlgorithm.RSA))
        .hasMessageContaining("does not hold a rsa private key")
        .hasMessageContaining("Check dkim.algorithm");
  }

  @Test
  void toString_neverShowsThePrivateKey() {
    DkimKeyPair pair = DkimKeys.generate(DkimAlgorithm.RSA);
    String secretPart = Base64.getEncoder().encodeToString(pair.privateKey().getEncoded())
        .substring(100, 140);

    assertThat(pair.toString()).contains("private key ****").doesNotContain(secretPart)
        .doesNotContain("private exponent");
  }
}
