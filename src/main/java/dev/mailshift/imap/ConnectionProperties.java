package dev.mailshift.imap;

import java.util.Properties;

/**
 * The Jakarta Mail properties of one connection, built from an {@link ImapEndpoint}. They go to
 * {@code Session.getInstance(props)}: never the default session, never system properties.
 */
final class ConnectionProperties {
  private ConnectionProperties() {}

  /** "imaps" for implicit TLS, else "imap". */
  static String protocol(ImapEndpoint endpoint) {
    return endpoint.tls() == ImapEndpoint.TlsMode.IMPLICIT ? "imaps" : "imap";
  }

  static Properties of(ImapEndpoint endpoint) {
    String p = "mail." + protocol(endpoint) + ".";
    Properties props = new Properties();
    String millis = Long.toString(Math.max(1, endpoint.timeout().toMillis()));
    props.setProperty(p + "host", endpoint.host());
    props.setProperty(p + "port", Integer.toString(endpoint.port()));
    props.setProperty(p + "connectiontimeout", millis);
    props.setProperty(p + "timeout", millis);
    props.setProperty(p + "writetimeout", millis);
    // One connection per session: the store connection is the only one ever used.
    props.setProperty(p + "connectionpoolsize", "1");
    props.setProperty(p + "statuscachetimeout", "0");
    props.setProperty(p + "enableimapevents", "false");
    props.setProperty(p + "auth.login.disable", "false");
    props.put(p + "socketFactory", NoDelaySockets.plain());
    switch (endpoint.tls()) {
      case IMPLICIT -> tls(props, p, endpoint);
      case STARTTLS -> {
        props.setProperty(p + "starttls.enable", "true");
        props.setProperty(p + "starttls.required", "true");
        tls(props, p, endpoint);
      }
      case NONE -> props.setProperty(p + "starttls.enable", "false");
    }
    return props;
  }

  private static void tls(Properties props, String p, ImapEndpoint endpoint) {
    if (endpoint.insecure()) {
      // Only when the plan says insecure: true. Both are needed (see NOTES.md): trust any
      // certificate, and skip the host-name check.
      props.setProperty(p + "ssl.trust", "*");
      props.setProperty(p + "ssl.checkserveridentity", "false");
      props.put(p + "ssl.socketFactory", NoDelaySockets.trustAll());
      return;
    }
    props.setProperty(p + "ssl.checkserveridentity", "true");
    props.put(p + "ssl.socketFactory", endpoint.caFile()
        .map(ca -> NoDelaySockets.tls(PemTrust.socketFactory(ca)))
        .orElseGet(NoDelaySockets::tls));
  }
}
