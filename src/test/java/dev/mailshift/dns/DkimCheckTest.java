package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.dns.CheckFinding.Verdict;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DkimCheckTest {
  private static final String NAME = "s1._domainkey.acme.test.";
  private static final DkimKeyPair RSA = DkimKeys.generate(DkimAlgorithm.RSA);
  private static final DkimKeyPair ED = DkimKeys.generate(DkimAlgorithm.ED25519);

  private final MailAuthChecks checks = new MailAuthChecks(new FakeRecursiveLookup());

  private List<CheckFinding> check(String value, Optional<DkimKeyPair> key) {
    return checks.dkim(NAME, List.of(TxtValue.split(value)), key);
  }

  @Test
  void check_generatedRsaKeyAsPublished_passesWithSizeAndMatch() {
    assertThat(checks.dkim(NAME, List.of(RSA.txtStrings()), Optional.of(RSA)))
        .extracting(CheckFinding::verdict, CheckFinding::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Verdict.PASS, "RSA key of 2048 bits"),
            org.assertj.core.groups.Tuple.tuple(Verdict.PASS,
                "the published key matches the private key"));
  }

  @Test
  void check_generatedEd25519Key_passes() {
    assertThat(check(ED.txtValue(), Optional.of(ED))).extracting(CheckFinding::verdict)
        .containsOnly(Verdict.PASS);
  }

  @Test
  void check_publishedKeyOfAnotherPair_errorSignaturesWillFail() {
    DkimKeyPair other = DkimKeys.generate(DkimAlgorithm.ED25519);

    assertThat(check(other.txtValue(), Optional.of(ED))).filteredOn(CheckFinding::isError)
        .singleElement().satisfies(f -> {
          assertThat(f.message()).contains("does not match the private key");
          assertThat(f.fix()).contains("publish the record from the plan again");
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "v=DKIM1; k=rsa; p= | p= is empty: the key is revoked",
      "v=DKIM1; k=rsa | p= (the public key) is missing",
      "k=rsa; v=DKIM1; p=AAAA | v= must be DKIM1 and the first tag",
      "v=DKIM1; k=dsa; p=AAAA | k=dsa is not a key type receivers know",
      "v=DKIM1; k=ed25519; p=AAAA | p= is not a valid ed25519 public key",
      "v=DKIM1; k=rsa; p=!!notbase64 | p= is not a valid rsa public key",
      "v=DKIM1; k=rsa; k=rsa; p=AAAA | the tag k= appears twice",
      "v=DKIM1; garbage | 'garbage' is not a tag=value pair"})
  void check_brokenRecord_errorNamingTheProblem(String value, String expected) {
    assertThat(check(value, Optional.empty())).filteredOn(CheckFinding::isError)
        .extracting(CheckFinding::message).anySatisfy(m -> assertThat(m).contains(expected));
  }

  @Test
  void check_1024BitRsaKey_warnsTo2048() throws Exception {
    assertThat(check(rsaValue(1024), Optional.empty())).singleElement().satisfies(f -> {
      assertThat(f.verdict()).isEqualTo(Verdict.WARNING);
      assertThat(f.message()).isEqualTo("RSA key of 1024 bits; 2048 is recommended");
    });
  }

  @Test
  void check_512BitRsaKey_errorBelowRfc8301Minimum() throws Exception {
    assertThat(check(rsaValue(512), Optional.empty())).singleElement().satisfies(f -> {
      assertThat(f.verdict()).isEqualTo(Verdict.ERROR);
      assertThat(f.message()).contains("RFC 8301 section 3.2 requires at least 1024");
    });
  }

  @Test
  void check_stringLongerThan255Bytes_error() {
    assertThat(checks.dkim(NAME, List.of(List.of(RSA.txtValue())), Optional.empty()))
        .filteredOn(CheckFinding::isError).extracting(CheckFinding::message)
        .containsExactly("a TXT string is longer than 255 bytes");
  }

  @Test
  void check_twoRecordsAtSelector_error() {
    assertThat(checks.dkim(NAME, List.of(ED.txtStrings(), ED.txtStrings()), Optional.empty()))
        .singleElement().satisfies(f -> assertThat(f.message())
            .isEqualTo("2 TXT records at " + NAME + "; a DKIM selector needs exactly one"));
  }

  @Test
  void check_testingFlagAndSha1_warnings() {
    assertThat(check("v=DKIM1; h=sha1; t=y; k=ed25519; p=" + ED.publicKeyBase64(),
        Optional.empty())).filteredOn(f -> f.verdict() == Verdict.WARNING)
        .extracting(CheckFinding::message)
        .anySatisfy(m -> assertThat(m).contains("t=y"))
        .anySatisfy(m -> assertThat(m).contains("sha1"));
  }

  private static String rsaValue(int bits) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(bits);
    return "v=DKIM1; k=rsa; p="
        + Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
  }
}
