package dev.mailshift.imap;

/** Opens authenticated IMAP sessions. One session is one connection. */
public interface ImapConnector {
  /**
   * Connects, negotiates TLS as the endpoint says, and logs in.
   *
   * @throws ImapException with kind CONNECT, TLS, AUTH or PROTOCOL; nothing was changed
   */
  ImapSession connect(ImapEndpoint endpoint, Credentials credentials, Access access);
}
