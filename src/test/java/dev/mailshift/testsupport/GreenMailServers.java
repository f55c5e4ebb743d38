package dev.mailshift.testsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailshift.imap.Access;
import dev.mailshift.imap.Credentials;
import dev.mailshift.imap.ImapEndpoint;
import dev.mailshift.imap.ImapEndpoint.TlsMode;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.JakartaImapConnector;
import dev.mailshift.plan.Secret;
import java.time.Duration;
import java.util.Optional;

/**
 * GreenMail for fast tests: IMAP and IMAPS on dynamic ports, users alice and bob (password
 * "secret"). Register one extension per server (a source and a destination give two).
 */
public final class GreenMailServers {
  public static final String PASSWORD = "secret";
  private static final Duration STARTUP = Duration.ofSeconds(30);

  private GreenMailServers() {}

  public static GreenMailExtension imapAndImaps() {
    ServerSetup imap = ServerSetupTest.IMAP.dynamicPort();
    ServerSetup imaps = ServerSetupTest.IMAPS.dynamicPort();
    // The default 2 s start-up wait fails on a loaded 2-core CI machine.
    imap.setServerStartupTimeout(STARTUP.toMillis());
    imaps.setServerStartupTimeout(STARTUP.toMillis());
    return new GreenMailExtension(new ServerSetup[] {imap, imaps})
        .withConfiguration(GreenMailConfiguration.aConfig()
            .withUser("alice", PASSWORD)
            .withUser("bob", PASSWORD));
  }

  /** Plain IMAP (GreenMail has no STARTTLS). */
  public static ImapEndpoint plain(GreenMailExtension gm) {
    return new ImapEndpoint("127.0.0.1", gm.getImap().getPort(), TlsMode.NONE, Optional.empty(),
        false, Duration.ofSeconds(10));
  }

  /** A read-write session over plain IMAP, to seed a server or read it back. */
  public static ImapSession session(GreenMailExtension gm, String user, String password) {
    return new JakartaImapConnector().connect(plain(gm), new Credentials(user,
        new Secret(password)), Access.READ_WRITE);
  }

  /** IMAPS with certificate checks on: GreenMail's self-signed certificate must fail them. */
  public static ImapEndpoint imapsVerified(GreenMailExtension gm) {
    return new ImapEndpoint("127.0.0.1", gm.getImaps().getPort(), TlsMode.IMPLICIT,
        Optional.empty(), false, Duration.ofSeconds(10));
  }

  public static ImapEndpoint imapsInsecure(GreenMailExtension gm) {
    return new ImapEndpoint("127.0.0.1", gm.getImaps().getPort(), TlsMode.IMPLICIT,
        Optional.empty(), true, Duration.ofSeconds(10));
  }

  public static Credentials alice() {
    return new Credentials("alice", new Secret(PASSWORD));
  }

  public static Credentials bob() {
    return new Credentials("bob", new Secret(PASSWORD));
  }
}
