package dev.mailshift.sync;

import dev.mailshift.imap.Access;
import dev.mailshift.imap.ImapSession;

/** Hands out one session at a time on a fake server; a discarded one is replaced. */
final class FakeSessions implements SessionProvider {
  private final FakeImapServer server;
  private final Access access;
  private ImapSession current;
  int opened;
  int discarded;

  FakeSessions(FakeImapServer server, Access access) {
    this.server = server;
    this.access = access;
  }

  @Override
  public ImapSession get() {
    if (current == null) {
      current = server.open(access);
      opened++;
    }
    return current;
  }

  @Override
  public void discard(ImapSession broken) {
    broken.close();
    discarded++;
    if (broken == current) {
      current = null;
    }
  }
}
