package dev.mailshift.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailshift.imap.ImapEndpoint.TlsMode;
import dev.mailshift.imap.ImapSession.UidSize;
import dev.mailshift.testsupport.DovecotPair;
import dev.mailshift.testsupport.FaultProxy;
import dev.mailshift.testsupport.Seeder;
import dev.mailshift.testsupport.TestMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The adapter against two real Dovecot 2.3 servers (scripts/dovecot-pair.sh). */
class JakartaImapSessionIT {
  @RegisterExtension
  static DovecotPair dovecot = new DovecotPair();

  private static final Instant DATE = Instant.parse("2021-12-24T18:00:00Z");

  @TempDir
  Path spool;

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private ImapConnector connector() {
    return new JakartaImapConnector(spool);
  }

  private ImapSession source(Access access) {
    ImapSession s = connector().connect(dovecot.source().plain(),
        dovecot.source().credentials(), access);
    open.add(s);
    return s;
  }

  private ImapSession destination() {
    ImapSession s = connector().connect(dovecot.destination().plain(),
        dovecot.destination().credentials(), Access.READ_WRITE);
    open.add(s);
    return s;
  }


  @Test
  void connect_source_reportsInboxPrefixDotSeparatorAndCondstore() {
    ServerInfo info = source(Access.READ_ONLY).info();

    assertThat(info.personalPrefix()).isEqualTo("INBOX.");
    assertThat(info.separator()).isEqualTo('.');
    assertThat(info.capabilities()).contains("CONDSTORE", "QRESYNC", "UIDPLUS", "LIST-EXTENDED");
    assertThat(info.appendLimit()).isEmpty();
  }

  @Test
  void connect_destination_reportsSlashSeparatorSpecialUseAndAppendLimit() {
    ServerInfo info = destination().info();

    assertThat(info.personalPrefix()).isEmpty();
    assertThat(info.separator()).isEqualTo('/');
    assertThat(info.has("SPECIAL-USE")).isTrue();
    assertThat(info.appendLimit()).hasValue(31_457_280L);
  }

  @Test
  void listFolders_destination_reportsSpecialUseAndSubscriptions() {
    List<FolderInfo> folders = destination().listFolders();

    assertThat(folders).filteredOn(f -> f.name().equals("Sent")).singleElement()
        .satisfies(f -> {
          assertThat(f.attributes()).contains("\\Sent");
          assertThat(f.subscribed()).isTrue();
        });
    assertThat(folders).filteredOn(f -> f.name().equals("Archive")).singleElement()
        .satisfies(f -> {
          assertThat(f.attributes()).contains("\\Archive").doesNotContain("\\Subscribed");
          assertThat(f.subscribed()).isFalse();
        });
    assertThat(folders).flatExtracting(f -> List.copyOf(f.attributes()))
        .contains("\\Drafts", "\\Trash", "\\Junk");
  }

  @Test
  void create_nonAsciiNamesOnBothLayouts_roundTrip() {
    // given: names with '&' (modified UTF-7's shift character), umlauts and an emoji
    List<String> leaves = List.of("Entw\u00fcrfe", "03_M\u00e4rchen & Co", "Post \uD83D\uDCEC");
    ImapSession src = source(Access.READ_WRITE);
    ImapSession dst = destination();

    // when
    for (String leaf : leaves) {
      src.create("INBOX." + leaf);
      dst.create("Archiv/" + leaf);
      dst.subscribe("Archiv/" + leaf);
    }

    // then
    List<FolderInfo> s = src.listFolders();
    List<FolderInfo> d = dst.listFolders();
    for (String leaf : leaves) {
      assertThat(s).extracting(FolderInfo::name).contains("INBOX." + leaf);
      assertThat(d).filteredOn(f -> f.name().equals("Archiv/" + leaf)).singleElement()
          .satisfies(f -> assertThat(f.subscribed()).isTrue());
      assertThat(src.status("INBOX." + leaf).messages()).isZero();
    }
  }

  @Test
  void fetchFlags_changedSince_returnsOnlyChangedMessages() {
    // given
    List<Long> uids = new Seeder(connector(), dovecot.destination().plain(),
        dovecot.destination().credentials()).seedSimple("INBOX", 3, DATE);
    ImapSession dst = destination();
    FolderStatus before = dst.select("INBOX");
    assertThat(before.highestModseq()).isPresent();
    dst.replaceFlags(uids.get(1), Set.of("\\Seen", "$Done"));

    // when
    List<MessageMeta> changed = new ArrayList<>();
    dst.fetchFlags(before.highestModseq(), changed::add);

    // then
    assertThat(changed).singleElement().satisfies(m -> {
      assertThat(m.uid()).isEqualTo(uids.get(1));
      assertThat(m.flags()).containsExactlyInAnyOrder("\\Seen", "$Done");
      assertThat(m.modseq().getAsLong()).isGreaterThan(before.highestModseq().getAsLong());
    });
  }

  @Test
  void fetchMeta_condstore_reportsModseq() {
    new Seeder(connector(), dovecot.source().plain(), dovecot.source().credentials())
        .seedSimple("INBOX", 2, DATE);
    ImapSession src = source(Access.READ_ONLY);
    src.examine("INBOX");
    List<MessageMeta> metas = new ArrayList<>();

    src.fetchMeta(1, Long.MAX_VALUE, metas::add);

    assertThat(metas).hasSize(2).allSatisfy(m -> {
      assertThat(m.modseq()).isPresent();
      assertThat(m.internalDate()).isEqualTo(DATE);
      assertThat(m.messageId()).isPresent();
    });
  }

  @Test
  void append_overAppendLimit_isRejected() {
    ImapSession dst = destination();
    TestMessage huge = TestMessage.of(new byte[31_457_281]);

    assertThatThrownBy(() -> dst.append("INBOX", huge, Set.of(), DATE))
        .isInstanceOfSatisfying(ImapException.class, e -> {
          assertThat(e.kind()).isEqualTo(ImapException.Kind.REJECTED);
          assertThat(e.getMessage()).contains("APPENDLIMIT");
        });
    assertThat(dst.status("INBOX").messages()).isZero();
  }

  @Test
  void connect_starttlsWithoutCaFile_failsWithTls() {
    assertThatThrownBy(() -> connector().connect(dovecot.source().starttlsUntrusted(),
        dovecot.source().credentials(), Access.READ_ONLY))
        .isInstanceOfSatisfying(ImapException.class,
            e -> assertThat(e.kind()).isEqualTo(ImapException.Kind.TLS));
  }

  @Test
  void connect_starttlsAndImapsWithCaFile_logIn() {
    for (ImapEndpoint e : List.of(dovecot.source().starttls(), dovecot.source().imaps())) {
      try (ImapSession s = connector().connect(e, dovecot.source().credentials(),
          Access.READ_ONLY)) {
        assertThat(s.status("INBOX").uidValidity()).isPositive();
      }
    }
  }

  @Test
  void connect_caFileWithSeveralCertificates_trustsEachOfThem() throws Exception {
    // given: a bundle holding some other CA first, then the server's certificate
    var tmf = javax.net.ssl.TrustManagerFactory.getInstance(
        javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((java.security.KeyStore) null);
    var jdkCa = ((javax.net.ssl.X509TrustManager) tmf.getTrustManagers()[0])
        .getAcceptedIssuers()[0];
    String otherPem = "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64,
        "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(jdkCa.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
    Path bundle = spool.resolve("bundle.pem");
    java.nio.file.Files.writeString(bundle,
        otherPem + java.nio.file.Files.readString(dovecot.source().caFile()));
    ImapEndpoint imaps = dovecot.source().imaps();
    ImapEndpoint withBundle = new ImapEndpoint(imaps.host(), imaps.port(), TlsMode.IMPLICIT,
        Optional.of(bundle), false, imaps.timeout());

    // when / then
    try (ImapSession s = connector().connect(withBundle, dovecot.source().credentials(),
        Access.READ_ONLY)) {
      assertThat(s.listFolders()).extracting(FolderInfo::name).contains("INBOX");
    }
  }

  @Test
  void connect_caFileButWrongHostName_failsWithTls() {
    // the certificate names localhost only; 127.0.0.1 is the same server under another name
    assertThatThrownBy(() -> connector().connect(dovecot.source().imapsWrongName(),
        dovecot.source().credentials(), Access.READ_ONLY))
        .isInstanceOfSatisfying(ImapException.class,
            e -> assertThat(e.kind()).isEqualTo(ImapException.Kind.TLS));
  }

  @Test
  void copy_oddMessages_destinationBytesEqualSourceBytes() {
    // given: 8-bit bytes, malformed MIME, bare LF, bare CR, no final CRLF
    List<byte[]> odd = List.of(
        "Subject: 8bit\r\n\r\nGr\u00fc\u00dfe \u00e9\u00e8\r\n".getBytes(StandardCharsets.ISO_8859_1),
        "Subject: lf\n\nbare LF lines\nsecond\n".getBytes(StandardCharsets.US_ASCII),
        "Subject: cr\r\n\r\nbare\rCR\r\n".getBytes(StandardCharsets.US_ASCII),
        ("Content-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nbroken part"
            + "\r\n--yy--").getBytes(StandardCharsets.US_ASCII));
    ImapSession src = source(Access.READ_WRITE);
    List<Long> uids = new ArrayList<>();
    for (byte[] b : odd) {
      uids.add(src.append("INBOX", TestMessage.of(b), Set.of("\\Seen"), DATE).orElseThrow());
    }
    src.examine("INBOX");
    List<MessageMeta> metas = new ArrayList<>();
    src.fetchMeta(1, Long.MAX_VALUE, metas::add);
    List<UidSize> sizes = metas.stream().map(m -> new UidSize(m.uid(), m.size())).toList();
    ImapSession dst = destination();
    Map<Long, Long> dstUid = new HashMap<>();

    // when
    src.fetchBodies(sizes, m -> {
      try (m) {
        dstUid.put(m.uid(), dst.append("INBOX", m, Set.of("\\Seen"), DATE).orElseThrow());
      }
    });

    // then
    Map<Long, byte[]> srcBytes = Fetched.bodies(src, sizes);
    dst.examine("INBOX");
    List<UidSize> dstSizes = sizes.stream()
        .map(s -> new UidSize(dstUid.get(s.uid()), s.size())).toList();
    Map<Long, byte[]> dstBytes = Fetched.bodies(dst, dstSizes);
    for (UidSize s : sizes) {
      assertThat(dstBytes.get(dstUid.get(s.uid()))).isEqualTo(srcBytes.get(s.uid()));
    }
    // Dovecot stores bare LF and serves CRLF (RFC 3501 requires CRLF in BODY[]):
    assertThat(new String(srcBytes.get(uids.get(1)), StandardCharsets.US_ASCII))
        .isEqualTo("Subject: lf\r\n\r\nbare LF lines\r\nsecond\r\n");
    // 8-bit bytes and broken MIME come back as they went in
    assertThat(srcBytes.get(uids.get(0))).isEqualTo(odd.get(0));
    assertThat(srcBytes.get(uids.get(3))).isEqualTo(odd.get(3));
  }

  @Test
  void copy_25MegabyteMessage_isByteExactAndSpooledToDisk() {
    // given
    TestMessage big = TestMessage.withAttachment(25 << 20, 25);
    ImapSession src = source(Access.READ_WRITE);
    long uid = src.append("INBOX", big, Set.of(), DATE).orElseThrow();
    src.examine("INBOX");
    ImapSession dst = destination();
    long[] copied = {0};

    // when
    src.fetchBodies(List.of(new UidSize(uid, big.size())), m -> {
      try (m) {
        assertThat(m).isInstanceOf(FileMessage.class);
        assertThat(((FileMessage) m).file()).startsWith(spool);
        assertThat(m.sha256()).isEqualTo(big.sha256());
        copied[0] = dst.append("Archive", m, Set.of("$Big"), DATE).orElseThrow();
      }
    });

    // then
    dst.examine("Archive");
    List<String> hashes = new ArrayList<>();
    dst.fetchBodies(List.of(new UidSize(copied[0], big.size())), m -> {
      try (m) {
        hashes.add(m.sha256());
      }
    });
    assertThat(hashes).containsExactly(big.sha256());
    assertThat(spool.toFile().list()).isEmpty();
  }

  @Test
  void append_droppedInsideLiteral_leavesNoMessageOnDovecot() throws Exception {
    // given
    FaultProxy proxy = FaultProxy.to("127.0.0.1", dovecot.destination().plain().port())
        .dropDuringCommand("APPEND", 1, 100_000);
    open.add(proxy);
    ImapEndpoint viaProxy = new ImapEndpoint("127.0.0.1", proxy.port(), TlsMode.NONE,
        Optional.empty(), false, Duration.ofSeconds(10));
    ImapSession rw = connector().connect(viaProxy, dovecot.destination().credentials(),
        Access.READ_WRITE);
    open.add(rw);

    // when
    assertThatThrownBy(() -> rw.append("INBOX", TestMessage.withAttachment(500_000, 4),
        Set.of(), DATE)).isInstanceOfSatisfying(ImapException.class,
            e -> assertThat(e.kind()).isEqualTo(ImapException.Kind.DROPPED));

    // then
    assertThat(destination().status("INBOX").messages()).isZero();
  }

  @Test
  void readOnlySource_everyRead_leavesFlagsUnchanged() {
    // given
    List<Long> uids = new Seeder(connector(), dovecot.source().plain(),
        dovecot.source().credentials()).seedSimple("INBOX", 3, DATE);
    ImapSession ro = source(Access.READ_ONLY);
    FolderStatus before = ro.status("INBOX");

    // when
    ro.listFolders();
    ro.examine("INBOX");
    List<UidSize> sizes = new ArrayList<>();
    ro.fetchMeta(1, Long.MAX_VALUE, m -> sizes.add(new UidSize(m.uid(), m.size())));
    ro.fetchFlags(OptionalLong.empty(), m -> {});
    Fetched.bodies(ro, sizes);

    // then: no flag changed, so HIGHESTMODSEQ did not move and nothing is \Seen
    ImapSession check = source(Access.READ_ONLY);
    assertThat(check.status("INBOX").highestModseq()).isEqualTo(before.highestModseq());
    check.examine("INBOX");
    List<MessageMeta> flags = new ArrayList<>();
    check.fetchFlags(OptionalLong.empty(), flags::add);
    assertThat(flags).extracting(MessageMeta::uid).containsExactlyElementsOf(uids);
    assertThat(flags).allSatisfy(m -> assertThat(m.flags()).isEmpty());
  }
}
